import { DefaultChatTransport, readUIMessageStream, type UIMessageChunk } from 'ai';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../../answer/types.ts';
import { BeschlussError } from '../../errors.ts';
import type { AnswerUIMessage } from '../chat-stream.ts';
import type { App } from '../env.ts';
import { createGate } from '../testing/fakes.ts';
import { FIXTURE_MEETING, fixtureCatalog, SECOND_MEETING } from '../testing/fixture-meeting.ts';
import { type ErrorJson, postJson, testApp } from '../testing/test-app.ts';

function userMessage(id: string, text: string): AnswerUIMessage {
  return { id, role: 'user', parts: [{ type: 'text', text }] };
}

/** The transport useChat uses, talking to the app in-process. */
function transportFor(app: App, body: object = {}) {
  return new DefaultChatTransport<AnswerUIMessage>({
    api: '/api/chat',
    body,
    fetch: async (input, init) => app.request(String(input), init),
  });
}

async function send(
  app: App,
  messages: AnswerUIMessage[],
  options: { body?: object; abortSignal?: AbortSignal } = {},
) {
  return transportFor(app, options.body).sendMessages({
    trigger: 'submit-message',
    chatId: 'chat-1',
    messageId: undefined,
    messages,
    abortSignal: options.abortSignal,
  });
}

async function finalMessage(
  stream: ReadableStream<UIMessageChunk>,
  errors: unknown[] = [],
): Promise<AnswerUIMessage> {
  let last: AnswerUIMessage | undefined;
  for await (const message of readUIMessageStream<AnswerUIMessage>({
    stream,
    onError: (error) => errors.push(error),
  })) {
    last = message;
  }
  if (!last) throw new Error('the stream produced no message');
  return last;
}

async function allChunks(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (let result = await reader.read(); !result.done; result = await reader.read())
    chunks.push(result.value);
  return chunks;
}

