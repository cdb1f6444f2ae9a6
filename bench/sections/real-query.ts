// Section "query" (its own process): lexical, vector and hybrid latency on the bundled corpus, with queries made
// from its own units (not the evaluation set).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createGermanAnalyzer } from '../../src/analysis/index.ts';
import { openSearchState } from '../../src/assistant/search-state.ts';
import { createOfflineEmbedder } from '../../src/embed/offline.ts';
import { embedderId } from '../../src/embed/types.ts';
import { buildIndex } from '../../src/index/build-index.ts';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.ts';
import { benchQueries, type QueryBenchResult } from '../query-bench.ts';
import { createQuerySet } from '../query-set.ts';

export interface RealQueryRequest {
  runs: number;
  warmup: number;
  budgetMs: number;
  seed: number;
  corpusDir?: string;
}

export interface RealQueryResult extends QueryBenchResult {
  units: number;
  embedder: string;
}

export async function runRealQuery(request: RealQueryRequest): Promise<RealQueryResult> {
  const { runs, warmup, budgetMs, seed, corpusDir = DEFAULT_CORPUS_DIR } = request;
  const indexDir = await mkdtemp(path.join(os.tmpdir(), 'beschluss-bench-query-'));
  try {
    const analyzer = await createGermanAnalyzer();
    const embedder = await createOfflineEmbedder({ analyzer });
    const { index } = await buildIndex({ corpusDir, indexDir, embedder, analyzer });
    const state = openSearchState(index, { analyzer, embedder });
    const queries = createQuerySet({ units: index.units, seed });
    const result = await benchQueries(state, queries, {
      runs,
      warmup,
      budgetMs,
    });
    return { ...result, units: index.units.length, embedder: embedderId(embedder) };
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}
