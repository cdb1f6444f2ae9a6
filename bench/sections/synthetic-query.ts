// Section "synthetic", query part (a fresh process per embedder and size): loading the built index as a server does, then query
// latency per mode and per part, and HNSW latency/recall for a few efSearch values.
import path from 'node:path';
import { createGermanAnalyzer } from '../../src/analysis/index.ts';
import { openSearchState } from '../../src/assistant/search-state.ts';
import { readIndexArtifact } from '../../src/index/artifact/index.ts';
import { loadedFromArtifact } from '../../src/index/store/index.ts';
import { type BenchEmbedder, createBenchEmbedder } from '../bench-embedder.ts';
import { type EfSearchRow, sweepEfSearch } from '../hnsw-sweep.ts';
import { collectGarbage, type MemorySnapshot, memorySnapshot, peakRssBytes } from '../memory.ts';
import { logProgress } from '../progress.ts';
import { benchQueries, type QueryBenchResult } from '../query-bench.ts';
import { createQuerySet } from '../query-set.ts';

export interface SyntheticQueryRequest {
  embedder: BenchEmbedder;
  size: number;
  indexDir: string;
  runs: number;
  warmup: number;
  budgetMs: number;
  seed: number;
  /** efSearch values to compare (the retriever asks HNSW for 80 neighbours, so hnswlib uses at least 80). */
  efSearchValues: number[];
}

export interface SyntheticQueryResult extends QueryBenchResult {
  kind: BenchEmbedder;
  size: number;
  embedder: string;
  efSearch: number;
  /** Analyzer and embedder load (the model's included), then reading the index (checksums verified) and opening the search state. */
  analyzerMilliseconds: number;
  loadMilliseconds: number;
  /** After loading, after a GC where --expose-gc allowed one: what serving this index holds. */
  memoryLoaded: MemorySnapshot;
  gcRan: boolean;
  processPeakRssBytes: number;
  sweep: EfSearchRow[];
}

export async function runSyntheticQuery(request: SyntheticQueryRequest): Promise<SyntheticQueryResult> {
  const { size, indexDir, runs, warmup, budgetMs, seed, efSearchValues } = request;
  const label = `synthetic ${request.embedder} ${size}`;
  let started = performance.now();
  const analyzer = await createGermanAnalyzer();
  const { embedder, load } = await createBenchEmbedder(request.embedder, analyzer);
  const analyzerMilliseconds = performance.now() - started;
  started = performance.now();
  const artifact = await readIndexArtifact(indexDir, { expectedEmbedderId: load.id, verify: true });
  const index = loadedFromArtifact(artifact);
  const state = await openSearchState(index, { analyzer, embedder });
  const loadMilliseconds = performance.now() - started;
  const gcRan = collectGarbage();
  const memoryLoaded = memorySnapshot();
  logProgress(label, `loaded in ${Math.round(loadMilliseconds)} ms; timing queries`);

  const queries = createQuerySet({ units: index.units, seed });
  const result = await benchQueries(state, queries, {
    runs,
    warmup,
    budgetMs,
  });

  logProgress(label, 'sweeping efSearch');
  const { manifest, buildDirectory } = artifact;
  // The raw vector of every label, as the exact reference and the graphs of the sweep are built from.
  const stored = await index.loadStoredVectors();
  const { dimensions } = manifest.embedder;
  const rows = new Float32Array(index.chunks.length * dimensions);
  for (const chunk of index.chunks) rows.set(stored.get(chunk.contentHash) ?? [], chunk.label * dimensions);
  const queryVectors = await Promise.all(
    queries.map(
      async (query) =>
        (await embedder.doEmbed({ values: [query.text], inputType: 'query' })).embeddings[0] ?? [],
    ),
  );
  const sweep = await sweepEfSearch({
    hnswFile: path.join(buildDirectory, manifest.files.vectors.name),
    rows,
    dimensions: manifest.embedder.dimensions,
    queryVectors,
    k: Math.min(80, index.chunks.length),
    efSearchValues,
    runs,
    warmup,
    budgetMs,
  });
  return {
    ...result,
    kind: request.embedder,
    size,
    embedder: load.id,
    efSearch: manifest.settings.hnsw.efSearch,
    analyzerMilliseconds,
    loadMilliseconds,
    memoryLoaded,
    gcRan,
    processPeakRssBytes: peakRssBytes(),
    sweep,
  };
}