describe('POST /api/chat (AI SDK UI message stream)', () => {
  it('streams sources as source-document parts, the text, and the complete Answer as a data-answer part', async () => {
    const { app } = testApp();
    const expected = (await (
      await app.request('/api/ask', postJson({ question: 'Cell Broadcast Sirenen' }))
    ).json()) as Answer;

    const message = await finalMessage(await send(app, [userMessage('u1', 'Cell Broadcast Sirenen')]));

    expect(message.role).toBe('assistant');
    const sources = message.parts.filter((part) => part.type === 'source-document');
    expect(sources.map((part) => part.sourceId)).toEqual(expected.sources.map((source) => source.id));
    expect(sources[0]).toMatchObject({
      mediaType: 'text/plain',
      title: 'TOP 29.2 Ziff. 2 – Warnung der Bevölkerung: Sirenen',
    });
    const text = message.parts.filter((part) => part.type === 'text');
    expect(text).toHaveLength(1);
    expect(text[0]).toMatchObject({ text: expected.answer, state: 'done' });
    expect(text[0]?.type === 'text' && text[0].text).toContain('[TOP 29.2 Ziff. 2]');
    const data = message.parts.find((part) => part.type === 'data-answer');
    expect(data?.type === 'data-answer' && data.data).toEqual(expected);
  });

  it('sends the parts in the documented order and the response carries the UI stream header', async () => {
    const { app } = testApp();
    const response = await app.request(
      '/api/chat',
      postJson({ messages: [userMessage('u1', 'Reichskriegsflaggen')] }),
    );
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(response.headers.get('x-vercel-ai-ui-message-stream')).toBe('v1');
    const events = (await response.text())
      .split('\n\n')
      .filter((block) => block.startsWith('data: '))
      .map((block) => block.slice('data: '.length));
    expect(events.at(-1)).toBe('[DONE]');
    const types = events.slice(0, -1).map((event) => (JSON.parse(event) as UIMessageChunk).type);
    expect(types[0]).toBe('start');
    expect(types.slice(1, 2)).toEqual(['source-document']);
    expect(types.slice(2, 4)).toEqual(['text-start', 'text-delta']);
    expect(types.slice(-3)).toEqual(['text-end', 'data-answer', 'finish']);
  });

  it('takes the last user message as the question and earlier messages (not system) as history', async () => {
    const { app, assistant } = testApp();
    const messages: AnswerUIMessage[] = [
      { id: 's', role: 'system', parts: [{ type: 'text', text: 'Sei freundlich.' }] },
      userMessage('u1', 'Was gilt für Sirenen?'),
      {
        id: 'a1',
        role: 'assistant',
        parts: [
          {
            type: 'source-document',
            sourceId: 'imk-2020-12-10/29.2/1',
            mediaType: 'text/plain',
            title: 'TOP 29.2 Ziff. 1',
          },
          { type: 'text', text: 'Die IMK begrüßt das Förderprogramm. ' },
          { type: 'text', text: '[TOP 29.2 Ziff. 1]' },
        ],
      },
      userMessage('u2', 'Und Cell Broadcast?'),
    ];
    await finalMessage(await send(app, messages, { body: { k: 3, meeting: 'imk-2020-12-10' } }));
    expect(assistant.answerer.calls[0]?.request).toEqual({
      question: 'Und Cell Broadcast?',
      history: [
        { role: 'user', content: 'Was gilt für Sirenen?' },
        { role: 'assistant', content: 'Die IMK begrüßt das Förderprogramm. [TOP 29.2 Ziff. 1]' },
      ],
      k: 3,
      meeting: 'imk-2020-12-10',
    });
  });

  it('names the meeting in source titles when several meetings are loaded', async () => {
    const { app } = testApp({ catalog: fixtureCatalog([FIXTURE_MEETING, SECOND_MEETING]) });
    const message = await finalMessage(await send(app, [userMessage('u1', 'fortgeschriebenen Bericht')]));
    const titles = message.parts.flatMap((part) => (part.type === 'source-document' ? [part.title] : []));
    expect(titles[0]).toBe('IMK 18.06.2021, TOP 46 – Sicherheit im Bahnverkehr – Fortschreibung');
  });

  it.each([
    [{ messages: [] }, 400, 'INVALID_REQUEST'],
    [
      { messages: [{ id: 'a', role: 'assistant', parts: [{ type: 'text', text: 'Hallo' }] }] },
      400,
      'INVALID_REQUEST',
    ],
    [
      { messages: [{ id: 'u', role: 'user', parts: [{ type: 'file', url: 'x', mediaType: 'image/png' }] }] },
      400,
      'INVALID_REQUEST',
    ],
    [{ messages: [userMessage('u', 'x'.repeat(2001))] }, 400, 'QUESTION_TOO_LONG'],
    [{ messages: [userMessage('u', 'Sirenen')], meeting: 'imk-1999-01-01' }, 404, 'MEETING_NOT_FOUND'],
    [{ messages: [{ role: 'robot', parts: [] }] }, 400, 'INVALID_REQUEST'],
  ])('refuses %j before streaming with %i %s JSON', async (body, status, code) => {
    const { app, assistant } = testApp();
    const response = await app.request('/api/chat', postJson(body));
    expect(response.status).toBe(status);
    expect(((await response.json()) as ErrorJson).error.code).toBe(code);
    expect(assistant.answerer.calls).toHaveLength(0);
  });

  it('turns a failure before the first event into an ordinary JSON error with its status', async () => {
    const { app } = testApp({
      answerer: { failBefore: new BeschlussError('INDEX_MISSING', 'No index; run beschluss index.') },
    });
    const response = await app.request('/api/chat', postJson({ messages: [userMessage('u', 'Sirenen')] }));
    expect(response.status).toBe(503);
    expect(((await response.json()) as ErrorJson).error).toEqual({
      code: 'INDEX_MISSING',
      message: 'No index; run beschluss index.',
      requestId: response.headers.get('x-request-id'),
    });
  });

  it('reports a known failure after the sources as an error part with its message', async () => {
    const { app } = testApp({
      answerer: { failAfterSources: new BeschlussError('LLM_TIMEOUT', 'LLM timed out after 30000 ms') },
    });
    const chunks = await allChunks(await send(app, [userMessage('u', 'Sirenen')]));
    expect(chunks.map((chunk) => chunk.type)).toContain('source-document');
    expect(chunks.at(-1)).toEqual({ type: 'error', errorText: 'LLM timed out after 30000 ms' });
  });

  it('reports an unexpected failure after the sources only by request id, and logs it', async () => {
    const { app, logger } = testApp({ answerer: { failAfterSources: new Error('secret stack detail') } });
    const chunks = await allChunks(await send(app, [userMessage('u', 'Sirenen')]));
    const last = chunks.at(-1);
    expect(last?.type).toBe('error');
    const errorText = last?.type === 'error' ? last.errorText : '';
    expect(errorText).not.toContain('secret');
    const logged = logger.entries.find((entry) => entry.message === 'unexpected error in stream');
    expect(logged?.error).toBe('secret stack detail');
    expect(errorText).toContain(String(logged?.requestId));
  });

  it('stops the answerer when the client aborts mid-stream', async () => {
    const gate = createGate();
    const { app, assistant } = testApp({ answerer: { pace: () => gate.promise } });
    const controller = new AbortController();
    const stream = await send(app, [userMessage('u', 'Sicherheit im Bahnverkehr')], {
      abortSignal: controller.signal,
    });
    const reader = stream.getReader();
    const seen: string[] = [];
    // Read up to the sources: the answerer then waits at its first text delta.
    while (!seen.includes('source-document')) {
      const { value } = await reader.read();
      if (value) seen.push(value.type);
    }
    controller.abort();
    gate.open();
    await reader.read().catch(() => undefined);
    await reader.cancel().catch(() => undefined);
    const call = assistant.answerer.calls[0];
    await waitForCondition(() => call?.ended === 'aborted');
    expect(call?.abortSignal?.aborted).toBe(true);
  });
});

/** Polls a condition across event-loop turns (no clock involved: it gives up after many turns, not after a time). */
async function waitForCondition(condition: () => boolean, turns = 1000): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('condition not reached');
}
