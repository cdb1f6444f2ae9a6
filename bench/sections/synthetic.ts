// Section "synthetic": per size, a worker builds the synthetic index, a fresh worker loads and queries it.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { HnswSettings } from '../../src/index/vector/index.ts';
import { logProgress } from '../progress.ts';
import { inFreshWorker } from '../worker-client.ts';
import type { SyntheticBuildResult } from './synthetic-build.ts';
import type { SyntheticQueryResult } from './synthetic-query.ts';

export interface SyntheticSectionOptions {
  sizes: readonly number[];
  seed: number;
  hnsw: HnswSettings;
  runs: number;
  warmup: number;
  budgetMs: number;
}

export interface SyntheticSizeResult {
  build: SyntheticBuildResult;
  query: SyntheticQueryResult;
}

/** efSearch values compared on every graph; hnswlib searches with max(efSearch, k) and the retriever asks k = 80. */
export const EF_SEARCH_SWEEP = [80, 120, 200, 400];

export async function runSyntheticSection(options: SyntheticSectionOptions): Promise<SyntheticSizeResult[]> {
  const { sizes, seed, hnsw, runs, warmup, budgetMs } = options;
  const results: SyntheticSizeResult[] = [];
  for (const size of sizes) {
    const indexDir = await mkdtemp(path.join(os.tmpdir(), `beschluss-bench-synthetic-${size}-`));
    try {
      logProgress(`synthetic ${size}`, `building (HNSW M ${hnsw.m}, efConstruction ${hnsw.efConstruction})`);
      const build = await inFreshWorker('synthetic-build', { size, seed, hnsw, indexDir });
      const query = await inFreshWorker('synthetic-query', {
        size,
        indexDir,
        runs,
        warmup,
        budgetMs,
        seed,
        efSearchValues: [...new Set([...EF_SEARCH_SWEEP, hnsw.efSearch])].sort((left, right) => left - right),
      });
      results.push({ build, query });
    } finally {
      await rm(indexDir, { recursive: true, force: true });
    }
  }
  return results;
}
