import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rejectionOf } from '../testing/errors.ts';
import { l2Normalize } from './l2-normalize.ts';
import { createOpenAICompatibleEmbedder, type OpenAICompatibleEmbedderOptions } from './openai-compatible.ts';
import {
  type FakeEmbeddingServer,
  type FakeServerBehaviour,
  fakeVector,
  startFakeEmbeddingServer,
} from './testing/fake-embedding-server.ts';

let server: FakeEmbeddingServer;

beforeEach(async () => {
  server = await startFakeEmbeddingServer({ dimensions: 12, apiKey: 'secret' });
});

afterEach(async () => {
  await server.close();
});

const connect = (options: OpenAICompatibleEmbedderOptions = {}) =>
  createOpenAICompatibleEmbedder({
    baseURL: server.baseURL,
    apiKey: 'secret',
    model: 'nomic-embed-text',
    ...options,
  });

describe('createOpenAICompatibleEmbedder', () => {
  it('probes the server once at creation to learn the dimensions', async () => {
    const embedder = await connect();
    expect(embedder.provider).toBe('openai-compatible');
    expect(embedder.modelId).toBe('nomic-embed-text');
    expect(embedder.dimensions).toBe(12);
    expect(server.calls).toHaveLength(1);
  });

  it('sends the model name and the bearer key to POST /v1/embeddings', async () => {
    const embedder = await connect();
    await embedder.doEmbed({ values: ['Polizei'], inputType: 'passage' });
    const call = server.calls.at(-1);
    expect(call).toMatchObject({
      method: 'POST',
      path: '/v1/embeddings',
      authorization: 'Bearer secret',
      model: 'nomic-embed-text',
      input: ['Polizei'],
    });
  });

  it('sends no Authorization header without a key', async () => {
    const open = await startFakeEmbeddingServer();
    try {
      const embedder = await createOpenAICompatibleEmbedder({
        baseURL: open.baseURL,
        model: 'm',
      });
      await embedder.doEmbed({ values: ['x'], inputType: 'query' });
      expect(open.calls.every((call) => call.authorization === undefined)).toBe(true);
    } finally {
      await open.close();
    }
  });

  it('returns the server vectors scaled to unit length, in order', async () => {
    const embedder = await connect();
    const values = ['Bund', 'Länder', ''];
    const { embeddings } = await embedder.doEmbed({ values, inputType: 'passage' });
    expect(embeddings).toEqual(values.map((value) => l2Normalize(fakeVector(value, 12))));
  });

  it('puts the e5 prefixes before queries and passages of an e5 model, and none for others', async () => {
    const e5 = await connect({ model: 'intfloat/multilingual-e5-small' });
    await e5.doEmbed({ values: ['Gefährder'], inputType: 'query' });
    expect(server.calls.at(-1)?.input).toEqual(['query: Gefährder']);
    await e5.doEmbed({ values: ['Gefährder'], inputType: 'passage' });
    expect(server.calls.at(-1)?.input).toEqual(['passage: Gefährder']);
    const plain = await connect({ model: 'nomic-embed-text', queryPrefix: 'search_query: ' });
    await plain.doEmbed({ values: ['Gefährder'], inputType: 'query' });
    expect(server.calls.at(-1)?.input).toEqual(['search_query: Gefährder']);
    await plain.doEmbed({ values: ['Gefährder'], inputType: 'passage' });
    expect(server.calls.at(-1)?.input).toEqual(['Gefährder']);
  });

  it('splits a call into requests of at most maxEmbeddingsPerCall values', async () => {
    const embedder = await connect({ maxEmbeddingsPerCall: 2 });
    const before = server.calls.length;
    const values = ['a', 'b', 'c', 'd', 'e'];
    const { embeddings } = await embedder.doEmbed({ values, inputType: 'passage' });
    expect(server.calls.slice(before).map((call) => call.input)).toEqual([['a', 'b'], ['c', 'd'], ['e']]);
    expect(embeddings).toEqual(values.map((value) => l2Normalize(fakeVector(value, 12))));
  });

  it('asks for `dimensions` and reports them', async () => {
    const embedder = await connect({ dimensions: 5 });
    expect(embedder.dimensions).toBe(5);
    expect(server.calls.at(-1)?.dimensions).toBe(5);
  });

  it('sends the API key as a bearer token and asks for the model named', async () => {
    const embedder = await createOpenAICompatibleEmbedder({
      baseURL: server.baseURL,
      apiKey: 'secret',
      model: 'bge-m3',
    });
    expect(embedder.modelId).toBe('bge-m3');
    expect(server.calls.at(-1)?.authorization).toBe('Bearer secret');
  });

  it('refuses missing or malformed settings before any request', async () => {
    const error = await rejectionOf(createOpenAICompatibleEmbedder({}));
    expect(error.code).toBe('EMBEDDER_UNAVAILABLE');
    expect(error.message).toContain('baseURL');
    expect(error.message).toContain('EMBEDDING_MODEL');
    const badURL = await rejectionOf(connect({ baseURL: 'localhost:11434' }));
    expect(badURL.message).toContain('http(s) URL');
    expect(server.calls).toHaveLength(0);
  });
});

