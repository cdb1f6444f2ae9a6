// The behaviour every VectorStore implementation must show; each implementation's test file runs this suite.
import { mkdtemp, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BeschlussError } from '../../../errors.ts';
import type { FileVectorStore, VectorStore } from '../vector-store.ts';
import { randomUnitVectors } from './random-vectors.ts';

export interface VectorStoreFactory {
  create(dimensions: number): Promise<VectorStore>;
  /** The store as another reader opens it once written: a saved file loaded again, or a new database reader. */
  reopen(store: VectorStore, directory: string): Promise<VectorStore>;
  /** For a store kept in a file: loads a file, so missing and damaged files can be tested. */
  load?(file: string): Promise<VectorStore>;
  /** For a store kept in a file: writes it. */
  save?(store: VectorStore, file: string): Promise<void>;
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

    it('names its kind as a file name part', async () => {
      expect((await factory.create(4)).kind).toMatch(/^[a-z0-9-]+$/);
    });

    it('finds nothing in an empty store', async () => {
      const store = await factory.create(4);
      expect(store.size).toBe(0);
      expect(store.dimensions).toBe(4);
      expect(await store.search([1, 0, 0, 0], 5)).toEqual([]);
    });

    it('ranks the nearest vector first with its cosine similarity as score', async () => {
      const store = await factory.create(3);
      await store.add(10, [1, 0, 0]);
      await store.add(11, [0, 1, 0]);
      await store.add(12, [-1, 0, 0]);
      const matches = await store.search([0.9, 0.1, 0], 3);
      expect(matches.map((match) => match.label)).toEqual([10, 11, 12]);
      expect(matches[0]?.score).toBeCloseTo(0.9 / Math.hypot(0.9, 0.1), 5);
      expect(matches[2]?.score).toBeCloseTo(-0.9 / Math.hypot(0.9, 0.1), 5);
    });

    it('ignores vector length: a scaled copy scores 1 and the opposite direction -1', async () => {
      const store = await factory.create(2);
      await store.add(1, [3, 4]);
      await store.add(2, [-30, -40]);
      const matches = await store.search([0.6, 0.8], 2);
      expect(matches[0]).toEqual({ label: 1, score: expect.closeTo(1, 5) });
      expect(matches[1]).toEqual({ label: 2, score: expect.closeTo(-1, 5) });
    });

