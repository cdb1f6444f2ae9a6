// Sections "http" and "load", per embedder against one server (in a worker; clients here): /api/search and /api/ask
// one request at a time, then autocannon at N connections, each with distinct queries (every one a model run) and
// with a small repeated set (served from the LRU of query vectors), and the server's memory around the load.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DEFAULT_QUERY_CACHE_SIZE } from '../../src/embed/query-cache.ts';
import type { BenchEmbedder, EmbedderLoad } from '../bench-embedder.ts';
import { type HttpTarget, type LoadResult, runLoad, sendAll, sequentialLatency } from '../http-load.ts';
import type { LatencySummary } from '../percentiles.ts';
import { logProgress } from '../progress.ts';
import { partitionTexts } from '../text-partition.ts';
import { startWorker } from '../worker-client.ts';
import type { AskInProcessResult, MemoryResult } from './bench-server.ts';

export interface ServedOptions {
  embedders: readonly BenchEmbedder[];
  http: boolean;
  load: boolean;
  seed: number;
  runs: number;
  warmup: number;
  budgetMs: number;
  loadDurationSeconds: number;
  loadConnections: number;
  /** Duration of each cached-repeat load run. */
  cachedDurationSeconds: number;
}

export type Endpoint = 'GET /api/search' | 'POST /api/ask';
export const ENDPOINTS: readonly Endpoint[] = ['GET /api/search', 'POST /api/ask'];

/** Distinct texts per measurement: load runs cycle through more than the LRU holds, so no request hits it. */
export const PART_SIZES = { load: 2 * DEFAULT_QUERY_CACHE_SIZE, sequential: 400, inProcess: 400, cached: 50 };

export interface EndpointLatency {
  endpoint: Endpoint;
  /** Each request a query not asked before. */
  distinct: LatencySummary;
  /** The cached set, asked once before: query vectors from the LRU. */
  cached: LatencySummary;
}

export interface LoadRun {
  endpoint: Endpoint;
  repeat: 'distinct' | 'cached';
  /** Distinct texts the run cycles through. */
  texts: number;
  load: LoadResult;
  memoryAfter: MemoryResult;
}

export interface ServedResult {
  kind: BenchEmbedder;
  units: number;
  embedderLoad: EmbedderLoad;
  startMilliseconds: number;
  cacheCapacity: number;
  /** After start-up and a forced GC, before any request. */
  baseline: MemoryResult;
  http?: { inProcess: AskInProcessResult; endpoints: EndpointLatency[]; distinctTexts: number };
  load?: { runs: LoadRun[]; afterGc: MemoryResult; connections: number };
}

/** Requests of one endpoint, a text each. */
export function targetOf(url: string, endpoint: Endpoint, texts: readonly string[]): HttpTarget {
  return {
    url,
    requests: texts.map((text) =>
      endpoint === 'POST /api/ask'
        ? { method: 'POST' as const, path: '/api/ask', body: { question: text } }
        : { method: 'GET' as const, path: `/api/search?q=${encodeURIComponent(text)}&k=5` },
    ),
  };
}

export async function runServedSections(options: ServedOptions): Promise<ServedResult[]> {
  const results: ServedResult[] = [];
  for (const embedder of options.embedders) results.push(await serveOne(embedder, options));
  return results;
}

async function serveOne(kind: BenchEmbedder, options: ServedOptions): Promise<ServedResult> {
  const { runs, warmup, budgetMs } = options;
  const label = `served ${kind}`;
  const indexDir = await mkdtemp(path.join(os.tmpdir(), `beschluss-bench-served-${kind}-`));
  const worker = startWorker();
  try {
    logProgress(label, 'starting the server (index built into a fresh folder)');
    const started = await worker.request('server-start', { embedder: kind, indexDir, seed: options.seed });
    const baseline = await worker.request('server-memory', { gc: true });
    const sizes = [PART_SIZES.load, PART_SIZES.sequential, PART_SIZES.inProcess, PART_SIZES.cached];
    const textsOf = {
      'GET /api/search': partitionTexts(started.queries, sizes),
      'POST /api/ask': partitionTexts(started.questions, sizes),
    };
    const result: ServedResult = {
      kind,
      units: started.units,
      embedderLoad: started.embedderLoad,
      startMilliseconds: started.startMilliseconds,
      cacheCapacity: DEFAULT_QUERY_CACHE_SIZE,
      baseline,
    };
    if (options.http) {
      logProgress(label, 'timing answerer.answer in-process');
      const [, , inProcessQuestions = []] = textsOf['POST /api/ask'];
      const inProcess = await worker.request('server-ask', {
        questions: inProcessQuestions,
        runs,
        warmup,
        budgetMs,
      });
      const endpoints: EndpointLatency[] = [];
      for (const endpoint of ENDPOINTS) {
        const [, sequential = [], , cachedTexts = []] = textsOf[endpoint];
        logProgress(label, `timing ${endpoint} one at a time, distinct then cached queries`);
        const distinct = await sequentialLatency(targetOf(started.url, endpoint, sequential), {
          runs: Math.min(runs, Math.max(1, sequential.length - warmup)),
          warmup: Math.min(warmup, Math.max(0, sequential.length - 1)),
          budgetMs,
        });
        const cachedTarget = targetOf(started.url, endpoint, cachedTexts);
        await sendAll(cachedTarget);
        const cached = await sequentialLatency(cachedTarget, { runs, warmup, budgetMs });
        endpoints.push({ endpoint, distinct, cached });
      }
      result.http = {
        inProcess,
        endpoints,
        distinctTexts: Math.min(started.queries.length, started.questions.length),
      };
    }
    if (options.load) {
      const loadRuns: LoadRun[] = [];
      const connections = options.loadConnections;
      for (const endpoint of ENDPOINTS) {
        const [loadTexts = [], , , cachedTexts = []] = textsOf[endpoint];
        for (const repeat of ['distinct', 'cached'] as const) {
          const texts = repeat === 'distinct' ? loadTexts : cachedTexts;
          const durationSeconds =
            repeat === 'distinct' ? options.loadDurationSeconds : options.cachedDurationSeconds;
          const target = targetOf(started.url, endpoint, texts);
          // The cached run's texts are asked once first, so every request of the run finds its vector cached.
          if (repeat === 'cached') await sendAll(target);
          logProgress(
            label,
            `load: ${durationSeconds} s at ${connections} connections on ${endpoint}, ${texts.length} ${repeat} texts`,
          );
          const load = await runLoad(target, { connections, durationSeconds });
          const memoryAfter = await worker.request('server-memory', { gc: false });
          loadRuns.push({ endpoint, repeat, texts: texts.length, load, memoryAfter });
        }
      }
      const afterGc = await worker.request('server-memory', { gc: true });
      result.load = { runs: loadRuns, afterGc, connections };
    }
    await worker.request('server-close', {});
    return result;
  } finally {
    await worker.close();
    await rm(indexDir, { recursive: true, force: true });
  }
}
