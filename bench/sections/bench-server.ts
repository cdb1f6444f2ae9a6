// The server under test for sections "http" and "load" (in its own process, so the load generator does not share
// its event loop): the real assistant with the chosen embedder on 127.0.0.1 port 0, in-process answer timing,
// memory readings on request.
import { createGermanAnalyzer } from '../../src/analysis/index.ts';
import { createAssistant } from '../../src/assistant/create.ts';
import { openSearchState } from '../../src/assistant/index.ts';
import type { Assistant } from '../../src/assistant/types.ts';
import { loadConfig } from '../../src/config.ts';
import { assistantOf } from '../../src/eval/testing/state-app.ts';
import { createLogger } from '../../src/logger.ts';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.ts';
import { type RunningServer, startServer } from '../../src/server/serve.ts';
import { type BenchEmbedder, createBenchEmbedder, type EmbedderLoad } from '../bench-embedder.ts';
import { measureLatency } from '../latency.ts';
import { collectGarbage, type MemorySnapshot, memorySnapshot, peakRssBytes } from '../memory.ts';
import type { LatencySummary } from '../percentiles.ts';
import { createQuerySet, createQuestionSet, distinctTexts } from '../query-set.ts';
import { type BackendLocation, openBackendStore } from './backends.ts';

/** Distinct queries and questions generated for a server: enough that a load run never repeats one the LRU holds. */
export const DISTINCT_TEXTS = 3000;

export interface ServerStartRequest {
  embedder: BenchEmbedder;
  /** A fresh folder: the assistant builds the index into it on start, as `beschluss serve` does. */
  indexDir: string;
  seed: number;
  corpusDir?: string;
}

export interface ServerStartResult {
  kind: BenchEmbedder;
  url: string;
  units: number;
  embedderLoad: EmbedderLoad;
  /** createAssistant (index built into the fresh folder) and listening, after the analyzer and embedder loads. */
  startMilliseconds: number;
  /** For GET /api/search, distinct, generated from the corpus (not the evaluation set). */
  queries: string[];
  /** For POST /api/ask, distinct. */
  questions: string[];
}

export interface AskInProcessRequest {
  questions: string[];
  runs: number;
  warmup: number;
  budgetMs: number;
}

export interface AskInProcessResult {
  latency: LatencySummary;
  /** Questions answered, warm-up included, and how many of them the answerer abstained on. */
  asked: number;
  abstained: number;
}

export interface MemoryRequest {
  /** Run a full GC first (needs --expose-gc, which the benchmark's worker processes get). */
  gc: boolean;
}

export interface MemoryResult {
  memory: MemorySnapshot;
  gcRan: boolean;
  /** The server process's peak RSS so far (maxRSS). */
  processPeakRssBytes: number;
}

/** A server over the version a backend holds (section "backends"): loaded, never built. */
export interface StoreServerRequest extends BackendLocation {
  seed: number;
}

export interface StoreServerResult {
  url: string;
  units: number;
  /** Reading the active version and opening it for search. */
  loadMilliseconds: number;
  queries: string[];
  questions: string[];
}

export interface BenchServer {
  start(request: ServerStartRequest): Promise<ServerStartResult>;
  startFromStore(request: StoreServerRequest): Promise<StoreServerResult>;
  askInProcess(request: AskInProcessRequest): Promise<AskInProcessResult>;
  memory(request: MemoryRequest): MemoryResult;
  close(): Promise<void>;
}

export function createBenchServer(): BenchServer {
  let running: { assistant: Assistant; server: RunningServer; closeStore?: () => Promise<void> } | undefined;
  const requireRunning = () => {
    if (!running) throw new Error('The bench server has not been started.');
    return running;
  };
  return {
    async start({ embedder: kind, indexDir, seed, corpusDir = DEFAULT_CORPUS_DIR }) {
      const config = loadConfig({
        INDEX_DIR: indexDir,
        CORPUS_DIR: corpusDir,
        EMBEDDER: kind,
        LOG_LEVEL: 'silent',
        HOST: '127.0.0.1',
        PORT: '0',
      });
      const logger = createLogger({ level: 'silent' });
      const analyzer = await createGermanAnalyzer();
      const { embedder, load } = await createBenchEmbedder(kind, analyzer);
      const started = performance.now();
      const assistant = await createAssistant({ config, logger, analyzer, embedder });
      const server = await startServer({ assistant, config, logger });
      const startMilliseconds = performance.now() - started;
      const units = [...assistant.catalog.units];
      const queries = distinctTexts((count) => createQuerySet({ units, count, seed }), DISTINCT_TEXTS);
      const questions = distinctTexts((count) => createQuestionSet({ units, count, seed }), DISTINCT_TEXTS);
      running = { assistant, server };
      return {
        kind,
        url: server.url,
        units: units.length,
        embedderLoad: load,
        startMilliseconds,
        queries,
        questions,
      };
    },
    async startFromStore(request) {
      const config = loadConfig({ LOG_LEVEL: 'silent', HOST: '127.0.0.1', PORT: '0' });
      const logger = createLogger({ level: 'silent' });
      const analyzer = await createGermanAnalyzer();
      const { embedder } = await createBenchEmbedder('offline', analyzer);
      const started = performance.now();
      const { store, close } = await openBackendStore(request);
      const state = await openSearchState(await store.read(), { analyzer, embedder });
      const loadMilliseconds = performance.now() - started;
      const assistant = assistantOf(state);
      const server = await startServer({ assistant, config, logger });
      const units = [...assistant.catalog.units];
      running = { assistant, server, closeStore: close };
      return {
        url: server.url,
        units: units.length,
        loadMilliseconds,
        queries: distinctTexts(
          (count) => createQuerySet({ units, count, seed: request.seed }),
          DISTINCT_TEXTS,
        ),
        questions: distinctTexts(
          (count) => createQuestionSet({ units, count, seed: request.seed }),
          DISTINCT_TEXTS,
        ),
      };
    },
    async askInProcess({ questions, runs, warmup, budgetMs }) {
      const { assistant } = requireRunning();
      let asked = 0;
      let abstained = 0;
      const latency = await measureLatency(
        questions,
        async (question) => {
          asked++;
          if ((await assistant.answerer.answer({ question })).abstained) abstained++;
        },
        { runs, warmup, budgetMs },
      );
      return { latency, asked, abstained };
    },
    memory({ gc }) {
      const gcRan = gc ? collectGarbage() : false;
      return { memory: memorySnapshot(), gcRan, processPeakRssBytes: peakRssBytes() };
    },
    async close() {
      await running?.server.close();
      await running?.closeStore?.();
      running = undefined;
    },
  };
}
