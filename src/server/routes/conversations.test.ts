import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DefaultChatTransport, type UIMessageChunk } from 'ai';
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type ConversationStore,
  conversationIdOf,
  createFileConversationStore,
} from '../../conversation/index.ts';
import { sampleTurn } from '../../conversation/testing/store-contract.ts';
import { WEB_DIR } from '../../paths.ts';
import type { AnswerUIMessage } from '../chat-stream.ts';
import type { App } from '../env.ts';
import { type ErrorJson, postJson, type TestApp, testApp } from '../testing/test-app.ts';

const KEY = 'a1'.repeat(32);
const ID = conversationIdOf(KEY);
const OTHER_KEY = 'b2'.repeat(32);
const QUESTION = 'Was gilt für Sirenen?';
const FOLLOW_UP = 'Wer fördert die Sirenen?';

let folder: string;
let store: ConversationStore;
let clock: number;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'beschluss-conversation-routes-'));
  store = createFileConversationStore({ directory: folder });
  clock = Date.parse('2026-03-02T10:00:00.000Z');
});

afterEach(() => rm(folder, { recursive: true, force: true }));

function app(options: Parameters<typeof testApp>[0] = {}): TestApp {
  return testApp({ conversations: store, now: () => clock, ...options });
}

async function json<T = Record<string, unknown>>(response: Response): Promise<T> {
  return (await response.json()) as T;
}

async function chatChunks(target: App, body: object, question: string): Promise<UIMessageChunk[]> {
  const transport = new DefaultChatTransport<AnswerUIMessage>({
    api: '/api/chat',
    body,
    fetch: async (input, init) => target.request(String(input), init),
  });
  const stream = await transport.sendMessages({
    trigger: 'submit-message',
    chatId: 'chat-1',
    messageId: undefined,
    messages: [{ id: 'q1', role: 'user', parts: [{ type: 'text', text: question }] }],
    abortSignal: undefined,
  });
  const chunks: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (let result = await reader.read(); !result.done; result = await reader.read())
    chunks.push(result.value);
  return chunks;
}

