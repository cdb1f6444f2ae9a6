import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createExactVectorStore } from './exact-vector-store.ts';
import { createHnswVectorStore, DEFAULT_HNSW_SETTINGS, loadHnswVectorStore } from './hnsw-vector-store.ts';
import { randomUnitVectors } from './testing/random-vectors.ts';
import { describeVectorStoreContract, fileStoreFactory } from './testing/vector-store-contract.ts';

// A tiny initial capacity, so every contract test also exercises growing the hnswlib index.
describeVectorStoreContract(
  'HNSW vector store',
  fileStoreFactory(
    (dimensions) => createHnswVectorStore({ dimensions, initialCapacity: 2 }),
    (file) => loadHnswVectorStore(file),
  ),
);

describe('HNSW vector store', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'hnsw-store-'));
  });
  afterEach(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('finds at least 95% of the exact 10 nearest neighbours among 5k random 384-dim vectors with the defaults', async () => {
    const dimensions = 384;
    const vectors = randomUnitVectors(5000, dimensions, 2024);
    const queries = randomUnitVectors(100, dimensions, 2025);
    const approximate = createHnswVectorStore({ dimensions });
    const exact = createExactVectorStore({ dimensions });
    for (const [label, vector] of vectors.entries()) {
      await approximate.add(label, vector);
      await exact.add(label, vector);
    }
    let found = 0;
    for (const query of queries) {
      const truth = new Set((await exact.search(query, 10)).map((match) => match.label));
      found += (await approximate.search(query, 10)).filter((match) => truth.has(match.label)).length;
    }
    const recall = found / (queries.length * 10);
    expect(recall).toBeGreaterThanOrEqual(0.95);
  });

  it('records its settings, and a loaded store keeps M and efConstruction from the file', async () => {
    const store = createHnswVectorStore({ dimensions: 4, m: 8, efConstruction: 50, efSearch: 20 });
    expect(store.settings).toEqual({ m: 8, efConstruction: 50, efSearch: 20 });
    for (const [label, vector] of randomUnitVectors(20, 4, 9).entries()) await store.add(label, vector);
    const file = path.join(directory, 'store.hnsw');
    await store.save(file);
    expect((await loadHnswVectorStore(file)).settings).toEqual({
      m: 8,
      efConstruction: 50,
      efSearch: DEFAULT_HNSW_SETTINGS.efSearch,
    });
    expect((await loadHnswVectorStore(file, { efSearch: 33 })).settings.efSearch).toBe(33);
  });

  it('refuses to load a file of another dimension when the dimension is given', async () => {
    const store = createHnswVectorStore({ dimensions: 4 });
    await store.add(1, [1, 0, 0, 0]);
    const file = path.join(directory, 'store.hnsw');
    await store.save(file);
    await expect(loadHnswVectorStore(file, { dimensions: 8 })).rejects.toMatchObject({
      code: 'INDEX_MISMATCH',
      message: expect.stringMatching(/holds 4-dimensional vectors, expected 8/),
    });
  });

  it('refuses settings that are not positive integers', () => {
    expect(() => createHnswVectorStore({ dimensions: 4, m: 0 })).toThrow(
      /setting m must be a positive integer/,
    );
    expect(() => createHnswVectorStore({ dimensions: 4, efSearch: 1.5 })).toThrow(/efSearch/);
  });
});
