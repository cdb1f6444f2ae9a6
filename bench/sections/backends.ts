// Section "backends": the embedded index (files) and the PostgreSQL backend side by side, on the real corpus and on
// synthetic corpora (offline embedder, so the store and not the model is measured): the build into each store (in its
// own process), then a server over the built version (in another) under autocannon at N connections on /api/search
// and /api/ask with distinct queries, and that server's memory.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createGermanAnalyzer } from '../../src/analysis/index.ts';
import { readCorpusDir } from '../../src/corpus/index.ts';
import { type Database, openDatabase } from '../../src/database.ts';
import { buildIndexFrom } from '../../src/index/build-index.ts';
import { createFileIndexStore, createPostgresIndexStore, type IndexStore } from '../../src/index/index.ts';
import type { HnswSettings } from '../../src/index/vector/index.ts';
import { unitsOf } from '../../src/model.ts';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.ts';
import { createDatabaseOn } from '../../src/testing/database-on-server.ts';
import { createBenchEmbedder } from '../bench-embedder.ts';
import { type LoadResult, runLoad } from '../http-load.ts';
import { peakRssBytes } from '../memory.ts';
import { loadNounPool } from '../noun-pool.ts';
import { logProgress } from '../progress.ts';
import { createSyntheticCorpus } from '../synthetic-corpus.ts';
import { startWorker } from '../worker-client.ts';
import type { MemoryResult } from './bench-server.ts';
import { ENDPOINTS, type Endpoint, targetOf } from './served.ts';

export type Backend = 'embedded' | 'postgres';

/** Where a backend's index lives for one run: a folder, or a database of its own on the bench's server. */
export interface BackendLocation {
  backend: Backend;
  indexDir?: string;
  databaseUrl?: string;
}

export interface BackendBuildRequest extends BackendLocation {
  /** 0: the bundled corpus; else a synthetic corpus of this many units. */
  size: number;
  seed: number;
  hnsw: HnswSettings;
}

export interface BackendBuildResult {
  units: number;
  buildMilliseconds: number;
  processPeakRssBytes: number;
}

/** Opens the store of a location (and the database it needs); close closes both. */
export async function openBackendStore(
  location: BackendLocation,
): Promise<{ store: IndexStore; close: () => Promise<void> }> {
  if (location.backend === 'embedded') {
    return { store: createFileIndexStore(location.indexDir as string), close: async () => undefined };
  }
  const database: Database = await openDatabase({ url: location.databaseUrl as string, poolSize: 20 });
  const store = await createPostgresIndexStore(database);
  return {
    store,
    close: async () => {
      await store.close();
      await database.close();
    },
  };
}

/** Worker side: builds the corpus into the backend's store with the offline embedder. */
export async function runBackendBuild(request: BackendBuildRequest): Promise<BackendBuildResult> {
  const { collections: real } = await readCorpusDir(DEFAULT_CORPUS_DIR);
  const meetings =
    request.size === 0
      ? real.map((collection) => collection.meeting)
      : createSyntheticCorpus({
          sourceUnits: real.flatMap((collection) => unitsOf(collection.meeting)),
          unitCount: request.size,
          seed: request.seed,
          nounPool: await loadNounPool(),
        }).meetings;
  const analyzer = await createGermanAnalyzer();
  const { embedder } = await createBenchEmbedder('offline', analyzer);
  const { store, close } = await openBackendStore(request);
  try {
    const started = performance.now();
    const { report } = await buildIndexFrom({
      store,
      embedder,
      analyzer,
      // The real corpus with the product's HNSW settings, synthetic ones with the bench's (as section "synthetic").
      ...(request.size === 0 ? {} : { hnsw: request.hnsw }),
      collections: meetings.map((meeting) => ({ file: `bench/${meeting.id}.txt`, meeting })),
    });
    return {
      units: report.units,
      buildMilliseconds: performance.now() - started,
      processPeakRssBytes: peakRssBytes(),
    };
  } finally {
    await close();
  }
}

export interface BackendLoadRun {
  endpoint: Endpoint;
  load: LoadResult;
  memoryAfter: MemoryResult;
}

export interface BackendResult {
  backend: Backend;
  /** 0: the bundled corpus. */
  size: number;
  units: number;
  build: BackendBuildResult;
  /** Reading the built version and opening it for search, in the server process. */
  loadMilliseconds: number;
  baseline: MemoryResult;
  runs: BackendLoadRun[];
}

export interface BackendsOptions {
  /** Synthetic sizes beside the bundled corpus. */
  sizes: readonly number[];
  /** A PostgreSQL server with pgvector; without one only the embedded backend runs. */
  databaseUrl: string | undefined;
  seed: number;
  hnsw: HnswSettings;
  loadDurationSeconds: number;
  loadConnections: number;
}

export async function runBackendsSection(options: BackendsOptions): Promise<BackendResult[]> {
  const backends: Backend[] = options.databaseUrl ? ['embedded', 'postgres'] : ['embedded'];
  if (!options.databaseUrl) {
    logProgress(
      'backends',
      'no --database-url (scripts/postgres.sh start): the PostgreSQL backend is skipped',
    );
  }
  const results: BackendResult[] = [];
  for (const size of [0, ...options.sizes]) {
    for (const backend of backends) results.push(await runOne(backend, size, options));
  }
  return results;
}

async function runOne(backend: Backend, size: number, options: BackendsOptions): Promise<BackendResult> {
  const label = `backends ${backend} ${size === 0 ? 'bundled corpus' : size}`;
  const indexDir = await mkdtemp(path.join(os.tmpdir(), `beschluss-bench-${backend}-`));
  const database = backend === 'postgres' ? await createDatabaseOn(options.databaseUrl as string) : undefined;
  const location: BackendLocation = {
    backend,
    indexDir,
    ...(database ? { databaseUrl: database.url } : {}),
  };
  try {
    logProgress(label, 'building');
    const builder = startWorker();
    let build: BackendBuildResult;
    try {
      build = await builder.request('backend-build', {
        ...location,
        size,
        seed: options.seed,
        hnsw: options.hnsw,
      });
    } finally {
      await builder.close();
    }
    logProgress(label, `built in ${(build.buildMilliseconds / 1000).toFixed(1)} s; serving it`);
    const worker = startWorker();
    try {
      const started = await worker.request('server-start-store', { ...location, seed: options.seed });
      const baseline = await worker.request('server-memory', { gc: true });
      const runs: BackendLoadRun[] = [];
      for (const endpoint of ENDPOINTS) {
        const texts = endpoint === 'POST /api/ask' ? started.questions : started.queries;
        logProgress(
          label,
          `load: ${options.loadDurationSeconds} s at ${options.loadConnections} connections on ${endpoint}`,
        );
        const load = await runLoad(targetOf(started.url, endpoint, texts), {
          connections: options.loadConnections,
          durationSeconds: options.loadDurationSeconds,
        });
        runs.push({ endpoint, load, memoryAfter: await worker.request('server-memory', { gc: false }) });
      }
      await worker.request('server-close', {});
      return {
        backend,
        size,
        units: build.units,
        build,
        loadMilliseconds: started.loadMilliseconds,
        baseline,
        runs,
      };
    } finally {
      await worker.close();
    }
  } finally {
    await rm(indexDir, { recursive: true, force: true });
    await database?.drop();
  }
}