describe('saving turns as they are answered', () => {
  it('saves each /api/ask turn under the key’s conversation and names it in the answer', async () => {
    const { app: target } = app();
    const first = await target.request('/api/ask', postJson({ question: QUESTION, conversationKey: KEY }));
    expect(first.status).toBe(200);
    const answered = await json<Record<string, unknown>>(first);
    expect(answered.conversation).toEqual({ id: ID, turn: 0 });
    clock += 60_000;
    const second = await json(
      await target.request('/api/ask', postJson({ question: FOLLOW_UP, conversationKey: KEY })),
    );
    expect(second.conversation).toEqual({ id: ID, turn: 1 });

    const saved = await json<{ title: string; named: boolean; turns: Array<Record<string, unknown>> }>(
      await target.request(`/api/conversations/${ID}`),
    );
    expect(saved).toMatchObject({
      id: ID,
      title: QUESTION,
      named: false,
      createdAt: '2026-03-02T10:00:00.000Z',
    });
    const { conversation: _where, ...answer } = answered;
    expect(saved.turns[0]).toEqual({
      question: QUESTION,
      answer,
      askedAt: '2026-03-02T10:00:00.000Z',
      answeredAt: '2026-03-02T10:00:00.000Z',
      mode: 'extractive',
      model: 'offline:fake:8',
      indexVersion: '2024-01-02T03:04:05.000Z',
    });
    expect(saved.turns.map((turn) => turn.question)).toEqual([QUESTION, FOLLOW_UP]);
  });

  it('saves nothing without a key, and answers with a key where the server keeps no conversations', async () => {
    const { app: target } = app();
    const plain = await json(await target.request('/api/ask', postJson({ question: QUESTION })));
    expect(plain.conversation).toBeUndefined();
    expect(await store.get(ID)).toBeUndefined();
    const { app: without } = testApp();
    const answered = await without.request(
      '/api/ask',
      postJson({ question: QUESTION, conversationKey: KEY }),
    );
    expect(answered.status).toBe(200);
    expect((await json(answered)).conversation).toBeUndefined();
    const read = await without.request(`/api/conversations/${ID}`);
    expect(read.status).toBe(503);
    expect((await json<ErrorJson>(read)).error.message).toBe(
      'Gespräche werden auf diesem Server nicht gespeichert.',
    );
  });

  it('saves a /api/chat turn before it finishes, and names it in a data-conversation part', async () => {
    const { app: target } = app();
    const chunks = await chatChunks(target, { conversationKey: KEY }, QUESTION);
    const types = chunks.map((chunk) => chunk.type);
    expect(types.slice(-3)).toEqual(['data-answer', 'data-conversation', 'finish']);
    const part = chunks.find((chunk) => chunk.type === 'data-conversation') as { data: unknown };
    expect(part.data).toEqual({ id: ID, turn: 0 });
    const answer = (chunks.find((chunk) => chunk.type === 'data-answer') as { data: unknown }).data;
    expect((await store.get(ID))?.turns[0]).toMatchObject({ question: QUESTION, answer });
    const plain = await chatChunks(target, {}, QUESTION);
    expect(plain.some((chunk) => chunk.type === 'data-conversation')).toBe(false);
  });

  it('refuses a question beyond the last turn a conversation may hold before answering it', async () => {
    const { app: target, assistant } = app();
    await store.create({
      id: ID,
      createdAt: '2026-03-01T00:00:00.000Z',
      updatedAt: '2026-03-01T00:00:00.000Z',
      turns: Array.from({ length: 100 }, (_, index) => sampleTurn(`Frage ${index}`)),
    });
    for (const route of ['/api/ask', '/api/chat']) {
      const body =
        route === '/api/ask'
          ? { question: QUESTION, conversationKey: KEY }
          : { messages: [{ role: 'user', parts: [{ type: 'text', text: QUESTION }] }], conversationKey: KEY };
      const response = await target.request(route, postJson(body));
      expect(response.status, route).toBe(409);
      expect((await json<ErrorJson>(response)).error).toMatchObject({
        code: 'CONVERSATION_FULL',
        message:
          'Dieses Gespräch hat schon 100 Fragen, mehr sind nicht möglich. Bitte beginnen Sie ein neues Gespräch.',
      });
    }
    expect(assistant.answerer.calls).toEqual([]);
  });

  it('answers a full disk with 507 rather than an answer it could not save, and shows no folder', async () => {
    const full = createFileConversationStore({
      directory: folder,
      replaceFile: async () => {
        throw Object.assign(new Error('ENOSPC: simulated'), { code: 'ENOSPC' });
      },
    });
    const { app: target } = app({ conversations: full });
    const response = await target.request('/api/ask', postJson({ question: QUESTION, conversationKey: KEY }));
    expect(response.status).toBe(507);
    const { error } = await json<ErrorJson>(response);
    expect(error.code).toBe('STORAGE_FULL');
    expect(error.message).toContain('Das Gespräch wurde nicht gespeichert: der Datenträger ist voll.');
    expect(JSON.stringify(error)).not.toContain(folder);

    const chunks = await chatChunks(target, { conversationKey: KEY }, QUESTION);
    expect(chunks.some((chunk) => chunk.type === 'data-conversation')).toBe(false);
    const failed = chunks.find((chunk) => chunk.type === 'error') as { errorText: string } | undefined;
    expect(failed?.errorText).toContain('Das Gespräch wurde nicht gespeichert');
    expect(failed?.errorText).not.toContain(folder);
    expect(await store.get(ID)).toBeUndefined();
  });

  it('refuses a key that is too short to be unguessable', async () => {
    const response = await app().app.request(
      '/api/ask',
      postJson({ question: QUESTION, conversationKey: 'kurz' }),
    );
    expect(response.status).toBe(400);
    expect((await json<ErrorJson>(response)).error.details?.field).toBe('conversationKey');
  });
});

