import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createFileConversationStore } from '../../src/conversation/index.ts';
import { testApp } from '../../src/server/testing/test-app.ts';
import { memoryStorage } from '../testing/memory-storage.ts';
import { ApiError, createApi } from './api.js';
import { canRetry, describeError, QUESTION_LIMIT } from './errors.js';

/** The page's client talking to the real app in-process. */
function clientOf(app: ReturnType<typeof testApp>['app']) {
  const seen: Request[] = [];
  const api = createApi({
    fetch: async (input, init) => {
      const request = new Request(new URL(String(input), 'http://page.test'), init);
      seen.push(request.clone());
      return app.request(request);
    },
    storage: memoryStorage(),
  });
  return { api, seen };
}

describe('createApi', () => {
  it('turns the server’s error body into an ApiError with status, code, message and details', async () => {
    const { api } = clientOf(testApp().app);
    const error = await api
      .getJson(`/api/cite?ref=${encodeURIComponent('TOP 3 und TOP 46 Ziffer 8')}`)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'http', status: 400, code: 'AMBIGUOUS_REFERENCE' });
    expect((error as ApiError).message).toMatch(/^„TOP 3 und TOP 46 Ziffer 8“ nennt 4 Fundstellen/u);
    expect(((error as ApiError).details as { candidates: string[] }).candidates).toHaveLength(4);
    expect(describeError(error)).toMatchObject({
      title: 'Anfrage abgelehnt (400)',
      serverMessage: (error as ApiError).message,
    });
  });

  it('sends the API key once it is set, and a keyed server then answers', async () => {
    const { api, seen } = clientOf(testApp({ config: { BESCHLUSS_API_KEY: 'geheim-123' } }).app);
    const refused = await api.getJson('/api/items').catch((caught: unknown) => caught);
    expect(refused).toMatchObject({ status: 401, code: 'UNAUTHORIZED' });
    expect(describeError(refused).title).toBe('API-Schlüssel erforderlich');
    expect(api.hasApiKey()).toBe(false);

    api.setApiKey('geheim-123');
    expect(api.hasApiKey()).toBe(true);
    const toc = (await api.getJson('/api/items')) as { meetings: unknown[] };
    expect(toc.meetings).toHaveLength(1);
    expect(seen.at(-1)?.headers.get('authorization')).toBe('Bearer geheim-123');
  });

  it('tells whether each request reached the server, except the quiet ones', async () => {
    const heard: string[] = [];
    let reachable = true;
    const api = createApi({
      fetch: async () => {
        if (!reachable) throw new TypeError('Failed to fetch');
        return Response.json({ status: 'ok' });
      },
      storage: undefined,
      onReachable: () => heard.push('reachable'),
      onUnreachable: () => heard.push('unreachable'),
    });
    await api.getJson('/api/items');
    reachable = false;
    await api.getJson('/api/items').catch(() => undefined);
    await api.getJson('/api/health', { quiet: true }).catch(() => undefined);
    expect(heard).toEqual(['reachable', 'unreachable']);
  });

  it('reports a request that never reached a server as a network error', async () => {
    const api = createApi({
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
      storage: memoryStorage(),
    });
    const error = await api.getJson('/api/health').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'network', status: 0 });
    expect(describeError(error).title).toBe('Server nicht erreichbar');
  });

  it('reads the wait of a rate-limited request from Retry-After', async () => {
    const api = createApi({
      fetch: async () =>
        new Response(JSON.stringify({ error: { code: 'RATE_LIMITED', message: 'Too many requests.' } }), {
          status: 429,
          headers: { 'Retry-After': '17', 'Content-Type': 'application/json' },
        }),
      storage: memoryStorage(),
    });
    const error = await api.getJson('/api/items').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ status: 429, retryAfterSeconds: 17 });
    expect(describeError(error).message).toContain('Bitte warten Sie 17 Sekunden.');
  });

  it('keeps the status line when an error body is not JSON (a proxy’s page)', async () => {
    const api = createApi({
      fetch: async () => new Response('<html>Bad Gateway</html>', { status: 502, statusText: 'Bad Gateway' }),
      storage: memoryStorage(),
    });
    const error = await api.getJson('/api/items').catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'http', status: 502, message: '502 Bad Gateway' });
    expect(describeError(error).title).toBe('Fehler auf dem Server (502)');
  });

  it('explains every limit of the server in German, without its English words, and offers no useless retry', async () => {
    const { api } = clientOf(testApp().app);
    const tooLong = 'Warum? '.repeat(1500);
    const limits = [
      ['/api/ask', { question: tooLong }, 'Frage zu lang', 'höchstens 2.000 Zeichen'],
      [
        '/api/ask',
        { question: 'Und?', history: Array.from({ length: 21 }, () => ({ role: 'user', content: 'x' })) },
        'Gespräch zu lang',
        'neues Gespräch',
      ],
      [
        '/api/chat',
        { messages: [{ role: 'user', parts: [{ type: 'text', text: tooLong }] }] },
        'Frage zu lang',
        '2.000',
      ],
      ['/api/ask', { question: 'x'.repeat(1024 * 1024 + 10) }, 'Anfrage zu groß', 'größer'],
    ] as const;
    for (const [route, body, title, words] of limits) {
      const error = await api.postJson(route, body).catch((caught: unknown) => caught);
      const description = describeError(error);
      expect(description.title, route).toBe(title);
      expect(description.message).toContain(words);
      expect(description.serverMessage).toBeUndefined();
      expect(JSON.stringify(description)).not.toMatch(/Expected|characters|bytes/u);
      expect(canRetry(error)).toBe(false);
    }
    expect(QUESTION_LIMIT).toBe(2000);
    expect(canRetry(new ApiError({ kind: 'http', status: 503, message: 'busy' }))).toBe(true);
    expect(canRetry(new ApiError({ kind: 'http', status: 429, message: 'wait' }))).toBe(true);
    expect(canRetry(new ApiError({ kind: 'network', message: 'down' }))).toBe(true);
  });

  const folders: string[] = [];
  afterAll(() => Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true }))));

  it('renames and deletes with the conversation key as a header, and downloads a file with its name', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'beschluss-api-client-'));
    folders.push(folder);
    const { api } = clientOf(
      testApp({ conversations: createFileConversationStore({ directory: folder }) }).app,
    );
    const key = 'f'.repeat(64);
    const { conversation } = (await api.postJson('/api/ask', {
      question: 'Sirenen',
      conversationKey: key,
    })) as {
      conversation: { id: string };
    };
    const header = { 'X-Conversation-Key': key };
    const renamed = await api.sendJson(
      'PATCH',
      `/api/conversations/${conversation.id}`,
      { title: 'Vermerk' },
      header,
    );
    expect(renamed).toMatchObject({ title: 'Vermerk', named: true });
    const file = await api.getFile(`/api/conversations/${conversation.id}/export.docx`, 'Gespraech.docx');
    expect(file.name).toMatch(/^Gespraech-\d{4}-\d{2}-\d{2}\.docx$/u);
    expect(file.blob.size).toBeGreaterThan(1000);
    expect(await api.sendJson('DELETE', `/api/conversations/${conversation.id}`, undefined, header)).toEqual({
      deleted: true,
    });
    const gone = await api
      .getJson(`/api/conversations/${conversation.id}`)
      .catch((caught: unknown) => caught);
    expect(describeError(gone).title).toBe('Gespräch nicht gefunden');
  });
});
