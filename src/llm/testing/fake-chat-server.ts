// Test fixture: an OpenAI-compatible /v1/chat/completions server on 127.0.0.1 (streaming SSE and plain JSON) that
// answers with scripted text, records the requests, and can misbehave: fail, send garbage, stall or never answer.

import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback } from '../../testing/loopback.ts';

export interface RecordedChatCall {
  path: string;
  authorization: string | undefined;
  model: unknown;
  stream: boolean;
  messages: Array<{ role: string; content: string }>;
}

/**
 * answer: the reply (streamed in pieces of chunkSize characters); error: HTTP 500; garbage: 200 with a body that is
 * no completion; hang: never answers; stall: streams the first half of the reply, then falls silent.
 */
export type FakeChatBehaviour = 'answer' | 'error' | 'garbage' | 'hang' | 'stall';

export interface FakeChatServer {
  /** "http://127.0.0.1:<port>/v1" */
  baseURL: string;
  calls: RecordedChatCall[];
  behaviour: FakeChatBehaviour;
  /** The reply text; switchable between requests. */
  reply: string;
  close(): Promise<void>;
}

export interface FakeChatServerOptions {
  reply?: string;
  behaviour?: FakeChatBehaviour;
  /** Characters per streamed delta (default 7, so markers arrive split). */
  chunkSize?: number;
  /** When set, requests without "Authorization: Bearer <apiKey>" get HTTP 401. */
  apiKey?: string;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

function chunk(model: unknown, delta: Record<string, unknown>, finishReason: string | null): string {
  const body = {
    id: 'chatcmpl-fake',
    object: 'chat.completion.chunk',
    created: 1_700_000_000,
    model,
    choices: [{ index: 0, delta, finish_reason: finishReason }],
  };
  return `data: ${JSON.stringify(body)}\n\n`;
}

export async function startFakeChatServer(options: FakeChatServerOptions = {}): Promise<FakeChatServer> {
  const { chunkSize = 7, apiKey } = options;
  const calls: RecordedChatCall[] = [];
  const state = {
    behaviour: options.behaviour ?? ('answer' as FakeChatBehaviour),
    reply: options.reply ?? '',
  };

  const sendJson = (response: ServerResponse, status: number, body: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(body));
  };

  const server = createServer(async (request, response) => {
    const text = await readBody(request);
    let body: { model?: unknown; stream?: unknown; messages?: unknown } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // recorded with what could be read; the route check below answers
    }
    const messages = Array.isArray(body.messages)
      ? body.messages.map((message: { role?: unknown; content?: unknown }) => ({
          role: String(message.role),
          content: typeof message.content === 'string' ? message.content : JSON.stringify(message.content),
        }))
      : [];
    const streaming = body.stream === true;
    calls.push({
      path: request.url ?? '',
      authorization: request.headers.authorization,
      model: body.model,
      stream: streaming,
      messages,
    });
    if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
      sendJson(response, 404, { error: { message: `no route ${request.method} ${request.url}` } });
      return;
    }
    if (apiKey !== undefined && request.headers.authorization !== `Bearer ${apiKey}`) {
      sendJson(response, 401, { error: { message: 'invalid api key' } });
      return;
    }
    const reply = state.reply;
    switch (state.behaviour) {
      case 'hang':
        return;
      case 'error':
        sendJson(response, 500, { error: { message: 'model crashed' } });
        return;
      case 'garbage':
        response.writeHead(200, { 'content-type': streaming ? 'text/event-stream' : 'application/json' });
        response.end(streaming ? 'data: <html>not a completion</html>\n\n' : '<html>not a completion</html>');
        return;
    }
    if (!streaming) {
      sendJson(response, 200, {
        id: 'chatcmpl-fake',
        object: 'chat.completion',
        created: 1_700_000_000,
        model: body.model,
        choices: [{ index: 0, message: { role: 'assistant', content: reply }, finish_reason: 'stop' }],
        usage: { prompt_tokens: 100, completion_tokens: 20, total_tokens: 120 },
      });
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    response.write(chunk(body.model, { role: 'assistant', content: '' }, null));
    const end = state.behaviour === 'stall' ? Math.floor(reply.length / 2) : reply.length;
    for (let start = 0; start < end; start += chunkSize) {
      response.write(
        chunk(body.model, { content: reply.slice(start, Math.min(end, start + chunkSize)) }, null),
      );
    }
    if (state.behaviour === 'stall') return;
    response.write(chunk(body.model, {}, 'stop'));
    response.end('data: [DONE]\n\n');
  });

  const loopback = await listenOnLoopback(server);
  // The state object itself is handed out, so that a test switching `behaviour` or `reply` switches the handler's.
  return Object.assign(state, { baseURL: `${loopback.origin}/v1`, calls, close: loopback.close });
}
