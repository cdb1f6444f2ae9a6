import { describe, expect, it } from 'vitest';
import { BeschlussError } from '../../src/errors.ts';
import { postJson, testApp } from '../../src/server/testing/test-app.ts';
import { ApiError } from './api.js';
import { readChatParts } from './chat-stream.js';
import { applyPart, createTurn } from './conversation.js';

function chatBody(question: string) {
  return postJson({ messages: [{ id: 'q1', role: 'user', parts: [{ type: 'text', text: question }] }] });
}

async function parts(body: ReadableStream<Uint8Array>) {
  const received: Array<{ type: string; [key: string]: unknown }> = [];
  for await (const part of readChatParts(body)) received.push(part);
  return received;
}

describe('readChatParts on the server’s real /api/chat stream', () => {
  it('yields the parts in order and a turn built from them holds the whole answer', async () => {
    const { app } = testApp();
    const response = await app.request('/api/chat', chatBody('Videoüberwachung auf Bahnhöfen'));
    const received = await parts(response.body!);
    const types = [...new Set(received.map((part) => part.type))];
    expect(types).toEqual([
      'start',
      'source-document',
      'text-start',
      'text-delta',
      'text-end',
      'data-answer',
      'finish',
    ]);

    const turn = createTurn('Videoüberwachung auf Bahnhöfen');
    let streamed = '';
    for (const part of received) {
      applyPart(turn, part);
      if (part.type === 'text-delta') streamed += String(part.delta);
    }
    const answer = turn.answer as { answer: string; sources: Array<{ id: string }> };
    expect(turn.status).toBe('done');
    expect(streamed).toBe(answer.answer);
    expect(turn.text).toBe(answer.answer);
    expect(turn.sources.map((source) => source.id)).toEqual(answer.sources.map((source) => source.id));
    expect(answer.answer).toContain('[TOP 46 Ziff. 8]');
  });

  it('turns an error part into an ApiError of kind "stream" with the server’s message', async () => {
    const { app } = testApp({
      answerer: { failAfterSources: new BeschlussError('LLM_FAILED', 'The language model did not answer.') },
    });
    const response = await app.request('/api/chat', chatBody('Bahnhöfen'));
    const error = await parts(response.body!).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ kind: 'stream', message: 'The language model did not answer.' });
  });

  it('reports a stream that ends before its finish part as interrupted', async () => {
    const { app } = testApp();
    const text = await (await app.request('/api/chat', chatBody('Bahnhöfen'))).text();
    const cut = text.slice(0, text.indexOf('"type":"text-end"'));
    const body = new Response(cut).body!;
    const error = await parts(body).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'interrupted' });
  });

  it('reports data that is not JSON as a format error', async () => {
    const error = await parts(new Response('data: <html>\n\n').body!).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'format' });
  });
});
