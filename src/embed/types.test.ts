import { describe, expect, it } from 'vitest';
import { type Embedder, embedAll, embedderId } from './types.ts';

describe('embedderId', () => {
  it('is provider, model and dimensions, and changes with the weights dtype, their checksum or the runtime', () => {
    const base = { provider: 'transformers', modelId: 'm', dimensions: 4 };
    expect(embedderId(base)).toBe('transformers:m:4');
    const q8 = embedderId({
      ...base,
      identity: { dtype: 'q8', weightsSha256: 'a'.repeat(64), runtime: 'r 1' },
    });
    expect(q8).toBe(`transformers:m:4;dtype=q8;sha256=${'a'.repeat(16)};runtime=r 1`);
    const others = [
      { dtype: 'fp32', weightsSha256: 'a'.repeat(64), runtime: 'r 1' },
      { dtype: 'q8', weightsSha256: 'b'.repeat(64), runtime: 'r 1' },
      { dtype: 'q8', weightsSha256: 'a'.repeat(64), runtime: 'r 2' },
    ];
    for (const identity of others) expect(embedderId({ ...base, identity })).not.toBe(q8);
  });
});

describe('embedAll', () => {
  it('hands the embedder its values shortest first, in calls of at most maxEmbeddingsPerCall, and keeps their order', async () => {
    const calls: string[][] = [];
    const embedder: Embedder = {
      provider: 'fake',
      modelId: 'length',
      dimensions: 1,
      maxEmbeddingsPerCall: 2,
      async doEmbed({ values }) {
        calls.push(values);
        return { embeddings: values.map((value) => [value.length]) };
      },
    };
    const values = ['ccc', 'a', 'eeeee', 'bb', 'dddd'];
    const progress: number[] = [];
    const vectors = await embedAll(embedder, values, 'passage', {
      onProgress: (done) => progress.push(done),
    });
    expect(vectors).toEqual([[3], [1], [5], [2], [4]]);
    expect(calls).toEqual([['a', 'bb'], ['ccc', 'dddd'], ['eeeee']]);
    expect(progress).toEqual([2, 4, 5]);
  });
});
