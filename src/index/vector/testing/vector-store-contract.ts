// The behaviour every VectorStore implementation must show; each implementation's test file runs this suite.
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BeschlussError } from '../../../errors.ts';
import type { VectorStore } from '../vector-store.ts';
import { randomUnitVectors } from './random-vectors.ts';

export interface VectorStoreFactory {
  create(dimensions: number): VectorStore;
  load(file: string): Promise<VectorStore>;
}

export function describeVectorStoreContract(name: string, factory: VectorStoreFactory): void {
  describe(`${name} (VectorStore contract)`, () => {
    let directory: string;
    beforeEach(async () => {
      directory = await mkdtemp(path.join(tmpdir(), 'vector-store-'));
    });
    afterEach(async () => {
      await rm(directory, { recursive: true, force: true });
    });

    it('names its kind as a file name part', () => {
      expect(factory.create(4).kind).toMatch(/^[a-z0-9-]+$/);
    });

    it('finds nothing in an empty store', () => {
      const store = factory.create(4);
      expect(store.size).toBe(0);
      expect(store.dimensions).toBe(4);
      expect(store.search([1, 0, 0, 0], 5)).toEqual([]);
    });

    it('ranks the nearest vector first with its cosine similarity as score', () => {
      const store = factory.create(3);
      store.add(10, [1, 0, 0]);
      store.add(11, [0, 1, 0]);
      store.add(12, [-1, 0, 0]);
      const matches = store.search([0.9, 0.1, 0], 3);
      expect(matches.map((match) => match.label)).toEqual([10, 11, 12]);
      expect(matches[0]?.score).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 5);
      expect(matches[2]?.score).toBeCloseTo(-0.9 / Math.hypot(0.9, 0.1), 5);
    });

    it('ignores vector length: a scaled copy scores 1 and the opposite direction -1', () => {
      const store = factory.create(2);
      store.add(1, [3, 4]);
      store.add(2, [-30, -40]);
      const matches = store.search([0.6, 0.8], 2);
      expect(matches[0]).toEqual({ label: 1, score: expect.closeTo(1, 5) });
      expect(matches[1]).toEqual({ label: 2, score: expect.closeTo(-1, 5) });
    });

    it('returns scores in [-1, 1], best first, each the cosine to the stored vector, the first the best', () => {
      const dimensions = 6;
      const vectorArbitrary = fc.array(fc.integer({ min: -4, max: 4 }), {
        minLength: dimensions,
        maxLength: dimensions,
      });
      fc.assert(
        fc.property(
          fc.array(vectorArbitrary, { minLength: 1, maxLength: 25 }),
          vectorArbitrary,
          fc.integer({ min: 1, max: 30 }),
          (vectors, query, k) => {
            const store = factory.create(dimensions);
            addAll(store, vectors);
            const matches = store.search(query, k);
            expect(matches).toHaveLength(Math.min(k, vectors.length));
            expect(new Set(matches.map((match) => match.label)).size).toBe(matches.length);
            matches.forEach((match, position) => {
              expect(match.score).toBeGreaterThanOrEqual(-1);
              expect(match.score).toBeLessThanOrEqual(1);
              expect(match.score).toBeCloseTo(cosine(query, vectors[match.label] as number[]), 5);
              if (position > 0)
                expect(match.score).toBeLessThanOrEqual((matches[position - 1]?.score as number) + 1e-6);
            });
            const best = Math.max(...vectors.map((vector) => cosine(query, vector)));
            expect(matches[0]?.score).toBeCloseTo(best, 5);
          },
        ),
        { numRuns: 60 },
      );
    });

    it('returns only labels the filter accepts, and the best of them', () => {
      const store = factory.create(16);
      const vectors = randomUnitVectors(200, 16, 7);
      addAll(store, vectors);
      const query = vectors[3] as Float32Array;
      const matches = store.search(query, 5, (label) => label % 2 === 0);
      expect(matches).toHaveLength(5);
      expect(matches.every((match) => match.label % 2 === 0)).toBe(true);
      const bestEven = vectors
        .map((vector, label) => ({ label, score: cosine(query, vector) }))
        .filter((candidate) => candidate.label % 2 === 0)
        .sort((left, right) => right.score - left.score)
        .slice(0, 5)
        .map((candidate) => candidate.label);
      expect(matches.map((match) => match.label)).toEqual(bestEven);
      expect(store.search(query, 5, (label) => label === 199).map((match) => match.label)).toEqual([199]);
      expect(store.search(query, 5, () => false)).toEqual([]);
    });

    it('passes an error thrown by the filter to the caller and stays usable', () => {
      const store = factory.create(2);
      store.add(1, [1, 0]);
      store.add(2, [0, 1]);
      expect(() =>
        store.search([1, 0], 2, () => {
          throw new Error('filter failed');
        }),
      ).toThrow('filter failed');
      expect(store.search([1, 0], 2).map((match) => match.label)).toEqual([1, 2]);
    });

    it('forgets a removed label, and takes it back when added again', () => {
      const store = factory.create(2);
      store.add(1, [1, 0]);
      store.add(2, [0.8, 0.2]);
      store.add(3, [0, 1]);
      expect(store.remove(1)).toBe(true);
      expect(store.remove(1)).toBe(false);
      expect(store.remove(99)).toBe(false);
      expect(store.has(1)).toBe(false);
      expect(store.size).toBe(2);
      expect(store.search([1, 0], 5).map((match) => match.label)).toEqual([2, 3]);
      store.add(1, [1, 0]);
      expect(store.size).toBe(3);
      expect(store.search([1, 0], 1).map((match) => match.label)).toEqual([1]);
    });

    it('replaces the vector of a label that is added again', () => {
      const store = factory.create(2);
      store.add(1, [1, 0]);
      store.add(2, [0.7, 0.7]);
      store.add(1, [0, 1]);
      expect(store.size).toBe(2);
      expect(store.search([0, 1], 2)).toEqual([
        { label: 1, score: expect.closeTo(1, 5) },
        { label: 2, score: expect.closeTo(Math.SQRT1_2, 5) },
      ]);
    });

    it('returns every label when k exceeds the size, and none for k = 0', () => {
      const store = factory.create(8);
      addAll(store, randomUnitVectors(5, 8, 3));
      store.remove(4);
      expect(store.search(randomUnitVectors(1, 8, 4)[0] as Float32Array, 1000)).toHaveLength(4);
      expect(store.search([1, 0, 0, 0, 0, 0, 0, 0], 0)).toEqual([]);
    });

    it('keeps working past a thousand labels', () => {
      const store = factory.create(8);
      const vectors = randomUnitVectors(1500, 8, 11);
      addAll(store, vectors);
      expect(store.size).toBe(1500);
      expect(store.search(vectors[1234] as Float32Array, 1)[0]).toEqual({
        label: 1234,
        score: expect.closeTo(1, 5),
      });
    });

    it('refuses a vector of the wrong dimension, naming both dimensions', () => {
      const store = factory.create(3);
      store.add(1, [1, 0, 0]);
      for (const act of [() => store.add(2, [1, 0]), () => store.search([1, 0, 0, 0], 1)]) {
        expect(act).toThrow(BeschlussError);
        expect(act).toThrow(/has (2|4) dimensions .* holds 3-dimensional/);
        expect(errorOf(act)?.code).toBe('INDEX_MISMATCH');
      }
      expect(store.size).toBe(1);
    });

    it('refuses non-finite values, invalid labels and an invalid k', () => {
      const store = factory.create(2);
      expect(() => store.add(1, [Number.NaN, 0])).toThrow(/non-finite/);
      expect(() => store.add(-1, [1, 0])).toThrow(/label must be an integer/);
      expect(() => store.add(1.5, [1, 0])).toThrow(/label must be an integer/);
      expect(() => store.add(2 ** 32, [1, 0])).toThrow(/label must be an integer/);
      expect(() => store.search([1, 0], -1)).toThrow(/k must be/);
      expect(store.size).toBe(0);
    });

    it('finds the same after a save and load, removed labels included', async () => {
      const store = factory.create(12);
      const vectors = randomUnitVectors(300, 12, 5);
      for (const [position, vector] of vectors.entries()) store.add(position * 3, vector);
      store.remove(0);
      store.remove(30);
      const file = path.join(directory, 'store.bin');
      await store.save(file);
      const loaded = await factory.load(file);
      expect(loaded.kind).toBe(store.kind);
      expect(loaded.dimensions).toBe(12);
      expect(loaded.size).toBe(298);
      expect(loaded.has(0)).toBe(false);
      expect(loaded.has(3)).toBe(true);
      for (const query of randomUnitVectors(10, 12, 6)) {
        expect(loaded.search(query, 10)).toEqual(store.search(query, 10));
      }
      loaded.add(0, vectors[0] as Float32Array);
      expect(loaded.search(vectors[0] as Float32Array, 1)[0]?.label).toBe(0);
    });

    it('saves and loads an empty store', async () => {
      const file = path.join(directory, 'empty.bin');
      await factory.create(5).save(file);
      const loaded = await factory.load(file);
      expect(loaded.size).toBe(0);
      expect(loaded.dimensions).toBe(5);
      expect(loaded.search([1, 0, 0, 0, 0], 3)).toEqual([]);
    });

    it('reports a missing file as INDEX_MISSING and a truncated or foreign one as INDEX_CORRUPT', async () => {
      const file = path.join(directory, 'store.bin');
      await expect(factory.load(file)).rejects.toMatchObject({ code: 'INDEX_MISSING' });
      const store = factory.create(4);
      addAll(store, randomUnitVectors(50, 4, 1));
      await store.save(file);
      await truncate(file, 700);
      await expect(factory.load(file)).rejects.toMatchObject({
        code: 'INDEX_CORRUPT',
        message: expect.stringContaining(file),
      });
      await writeFile(file, 'not a vector store at all, just text');
      await expect(factory.load(file)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
    });
  });
}

function addAll(store: VectorStore, vectors: ReadonlyArray<ArrayLike<number>>): void {
  for (const [label, vector] of vectors.entries()) store.add(label, vector);
}

function cosine(left: ArrayLike<number>, right: ArrayLike<number>): number {
  let product = 0;
  let leftSquares = 0;
  let rightSquares = 0;
  for (let index = 0; index < left.length; index++) {
    const a = left[index] as number;
    const b = right[index] as number;
    product += a * b;
    leftSquares += a * a;
    rightSquares += b * b;
  }
  const norms = Math.sqrt(leftSquares) * Math.sqrt(rightSquares);
  return norms === 0 ? 0 : product / norms;
}

function errorOf(act: () => unknown): BeschlussError | undefined {
  try {
    act();
  } catch (error) {
    if (error instanceof BeschlussError) return error;
  }
  return undefined;
}
