// HNSW search latency and recall against exact search for several efSearch values on one saved graph, so a
// change of the default can be weighed (the graph's M and efConstruction are fixed when it is built).
import { createExactVectorStore, loadHnswVectorStore } from '../src/index/vector/index.ts';
import { measureLatency } from './latency.ts';
import type { LatencySummary } from './percentiles.ts';

export interface EfSearchSweepOptions {
  hnswFile: string;
  /** Every stored vector, row = label (the index's embeddings file). */
  rows: Float32Array;
  dimensions: number;
  queryVectors: ReadonlyArray<ArrayLike<number>>;
  /** Neighbours asked for, as the retriever asks (twice its candidates). */
  k: number;
  efSearchValues: readonly number[];
  runs: number;
  warmup: number;
  /** Time budget of each latency measurement (default none). */
  budgetMs?: number;
  /** Queries compared with exact search (default 50). */
  recallQueries?: number;
}

export interface EfSearchRow {
  efSearch: number;
  latency: LatencySummary;
  /** Share of the exact 10 nearest found among the approximate 10 nearest. */
  recallAt10: number;
  /** The same for all k neighbours asked for. */
  recallAtK: number;
}

export async function sweepEfSearch(options: EfSearchSweepOptions): Promise<EfSearchRow[]> {
  const {
    hnswFile,
    rows,
    dimensions,
    queryVectors,
    k,
    efSearchValues,
    runs,
    warmup,
    recallQueries = 50,
  } = options;
  const budget = options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs };
  const exact = createExactVectorStore({ dimensions });
  for (let label = 0; label < rows.length / dimensions; label++) {
    await exact.add(label, rows.subarray(label * dimensions, (label + 1) * dimensions));
  }
  const sample = queryVectors.slice(0, recallQueries);
  const truth: number[][] = [];
  for (const vector of sample) truth.push((await exact.search(vector, k)).map((match) => match.label));
  const result: EfSearchRow[] = [];
  for (const efSearch of efSearchValues) {
    const store = await loadHnswVectorStore(hnswFile, { efSearch });
    const positions = queryVectors.map((_, position) => position);
    const latency = await measureLatency(
      positions,
      (position) => store.search(queryVectors[position] as ArrayLike<number>, k),
      { runs, warmup, ...budget },
    );
    let foundAt10 = 0;
    let foundAtK = 0;
    let wantedAt10 = 0;
    let wantedAtK = 0;
    for (const [position, vector] of sample.entries()) {
      const exactLabels = truth[position] as number[];
      const approximate = (await store.search(vector, k)).map((match) => match.label);
      const top10 = new Set(exactLabels.slice(0, 10));
      const all = new Set(exactLabels);
      foundAt10 += approximate.slice(0, 10).filter((label) => top10.has(label)).length;
      foundAtK += approximate.filter((label) => all.has(label)).length;
      wantedAt10 += top10.size;
      wantedAtK += all.size;
    }
    result.push({
      efSearch,
      latency,
      recallAt10: wantedAt10 === 0 ? 1 : foundAt10 / wantedAt10,
      recallAtK: wantedAtK === 0 ? 1 : foundAtK / wantedAtK,
    });
  }
  return result;
}
