// Test fixture: an OpenAI-compatible /v1/embeddings server on 127.0.0.1 that records calls and can misbehave.

import { createServer, type IncomingMessage } from 'node:http';
import { hashSeed, seededRandom } from '../../seeded-random.ts';
import { listenOnLoopback } from '../../testing/loopback.ts';

export interface RecordedEmbeddingCall {
  method: string;
  path: string;
  authorization: string | undefined;
  model: unknown;
  input: unknown;
  dimensions: unknown;
}

/**
 * ok: deterministic, deliberately unnormalised vectors; error: HTTP 500; garbage: 200 with a non-JSON body;
 * wrong-shape: 200 with JSON lacking `data`; wrong-count: one vector too few; zero-vector: all zeros;
 * hang: never answers.
 */
export type FakeServerBehaviour =
  | 'ok'
  | 'error'
  | 'garbage'
  | 'wrong-shape'
  | 'wrong-count'
  | 'zero-vector'
  | 'hang';

export interface FakeEmbeddingServer {
  /** "http://127.0.0.1:<port>/v1" */
  baseURL: string;
  calls: RecordedEmbeddingCall[];
  /** Switchable between requests. */
  behaviour: FakeServerBehaviour;
  /** Length of the vectors when a request does not ask for `dimensions`; switchable between requests. */
  dimensions: number;
  close(): Promise<void>;
}

export interface FakeEmbeddingServerOptions {
  /** Length of the vectors unless the request asks for `dimensions`. Default 24. */
  dimensions?: number;
  behaviour?: FakeServerBehaviour;
  /** When set, requests without "Authorization: Bearer <apiKey>" get HTTP 401. */
  apiKey?: string;
  /** Whether a request's `dimensions` is obeyed (OpenAI does; many servers ignore it). Default true. */
  honourDimensions?: boolean;
}

/** A seeded generator per text: the same text always gives the same vector. */
export function fakeVector(text: string, dimensions: number): number[] {
  const random = seededRandom(hashSeed(text));
  // Scaled by 3 so that a client that forgets to normalise fails the unit-length checks.
  return Array.from({ length: dimensions }, () => (random() - 0.5) * 6);
}

async function readBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

export async function startFakeEmbeddingServer(
  options: FakeEmbeddingServerOptions = {},
): Promise<FakeEmbeddingServer> {
  const { apiKey, honourDimensions = true } = options;
  const calls: RecordedEmbeddingCall[] = [];
  const state = {
    behaviour: options.behaviour ?? ('ok' as FakeServerBehaviour),
    dimensions: options.dimensions ?? 24,
  };

  const server = createServer(async (request, response) => {
    const send = (status: number, body: unknown) => {
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(JSON.stringify(body));
    };
    const text = await readBody(request);
    let body: { model?: unknown; input?: unknown; dimensions?: unknown } = {};
    try {
      body = JSON.parse(text);
    } catch {
      // recorded as is below; the answer decides by path and behaviour
    }
    calls.push({
      method: request.method ?? '',
      path: request.url ?? '',
      authorization: request.headers.authorization,
      model: body.model,
      input: body.input,
      dimensions: body.dimensions,
    });
    if (request.method !== 'POST' || request.url !== '/v1/embeddings') {
      send(404, { error: { message: `no route ${request.method} ${request.url}` } });
      return;
    }
    if (apiKey !== undefined && request.headers.authorization !== `Bearer ${apiKey}`) {
      send(401, { error: { message: 'invalid api key' } });
      return;
    }
    const inputs = Array.isArray(body.input) ? body.input.map(String) : [String(body.input ?? '')];
    const length =
      honourDimensions && typeof body.dimensions === 'number' ? body.dimensions : state.dimensions;
    switch (state.behaviour) {
      case 'hang':
        return;
      case 'error':
        send(500, { error: { message: 'model crashed' } });
        return;
      case 'garbage':
        response.writeHead(200, { 'content-type': 'application/json' });
        response.end('<html>this is not json');
        return;
      case 'wrong-shape':
        send(200, { embeddings: inputs.map(() => [1, 2, 3]) });
        return;
    }
    const vectors = inputs.map((input) =>
      state.behaviour === 'zero-vector' ? new Array(length).fill(0) : fakeVector(input, length),
    );
    if (state.behaviour === 'wrong-count') vectors.pop();
    send(200, {
      object: 'list',
      model: body.model,
      data: vectors.map((embedding, index) => ({ object: 'embedding', index, embedding })),
      usage: { prompt_tokens: inputs.length, total_tokens: inputs.length },
    });
  });

  const loopback = await listenOnLoopback(server);
  // The state object itself is handed out, so that a test switching `behaviour` or `dimensions` switches the handler's.
  return Object.assign(state, { baseURL: `${loopback.origin}/v1`, calls, close: loopback.close });
}
