// The behaviour every Embedder promises, as one vitest suite to run against each implementation.
import { beforeAll, describe, expect, it } from 'vitest';
import { type Embedder, type EmbeddingInputType, embedAll } from './types.ts';

const TOLERANCE = 1e-5;

const SENTENCES = [
  'Die Innenministerkonferenz nimmt den Bericht zur Kenntnis.',
  'Der Bund und die Länder prüfen die Übermittlung von Daten über Gefährder.',
  'Maßnahmen zum Schutz der Bevölkerung vor Katastrophen',
  'Abschiebung ausreisepflichtiger Ausländer',
  'TOP 46 Ziffer 8',
  'Polizei',
];

function norm(vector: number[]): number {
  return Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
}

function maxDifference(left: number[], right: number[]): number {
  expect(left.length).toBe(right.length);
  return left.reduce(
    (largest, value, index) => Math.max(largest, Math.abs(value - (right[index] as number))),
    0,
  );
}

function expectSameVectors(actual: number[][], expected: number[][]): void {
  expect(actual.length).toBe(expected.length);
  actual.forEach((vector, index) => {
    expect(maxDifference(vector, expected[index] as number[]), `vector ${index}`).toBeLessThan(TOLERANCE);
  });
}

function expectValidVectors(embedder: Embedder, vectors: number[][]): void {
  for (const vector of vectors) {
    expect(vector).toHaveLength(embedder.dimensions);
    expect(vector.every((value) => typeof value === 'number' && Number.isFinite(value))).toBe(true);
    expect(norm(vector)).toBeCloseTo(1, 3);
  }
}

/** Registers the contract tests for the embedder that `create` builds (once, before the tests). */
export function describeEmbedderContract(name: string, create: () => Promise<Embedder>): void {
  describe(`${name} fulfils the Embedder contract`, () => {
    let embedder: Embedder;
    const embed = async (values: string[], inputType: EmbeddingInputType = 'passage') =>
      (await embedder.doEmbed({ values, inputType })).embeddings;

    beforeAll(async () => {
      embedder = await create();
    });

    it('names its provider and model and reports positive whole dimensions and batch size', () => {
      expect(embedder.provider).toMatch(/\S/);
      expect(embedder.modelId).toMatch(/\S/);
      expect(Number.isInteger(embedder.dimensions) && embedder.dimensions > 0).toBe(true);
      expect(embedder.maxEmbeddingsPerCall).toBeGreaterThanOrEqual(1);
    });

    it('returns one unit-length vector of `dimensions` finite numbers per value', async () => {
      const vectors = await embed(SENTENCES);
      expect(vectors).toHaveLength(SENTENCES.length);
      expectValidVectors(embedder, vectors);
    });

    it('keeps the order of the values', async () => {
      const forward = await embed(SENTENCES.slice(0, 3));
      const backward = await embed(SENTENCES.slice(0, 3).reverse());
      expectSameVectors(backward.reverse(), forward);
      expect(maxDifference(forward[0] as number[], forward[1] as number[])).toBeGreaterThan(TOLERANCE);
    });

    it('returns no vectors for no values', async () => {
      expect(await embed([])).toEqual([]);
    });

    it('gives the same vectors for the same values on every call', async () => {
      const first = await embed(SENTENCES, 'query');
      const second = await embed(SENTENCES, 'query');
      expectSameVectors(second, first);
    });

    it('embeds more values than maxEmbeddingsPerCall through embedAll exactly as one by one', async () => {
      const count = Math.min(embedder.maxEmbeddingsPerCall * 2 + 1, 200);
      const values = Array.from(
        { length: count },
        (_, index) => `${SENTENCES[index % SENTENCES.length]} Nr. ${index}`,
      );
      const callSizes: number[] = [];
      const recording: Embedder = {
        ...embedder,
        doEmbed: (options) => {
          callSizes.push(options.values.length);
          return embedder.doEmbed(options);
        },
      };
      const progress: number[] = [];
      const batched = await embedAll(recording, values, 'passage', {
        onProgress: (done) => progress.push(done),
      });
      const single: number[][] = [];
      for (const value of values) single.push(...(await embed([value])));
      expectSameVectors(batched, single);
      expect(Math.max(...callSizes)).toBeLessThanOrEqual(embedder.maxEmbeddingsPerCall);
      expect(callSizes.reduce((sum, size) => sum + size, 0)).toBe(count);
      expect(progress.at(-1)).toBe(count);
    });

    it('embeds the empty string to a valid vector', async () => {
      const vectors = await embed(['', 'Polizei'], 'query');
      expectValidVectors(embedder, vectors);
      const passage = await embed([''], 'passage');
      expectValidVectors(embedder, passage);
    });

    it('accepts both query and passage inputs', async () => {
      const queries = await embed(SENTENCES, 'query');
      const passages = await embed(SENTENCES, 'passage');
      expectValidVectors(embedder, queries);
      expectValidVectors(embedder, passages);
    });

    it('embeds German umlauts and ß, and different words to different vectors', async () => {
      const words = ['Gefährder', 'Übermittlung', 'Prüfung', 'Straße', 'Behörden', 'Öffentliche Sicherheit'];
      const vectors = await embed(words);
      expectValidVectors(embedder, vectors);
      for (let left = 0; left < vectors.length; left++) {
        for (let right = left + 1; right < vectors.length; right++) {
          const difference = maxDifference(vectors[left] as number[], vectors[right] as number[]);
          expect(difference, `${words[left]} vs ${words[right]}`).toBeGreaterThan(TOLERANCE);
        }
      }
    });
  });
}