describe('errors of the OpenAI-compatible embedder', () => {
  it.each<[string, FakeServerBehaviour, string[], (baseURL: string) => string[]]>([
    [
      'turns HTTP 500 into EMBEDDER_FAILED naming the status, the URL and the server message',
      'error',
      ['x'],
      (baseURL) => ['HTTP 500', `${baseURL}/embeddings`, 'model crashed'],
    ],
    [
      'turns a non-JSON body into EMBEDDER_FAILED quoting the body',
      'garbage',
      ['x'],
      () => ['invalid body', '<html>this is not json'],
    ],
    [
      'rejects an answer with fewer vectors than inputs',
      'wrong-count',
      ['a', 'b'],
      () => ['returned 1 vectors for 2 inputs'],
    ],
    [
      'rejects a zero vector, which has no direction',
      'zero-vector',
      ['a'],
      () => ['unusable vector for input 0'],
    ],
  ])('%s', async (_, behaviour, values, messageParts) => {
    const embedder = await connect();
    server.behaviour = behaviour;
    const error = await rejectionOf(embedder.doEmbed({ values, inputType: 'query' }));
    expect(error.code).toBe('EMBEDDER_FAILED');
    for (const part of messageParts(server.baseURL)) expect(error.message).toContain(part);
  });

  it('turns JSON of the wrong shape into EMBEDDER_FAILED', async () => {
    server.behaviour = 'wrong-shape';
    const error = await rejectionOf(connect());
    expect(error.code).toBe('EMBEDDER_FAILED');
    expect(error.message).toContain('"data"');
  });

  it('rejects vectors whose length changes after the probe', async () => {
    const embedder = await connect();
    server.dimensions = 7;
    const error = await rejectionOf(embedder.doEmbed({ values: ['a'], inputType: 'query' }));
    expect(error.code).toBe('EMBEDDER_FAILED');
    expect(error.message).toContain('expected 12 finite numbers');
    expect(error.message).toContain('received 7 entries');
  });

  it('rejects a server that ignores the requested dimensions', async () => {
    const ignoring = await startFakeEmbeddingServer({ dimensions: 9, honourDimensions: false });
    try {
      const error = await rejectionOf(
        createOpenAICompatibleEmbedder({
          baseURL: ignoring.baseURL,
          model: 'm',
          dimensions: 4,
        }),
      );
      expect(error.message).toContain('expected 4 finite numbers');
      expect(error.message).toContain('received 9 entries');
    } finally {
      await ignoring.close();
    }
  });

  it('turns a server that does not answer into EMBEDDER_UNAVAILABLE after timeoutMs', async () => {
    const embedder = await connect({ timeoutMs: 200 });
    server.behaviour = 'hang';
    const started = performance.now();
    const error = await rejectionOf(embedder.doEmbed({ values: ['x'], inputType: 'query' }));
    expect(performance.now() - started).toBeLessThan(2000);
    expect(error.code).toBe('EMBEDDER_UNAVAILABLE');
    expect(error.message).toContain('did not answer within 200 ms');
  });

  it('turns a refused connection into EMBEDDER_UNAVAILABLE asking whether the server runs', async () => {
    const gone = await startFakeEmbeddingServer();
    await gone.close();
    const error = await rejectionOf(createOpenAICompatibleEmbedder({ baseURL: gone.baseURL, model: 'm' }));
    expect(error.code).toBe('EMBEDDER_UNAVAILABLE');
    expect(error.message).toContain('Cannot reach the embedding server');
    expect(error.message).toContain(gone.baseURL);
  });

  it('points at the API key on HTTP 401 and at the base URL on HTTP 404', async () => {
    const unauthorised = await rejectionOf(connect({ apiKey: 'wrong' }));
    expect(unauthorised.code).toBe('EMBEDDER_FAILED');
    expect(unauthorised.message).toContain('HTTP 401');
    expect(unauthorised.message).toContain('EMBEDDING_API_KEY');
    expect(unauthorised.message).not.toContain('wrong');
    const notFound = await rejectionOf(connect({ baseURL: server.baseURL.replace(/\/v1$/, '') }));
    expect(notFound.message).toContain('HTTP 404');
    expect(notFound.message).toContain('/v1');
  });

  it("passes the caller's abort through as is", async () => {
    const embedder = await connect();
    server.behaviour = 'hang';
    const controller = new AbortController();
    const pending = embedder.doEmbed({ values: ['x'], inputType: 'query', abortSignal: controller.signal });
    setTimeout(() => controller.abort(new Error('user left')), 50);
    await expect(pending).rejects.toThrow('user left');
  });
});
