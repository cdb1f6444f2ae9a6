// Section "ask": /api/ask latency in-process (answerer.answer) and over HTTP, then requests/s under a bounded
// loopback load; the server runs in a worker process, the HTTP clients here.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type HttpTarget, type LoadResult, runLoad, sequentialLatency } from '../http-load.ts';
import type { LatencySummary } from '../percentiles.ts';
import { logProgress } from '../progress.ts';
import { startWorker } from '../worker-client.ts';
import type { AskInProcessResult } from './bench-server.ts';

export interface AskSectionOptions {
  runs: number;
  warmup: number;
  budgetMs: number;
  seed: number;
  durationSeconds: number;
  connections: number;
}

export interface AskSectionResult {
  units: number;
  inProcess: AskInProcessResult;
  http: LatencySummary;
  load: LoadResult;
}

export function askTarget(url: string, questions: readonly string[]): HttpTarget {
  return {
    url,
    requests: questions.map((question) => ({ method: 'POST', path: '/api/ask', body: { question } })),
  };
}

export async function runAskSection(options: AskSectionOptions): Promise<AskSectionResult> {
  const { runs, warmup, budgetMs, seed, durationSeconds, connections } = options;
  const indexDir = await mkdtemp(path.join(os.tmpdir(), 'beschluss-bench-ask-'));
  const worker = startWorker();
  try {
    const started = await worker.request('server-start', { indexDir, seed });
    logProgress('ask', `server at ${started.url}; timing answerer.answer in-process`);
    const inProcess = await worker.request('server-ask', { runs, warmup, budgetMs });
    const target = askTarget(started.url, started.questions);
    logProgress('ask', 'timing POST /api/ask one at a time');
    const http = await sequentialLatency(target, { runs, warmup, budgetMs });
    logProgress('ask', `load: ${durationSeconds} s at ${connections} connections on /api/ask`);
    const load = await runLoad(target, { connections, durationSeconds });
    await worker.request('server-close', {});
    return { units: started.units, inProcess, http, load };
  } finally {
    await worker.close();
    await rm(indexDir, { recursive: true, force: true });
  }
}
