// Runs the Embedder contract against the OpenAI-compatible embedder talking to a fake server on 127.0.0.1.
import { afterAll } from 'vitest';
import { describeEmbedderContract } from './contract.ts';
import { createOpenAICompatibleEmbedder } from './openai-compatible.ts';
import { type FakeEmbeddingServer, startFakeEmbeddingServer } from './testing/fake-embedding-server.ts';

const servers: FakeEmbeddingServer[] = [];

afterAll(async () => {
  await Promise.all(servers.map((server) => server.close()));
});

describeEmbedderContract('openai-compatible (fake server)', async () => {
  const server = await startFakeEmbeddingServer({ dimensions: 24, apiKey: 'secret' });
  servers.push(server);
  return createOpenAICompatibleEmbedder({
    baseURL: server.baseURL,
    apiKey: 'secret',
    model: 'intfloat/multilingual-e5-small',
    maxEmbeddingsPerCall: 3,
  });
});