describe('/api/conversations/{id}', () => {
  async function saved(target: App): Promise<void> {
    await target.request('/api/ask', postJson({ question: QUESTION, conversationKey: KEY }));
  }

  it('says in German that a conversation does not exist, and refuses an id that is none', async () => {
    const { app: target } = app();
    const missing = await target.request(`/api/conversations/${conversationIdOf(OTHER_KEY)}`);
    expect(missing.status).toBe(404);
    expect((await json<ErrorJson>(missing)).error.message).toMatch(
      /^Dieses Gespräch gibt es nicht \(mehr\)/u,
    );
    expect((await target.request('/api/conversations/..%2F..%2Fetc')).status).toBe(400);
  });

  it('renames and deletes only with the key that owns the conversation', async () => {
    const { app: target } = app();
    await saved(target);
    const rename = (key: string | undefined, title: string) =>
      target.request(`/api/conversations/${ID}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', ...(key ? { 'x-conversation-key': key } : {}) },
        body: JSON.stringify({ title }),
      });
    const forbidden = await rename(OTHER_KEY, 'Fremd');
    expect(forbidden.status).toBe(403);
    expect((await json<ErrorJson>(forbidden)).error.message).toBe(
      'Dieses Gespräch kann nur in dem Browser geändert werden, in dem es geführt wurde.',
    );
    expect((await rename(undefined, 'Ohne Schlüssel')).status).toBe(400);
    clock += 1000;
    const renamed = await rename(KEY, '  Sirenen für den Vermerk ');
    expect(await json(renamed)).toMatchObject({ title: 'Sirenen für den Vermerk', named: true });
    expect(await json(await rename(KEY, ''))).toMatchObject({ title: QUESTION, named: false });

    const remove = (key: string) =>
      target.request(`/api/conversations/${ID}`, {
        method: 'DELETE',
        headers: { 'x-conversation-key': key },
      });
    expect((await remove(OTHER_KEY)).status).toBe(403);
    expect(await json(await remove(KEY))).toEqual({ deleted: true });
    expect((await target.request(`/api/conversations/${ID}`)).status).toBe(404);
    expect((await remove(KEY)).status).toBe(404);
  });

  it('continues a shared conversation as a new one under a new key, once', async () => {
    const { app: target } = app();
    await saved(target);
    const newId = conversationIdOf(OTHER_KEY);
    const continued = await target.request(`/api/conversations/${ID}/continue`, postJson({ key: OTHER_KEY }));
    expect(continued.status).toBe(200);
    const body = await json<{ id: string; continuedFrom: string; turns: unknown[] }>(continued);
    expect(body).toMatchObject({ id: newId, continuedFrom: ID });
    expect(body.turns).toEqual((await store.get(ID))?.turns);
    const again = await target.request(`/api/conversations/${ID}/continue`, postJson({ key: OTHER_KEY }));
    expect(again.status).toBe(409);
    const followUp = await json(
      await target.request('/api/ask', postJson({ question: FOLLOW_UP, conversationKey: OTHER_KEY })),
    );
    expect(followUp.conversation).toEqual({ id: newId, turn: 1 });
    expect((await store.get(ID))?.turns).toHaveLength(1);
  });

  it('exports the conversation or one answer as a Word document', async () => {
    const { app: target } = app();
    await saved(target);
    await target.request('/api/ask', postJson({ question: FOLLOW_UP, conversationKey: KEY }));
    const one = await target.request(`/api/conversations/${ID}/export.docx?turn=1`);
    expect(one.status).toBe(200);
    expect(one.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(one.headers.get('content-disposition')).toBe('attachment; filename="Antwort-2-2026-03-02.docx"');
    const html = (await mammoth.convertToHtml({ buffer: Buffer.from(await one.arrayBuffer()) })).value;
    expect(html).toContain(`<h2>Frage: ${FOLLOW_UP}</h2>`);
    expect(html).not.toContain(QUESTION);
    expect(html).toMatch(/IMK 10\.12\.2020, TOP 29\.2 Ziff\. \d/u);
    const whole = await target.request(`/api/conversations/${ID}/export.docx`);
    const wholeHtml = (await mammoth.convertToHtml({ buffer: Buffer.from(await whole.arrayBuffer()) })).value;
    expect(wholeHtml).toContain(`<h2>1. Frage: ${QUESTION}</h2>`);
    expect(wholeHtml).toContain(`<h2>2. Frage: ${FOLLOW_UP}</h2>`);
    const beyond = await target.request(`/api/conversations/${ID}/export.docx?turn=2`);
    expect(beyond.status).toBe(404);
    expect((await json<ErrorJson>(beyond)).error.message).toBe(
      'Dieses Gespräch hat 2 Antworten; eine Antwort 3 gibt es nicht.',
    );
  });

  it('needs the API key like every /api route', async () => {
    const { app: target } = app({ config: { BESCHLUSS_API_KEY: 'geheim' } });
    expect((await target.request(`/api/conversations/${ID}`)).status).toBe(401);
    expect(
      (await target.request(`/api/conversations/${ID}`, { headers: { authorization: 'Bearer geheim' } }))
        .status,
    ).toBe(404);
  });
});

describe('the share link /c/<id>', () => {
  it('opens the page, which reads the conversation itself', async () => {
    const { app: target } = app({ webDirectory: WEB_DIR });
    const page = await target.request(`/c/${ID}`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('<title>Beschluss-Assistent</title>');
    expect((await target.request(`/c/${ID}/x`)).status).toBe(404);
  });
});
