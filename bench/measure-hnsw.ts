// Measures HNSW build time, search latency, recall, load time and file sizes on random vectors (numbers for bench/).
// Run: node --import tsx bench/measure-hnsw.ts [--low-rank] [--m N] [--ef-construction N] [--ef-search N] [count …]
// (default counts 10000 100000); prints one JSON line per count.
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { hashFile } from '../src/index/artifact/index.ts';
import {
  createExactVectorStore,
  createHnswVectorStore,
  type HnswSettings,
  loadHnswVectorStore,
  readHnswFileInfo,
} from '../src/index/vector/index.ts';
import { randomUnitVectors, seededGaussian } from '../src/index/vector/testing/index.ts';

export interface HnswMeasureOptions {
  count: number;
  /** Default 512. */
  dimensions?: number;
  /** Queries timed; default 200. */
  queries?: number;
  /** Queries whose results are compared with exact search; default 50. */
  recallQueries?: number;
  /** Default 10. */
  k?: number;
  /** Default: DEFAULT_HNSW_SETTINGS. */
  settings?: Partial<HnswSettings>;
  /** 'uniform' (default, the worst case) or 'low-rank' (rank-32 structure, closer to text embeddings). */
  distribution?: 'uniform' | 'low-rank';
}

export interface HnswMeasurement {
  distribution: 'uniform' | 'low-rank';
  count: number;
  dimensions: number;
  settings: HnswSettings;
  buildSeconds: number;
  searchMillisecondsMean: number;
  searchMillisecondsP50: number;
  searchMillisecondsP95: number;
  recallAtK: number;
  hnswFileBytes: number;
  /** What the artifact's embeddings file takes for the same vectors (float32 rows). */
  embeddingsFileBytes: number;
  saveSeconds: number;
  /** Layout check plus hnswlib readIndex, as readIndexArtifact does without verify. */
  loadSeconds: number;
  /** sha256 of the HNSW file, the extra cost of verify. */
  checksumSeconds: number;
  heapAndNativeMegabytes: number;
}

export async function measureHnsw(options: HnswMeasureOptions): Promise<HnswMeasurement> {
  const { count, dimensions = 512, queries = 200, recallQueries = 50, k = 10, settings = {} } = options;
  const { distribution = 'uniform' } = options;
  // Queries come from the same draw, so low-rank queries share the vectors' subspace.
  const all =
    distribution === 'uniform'
      ? randomUnitVectors(count + queries, dimensions, 1)
      : randomLowRankUnitVectors(count + queries, dimensions, 32, 1);
  const vectors = all.slice(0, count);
  const queryVectors = all.slice(count);

  let started = performance.now();
  const store = createHnswVectorStore({ dimensions, initialCapacity: count, ...settings });
  for (const [label, vector] of vectors.entries()) await store.add(label, vector);
  const buildSeconds = (performance.now() - started) / 1000;
  const rssAfterBuild = process.memoryUsage().rss;

  const latencies: number[] = [];
  for (const query of queryVectors) {
    const start = performance.now();
    await store.search(query, k);
    latencies.push(performance.now() - start);
  }
  latencies.sort((left, right) => left - right);

  const exact = createExactVectorStore({ dimensions });
  for (const [label, vector] of vectors.entries()) await exact.add(label, vector);
  let found = 0;
  for (const query of queryVectors.slice(0, recallQueries)) {
    const truth = new Set((await exact.search(query, k)).map((match) => match.label));
    found += (await store.search(query, k)).filter((match) => truth.has(match.label)).length;
  }

  const directory = await mkdtemp(path.join(tmpdir(), 'measure-hnsw-'));
  try {
    const file = path.join(directory, 'vectors.hnsw');
    started = performance.now();
    await store.save(file);
    const saveSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await loadHnswVectorStore(file);
    const loadSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    await hashFile(file);
    const checksumSeconds = (performance.now() - started) / 1000;
    await readHnswFileInfo(file);
    return {
      distribution,
      count,
      dimensions,
      settings: { ...store.settings },
      buildSeconds: round(buildSeconds),
      searchMillisecondsMean: round(latencies.reduce((sum, value) => sum + value, 0) / latencies.length),
      searchMillisecondsP50: round(percentile(latencies, 0.5)),
      searchMillisecondsP95: round(percentile(latencies, 0.95)),
      recallAtK: round(found / (Math.min(recallQueries, queries) * k)),
      hnswFileBytes: (await stat(file)).size,
      embeddingsFileBytes: count * dimensions * 4,
      saveSeconds: round(saveSeconds),
      loadSeconds: round(loadSeconds),
      checksumSeconds: round(checksumSeconds),
      heapAndNativeMegabytes: Math.round(rssAfterBuild / 2 ** 20),
    };
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

/**
 * Unit vectors near a random `rank`-dimensional subspace (plus 10% isotropic noise): closer to text embeddings,
 * whose intrinsic dimension is far below their length.
 */
export function randomLowRankUnitVectors(
  count: number,
  dimensions: number,
  rank: number,
  seed: number,
): Float32Array[] {
  const gaussian = seededGaussian(seed);
  const basis = Array.from({ length: rank }, () => Float32Array.from({ length: dimensions }, gaussian));
  const noise = 0.1 * Math.sqrt(rank / dimensions);
  return Array.from({ length: count }, () => {
    const vector = Float32Array.from({ length: dimensions }, () => noise * gaussian());
    for (const direction of basis) {
      const weight = gaussian();
      for (let component = 0; component < dimensions; component++) {
        vector[component] = (vector[component] as number) + weight * (direction[component] as number);
      }
    }
    const norm = Math.hypot(...vector);
    return vector.map((value) => value / norm);
  });
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] as number;
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      'low-rank': { type: 'boolean', default: false },
      m: { type: 'string' },
      'ef-construction': { type: 'string' },
      'ef-search': { type: 'string' },
    },
  });
  const settings: Partial<HnswSettings> = {};
  if (values.m) settings.m = Number(values.m);
  if (values['ef-construction']) settings.efConstruction = Number(values['ef-construction']);
  if (values['ef-search']) settings.efSearch = Number(values['ef-search']);
  const distribution = values['low-rank'] ? 'low-rank' : 'uniform';
  const counts = positionals.length > 0 ? positionals.map(Number) : [10_000, 100_000];
  for (const count of counts)
    console.log(JSON.stringify(await measureHnsw({ count, settings, distribution })));
}
