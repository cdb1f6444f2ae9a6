// The server under test for sections "ask" and "load" (in its own process, so the load generator does not share
// its event loop): the real assistant on 127.0.0.1 port 0, in-process answer timing, memory readings on request.
import { createAssistant } from '../../src/assistant/create.ts';
import type { Assistant } from '../../src/assistant/types.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.ts';
import { type RunningServer, startServer } from '../../src/server/serve.ts';
import { measureLatency } from '../latency.ts';
import { collectGarbage, type MemorySnapshot, memorySnapshot } from '../memory.ts';
import type { LatencySummary } from '../percentiles.ts';
import { createQuerySet, createQuestionSet } from '../query-set.ts';

export interface ServerStartRequest {
  /** A fresh folder: the assistant builds the index into it on start, as `beschluss serve` does. */
  indexDir: string;
  seed: number;
  corpusDir?: string;
}

export interface ServerStartResult {
  url: string;
  units: number;
  /** For POST /api/ask, generated from the corpus (not the evaluation set). */
  questions: string[];
  /** For GET /api/search. */
  queries: string[];
}

export interface AskInProcessRequest {
  runs: number;
  warmup: number;
  budgetMs: number;
}

export interface AskInProcessResult {
  latency: LatencySummary;
  questions: number;
  /** Of the distinct questions, how many the answerer abstained on. */
  abstained: number;
}

export interface MemoryRequest {
  /** Run a full GC first (needs --expose-gc, which the benchmark's worker processes get). */
  gc: boolean;
}

export interface MemoryResult {
  memory: MemorySnapshot;
  gcRan: boolean;
}

export interface BenchServer {
  start(request: ServerStartRequest): Promise<ServerStartResult>;
  askInProcess(request: AskInProcessRequest): Promise<AskInProcessResult>;
  memory(request: MemoryRequest): MemoryResult;
  close(): Promise<void>;
}

export function createBenchServer(): BenchServer {
  let running: { assistant: Assistant; server: RunningServer; questions: string[] } | undefined;
  const requireRunning = () => {
    if (!running) throw new Error('The bench server has not been started.');
    return running;
  };
  return {
    async start({ indexDir, seed, corpusDir = DEFAULT_CORPUS_DIR }) {
      const config = loadConfig({
        INDEX_DIR: indexDir,
        CORPUS_DIR: corpusDir,
        EMBEDDER: 'offline',
        LOG_LEVEL: 'silent',
        HOST: '127.0.0.1',
        PORT: '0',
      });
      const logger = createLogger({ level: 'silent' });
      const assistant = await createAssistant({ config, logger });
      const server = await startServer({ assistant, config, logger });
      const units = [...assistant.catalog.units];
      const questions = createQuestionSet({ units, seed }).map((question) => question.text);
      const queries = createQuerySet({ units, seed }).map((query) => query.text);
      running = { assistant, server, questions };
      return { url: server.url, units: units.length, questions, queries };
    },
    async askInProcess({ runs, warmup, budgetMs }) {
      const { assistant, questions } = requireRunning();
      const latency = await measureLatency(questions, (question) => assistant.answerer.answer({ question }), {
        runs,
        warmup,
        budgetMs,
      });
      let abstained = 0;
      for (const question of questions)
        if ((await assistant.answerer.answer({ question })).abstained) abstained++;
      return { latency, questions: questions.length, abstained };
    },
    memory({ gc }) {
      const gcRan = gc ? collectGarbage() : false;
      return { memory: memorySnapshot(), gcRan };
    },
    async close() {
      await running?.server.close();
      running = undefined;
    },
  };
}
