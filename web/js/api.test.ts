import { describe, expect, it } from 'vitest';
import { testApp } from '../../src/server/testing/test-app.ts';
import { ApiError, createApi } from './api.js';
import { describeError } from './errors.js';

function memoryStorage() {
  const items = new Map<string, string>();
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

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
});