    it('returns scores in [-1, 1], best first, each the cosine to the stored vector, the first the best', async () => {
      const dimensions = 6;
      const vectorArbitrary = fc.array(fc.integer({ min: -4, max: 4 }), {
        minLength: dimensions,
        maxLength: dimensions,
      });
      await fc.assert(
        fc.asyncProperty(
          fc.array(vectorArbitrary, { minLength: 1, maxLength: 25 }),
          vectorArbitrary,
          fc.integer({ min: 1, max: 30 }),
          async (vectors, query, k) => {
            const store = await factory.create(dimensions);
            await addAll(store, vectors);
            const matches = await store.search(query, k);
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

    it('returns only labels the filter accepts, and the best of them', async () => {
      const store = await factory.create(16);
      const vectors = randomUnitVectors(200, 16, 7);
      await addAll(store, vectors);
      const query = vectors[3] as Float32Array;
      const matches = await store.search(query, 5, (label) => label % 2 === 0);
      expect(matches).toHaveLength(5);
      expect(matches.every((match) => match.label % 2 === 0)).toBe(true);
      const bestEven = vectors
        .map((vector, label) => ({ label, score: cosine(query, vector) }))
        .filter((candidate) => candidate.label % 2 === 0)
        .sort((left, right) => right.score - left.score)
        .slice(0, 5)
        .map((candidate) => candidate.label);
      expect(labelsOf(matches)).toEqual(bestEven);
      expect(labelsOf(await store.search(query, 5, (label) => label === 199))).toEqual([199]);
      expect(await store.search(query, 5, () => false)).toEqual([]);
    });

    it('passes an error thrown by the filter to the caller and stays usable', async () => {
      const store = await factory.create(2);
      await store.add(1, [1, 0]);
      await store.add(2, [0, 1]);
      await expect(
        store.search([1, 0], 2, () => {
          throw new Error('filter failed');
        }),
      ).rejects.toThrow('filter failed');
      expect(labelsOf(await store.search([1, 0], 2))).toEqual([1, 2]);
    });

    it('forgets a removed label, and takes it back when added again', async () => {
      const store = await factory.create(2);
      await store.add(1, [1, 0]);
      await store.add(2, [0.8, 0.2]);
      await store.add(3, [0, 1]);
      expect(await store.remove(1)).toBe(true);
      expect(await store.remove(1)).toBe(false);
      expect(await store.remove(99)).toBe(false);
      expect(await store.has(1)).toBe(false);
      expect(store.size).toBe(2);
      expect(labelsOf(await store.search([1, 0], 5))).toEqual([2, 3]);
      await store.add(1, [1, 0]);
      expect(store.size).toBe(3);
      expect(labelsOf(await store.search([1, 0], 1))).toEqual([1]);
    });

    it('replaces the vector of a label that is added again', async () => {
      const store = await factory.create(2);
      await store.add(1, [1, 0]);
      await store.add(2, [0.7, 0.7]);
      await store.add(1, [0, 1]);
      expect(store.size).toBe(2);
      expect(await store.search([0, 1], 2)).toEqual([
        { label: 1, score: expect.closeTo(1, 5) },
        { label: 2, score: expect.closeTo(Math.SQRT1_2, 5) },
      ]);
    });

    it('returns every label when k exceeds the size, and none for k = 0', async () => {
      const store = await factory.create(8);
      await addAll(store, randomUnitVectors(5, 8, 3));
      await store.remove(4);
      expect(await store.search(randomUnitVectors(1, 8, 4)[0] as Float32Array, 1000)).toHaveLength(4);
      expect(await store.search([1, 0, 0, 0, 0, 0, 0, 0], 0)).toEqual([]);
    });

    it('keeps working past a thousand labels', async () => {
      const store = await factory.create(8);
      const vectors = randomUnitVectors(1500, 8, 11);
      await addAll(store, vectors);
      expect(store.size).toBe(1500);
      expect((await store.search(vectors[1234] as Float32Array, 1))[0]).toEqual({
        label: 1234,
        score: expect.closeTo(1, 5),
      });
    });

    it('refuses a vector of the wrong dimension, naming both dimensions', async () => {
      const store = await factory.create(3);
      await store.add(1, [1, 0, 0]);
      for (const act of [() => store.add(2, [1, 0]), () => store.search([1, 0, 0, 0], 1)]) {
        const error = await act().then(
          () => undefined,
          (failure: unknown) => failure,
        );
        expect(error).toBeInstanceOf(BeschlussError);
        expect((error as BeschlussError).message).toMatch(/has (2|4) dimensions .* holds 3-dimensional/);
        expect((error as BeschlussError).code).toBe('INDEX_MISMATCH');
      }
      expect(store.size).toBe(1);
    });

    it('refuses non-finite values, invalid labels and an invalid k', async () => {
      const store = await factory.create(2);
      await expect(store.add(1, [Number.NaN, 0])).rejects.toThrow(/non-finite/);
      await expect(store.add(-1, [1, 0])).rejects.toThrow(/label must be an integer/);
      await expect(store.add(1.5, [1, 0])).rejects.toThrow(/label must be an integer/);
      await expect(store.add(2 ** 32, [1, 0])).rejects.toThrow(/label must be an integer/);
      await expect(store.search([1, 0], -1)).rejects.toThrow(/k must be/);
      expect(store.size).toBe(0);
    });

    it('finds the same once reopened by another reader, removed labels included', async () => {
      const store = await factory.create(12);
      const vectors = randomUnitVectors(300, 12, 5);
      for (const [position, vector] of vectors.entries()) await store.add(position * 3, vector);
      await store.remove(0);
      await store.remove(30);
      const loaded = await factory.reopen(store, directory);
      expect(loaded.kind).toBe(store.kind);
      expect(loaded.dimensions).toBe(12);
      expect(loaded.size).toBe(298);
      expect(await loaded.has(0)).toBe(false);
      expect(await loaded.has(3)).toBe(true);
      for (const query of randomUnitVectors(10, 12, 6)) {
        expect(await loaded.search(query, 10)).toEqual(await store.search(query, 10));
      }
    });

    it('reopens an empty store', async () => {
      const loaded = await factory.reopen(await factory.create(5), directory);
      expect(loaded.size).toBe(0);
      expect(loaded.dimensions).toBe(5);
      expect(await loaded.search([1, 0, 0, 0, 0], 3)).toEqual([]);
    });

    const { load, save } = factory;
    if (load && save) {
      it('takes labels back after a save and load', async () => {
        const store = await factory.create(4);
        const vectors = randomUnitVectors(20, 4, 8);
        await addAll(store, vectors);
        await store.remove(0);
        const file = path.join(directory, 'store.bin');
        await save(store, file);
        const loaded = await load(file);
        await loaded.add(0, vectors[0] as Float32Array);
        expect((await loaded.search(vectors[0] as Float32Array, 1))[0]?.label).toBe(0);
      });

      it('reports a missing file as INDEX_MISSING and a truncated or foreign one as INDEX_CORRUPT', async () => {
        const file = path.join(directory, 'store.bin');
        await expect(load(file)).rejects.toMatchObject({ code: 'INDEX_MISSING' });
        const store = await factory.create(4);
        await addAll(store, randomUnitVectors(50, 4, 1));
        await save(store, file);
        await truncate(file, 700);
        await expect(load(file)).rejects.toMatchObject({
          code: 'INDEX_CORRUPT',
          message: expect.stringContaining(file),
        });
        await writeFile(file, 'not a vector store at all, just text');
        await expect(load(file)).rejects.toMatchObject({ code: 'INDEX_CORRUPT' });
      });
    }
  });
}

async function addAll(store: VectorStore, vectors: ReadonlyArray<ArrayLike<number>>): Promise<void> {
  for (const [label, vector] of vectors.entries()) await store.add(label, vector);
}

function labelsOf(matches: ReadonlyArray<{ label: number }>): number[] {
  return matches.map((match) => match.label);
}

/** The file-store factory of the contract: reopening is a save and a load. */
export function fileStoreFactory<T extends FileVectorStore>(
  create: (dimensions: number) => T,
  load: (file: string) => Promise<FileVectorStore>,
): VectorStoreFactory {
  const save = (store: VectorStore, file: string) => (store as FileVectorStore).save(file);
  return {
    create: async (dimensions) => create(dimensions),
    reopen: async (store, directory) => {
      const file = path.join(directory, `reopened-${Math.random().toString(36).slice(2)}.bin`);
      await save(store, file);
      return load(file);
    },
    load,
    save,
  };
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
