import { beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../analysis/index.ts';
import type { Embedder } from '../embed/types.ts';
import { BeschlussError } from '../errors.ts';
import { createMemoryLogger } from '../logger.ts';
import { baselineEmbedders } from './baseline-embedders.ts';

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await createGermanAnalyzer();
});

/** An embedder of a provider that returns the same unit vector for everything (only its identity matters here). */
function fixedEmbedder(provider: string): Embedder {
  return {
    provider,
    modelId: `${provider}-model`,
    dimensions: 2,
    maxEmbeddingsPerCall: 8,
    doEmbed: async ({ values }) => ({ embeddings: values.map(() => [1, 0]) }),
  };
}

describe('baselineEmbedders', () => {
  it('always offers the offline embedder and lists the others that fail with their reason', async () => {
    const asked: string[] = [];
    const { embedders, unavailable } = await baselineEmbedders({
      analyzer,
      environment: {},
      logger: createMemoryLogger(),
      create: async (kind) => {
        asked.push(kind);
        throw new BeschlussError('EMBEDDER_UNAVAILABLE', `no ${kind} model in ./models`);
      },
    });
    expect(embedders.map((embedder) => embedder.provider)).toEqual(['offline']);
    expect(asked).toEqual(['transformers']);
    expect(unavailable).toEqual([
      { provider: 'transformers', reason: 'no transformers model in ./models' },
      { provider: 'openai-compatible', reason: 'EMBEDDING_BASE_URL is not set' },
    ]);
  });

  it('tries the OpenAI-compatible server only when EMBEDDING_BASE_URL is set', async () => {
    const { embedders, unavailable } = await baselineEmbedders({
      analyzer,
      environment: { EMBEDDING_BASE_URL: 'http://127.0.0.1:11434/v1' },
      logger: createMemoryLogger(),
      create: async (kind) => fixedEmbedder(kind),
    });
    expect(embedders.map((embedder) => embedder.provider)).toEqual([
      'offline',
      'transformers',
      'openai-compatible',
    ]);
    expect(unavailable).toEqual([]);
  });

  it('reuses the main run’s embedder for its provider instead of loading it again', async () => {
    const main = fixedEmbedder('transformers');
    const asked: string[] = [];
    const { embedders } = await baselineEmbedders({
      analyzer,
      environment: {},
      logger: createMemoryLogger(),
      main,
      create: async (kind) => {
        asked.push(kind);
        return fixedEmbedder(kind);
      },
    });
    expect(embedders[1]).toBe(main);
    expect(asked).toEqual([]);
  });
});
