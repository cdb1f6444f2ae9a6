// Section "query" (its own process per embedder): query embedding cold and cached, then lexical, vector and hybrid
// latency on the bundled corpus, with queries made from its own units (not the evaluation set).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createGermanAnalyzer } from '../../src/analysis/index.ts';
import { openSearchState } from '../../src/assistant/search-state.ts';
import { buildIndex } from '../../src/index/build-index.ts';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.ts';
import { type BenchEmbedder, createBenchEmbedder } from '../bench-embedder.ts';
import { logProgress } from '../progress.ts';
import { benchQueries, type QueryBenchResult } from '../query-bench.ts';
import { benchQueryEmbedding, type QueryEmbeddingResult } from '../query-embedding.ts';
import { createQuerySet } from '../query-set.ts';

export interface RealQueryRequest {
  embedder: BenchEmbedder;
  runs: number;
  warmup: number;
  budgetMs: number;
  seed: number;
  corpusDir?: string;
}

export interface RealQueryResult extends QueryBenchResult {
  kind: BenchEmbedder;
  units: number;
  embedder: string;
  queryEmbedding: QueryEmbeddingResult;
}

export async function runRealQuery(request: RealQueryRequest): Promise<RealQueryResult> {
  const { runs, warmup, budgetMs, seed, corpusDir = DEFAULT_CORPUS_DIR } = request;
  const indexDir = await mkdtemp(path.join(os.tmpdir(), 'beschluss-bench-query-'));
  try {
    const analyzer = await createGermanAnalyzer();
    const { embedder, load } = await createBenchEmbedder(request.embedder, analyzer);
    const { index } = await buildIndex({ corpusDir, indexDir, embedder, analyzer });
    const state = await openSearchState(index, { analyzer, embedder });
    const queries = createQuerySet({ units: index.units, seed });
    logProgress(`query ${request.embedder}`, 'timing query embedding, cold and cached');
    const queryEmbedding = await benchQueryEmbedding(
      embedder,
      queries.map((query) => query.text),
      { runs, budgetMs },
    );
    logProgress(`query ${request.embedder}`, 'timing retriever.search per mode');
    const result = await benchQueries(state, queries, { runs, warmup, budgetMs });
    return {
      ...result,
      kind: request.embedder,
      units: index.units.length,
      embedder: load.id,
      queryEmbedding,
    };
  } finally {
    await rm(indexDir, { recursive: true, force: true });
  }
}
