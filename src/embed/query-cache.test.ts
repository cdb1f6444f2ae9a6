import { describe, expect, it } from 'vitest';
import { withQueryCache } from './query-cache.ts';
import type { Embedder } from './types.ts';

function recording() {
  const calls: Array<{ values: string[]; inputType: string }> = [];
  const embedder: Embedder = {
    provider: 'fake',
    modelId: 'length',
    dimensions: 1,
    maxEmbeddingsPerCall: 16,
    async doEmbed({ values, inputType }) {
      calls.push({ values, inputType });
      return { embeddings: values.map((value) => [value.length]) };
    },
  };
  return { embedder, calls };
}

describe('withQueryCache', () => {
  it('embeds a query once and answers it again from the cache', async () => {
    const { embedder, calls } = recording();
    const cached = withQueryCache(embedder);
    expect((await cached.doEmbed({ values: ['abc'], inputType: 'query' })).embeddings).toEqual([[3]]);
    expect((await cached.doEmbed({ values: ['abc', 'de'], inputType: 'query' })).embeddings).toEqual([
      [3],
      [2],
    ]);
    expect(calls.map((call) => call.values)).toEqual([['abc'], ['de']]);
  });

  it('never caches passages', async () => {
    const { embedder, calls } = recording();
    const cached = withQueryCache(embedder);
    await cached.doEmbed({ values: ['abc'], inputType: 'passage' });
    await cached.doEmbed({ values: ['abc'], inputType: 'passage' });
    expect(calls).toHaveLength(2);
  });

  it('forgets the least recently used query beyond its capacity', async () => {
    const { embedder, calls } = recording();
    const cached = withQueryCache(embedder, 2);
    for (const value of ['a', 'b', 'a', 'c', 'a', 'b'])
      await cached.doEmbed({ values: [value], inputType: 'query' });
    // 'b' was the least recently used when 'c' came, so it is embedded again; 'a' stayed.
    expect(calls.map((call) => call.values[0])).toEqual(['a', 'b', 'c', 'b']);
  });

  it('keeps the identity of the embedder it wraps', () => {
    const { embedder } = recording();
    const cached = withQueryCache(embedder);
    expect([cached.provider, cached.modelId, cached.dimensions]).toEqual(['fake', 'length', 1]);
  });
});
