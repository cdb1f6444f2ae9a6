// Section "soak" (per embedder, server in a worker): unique questions at a few connections for a long time (default
// 10 minutes), the server's RSS read every few seconds while they run: does memory level off (bounded caches)?
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import type { BenchEmbedder } from '../bench-embedder.ts';
import { loadNounPool } from '../noun-pool.ts';
import { logProgress } from '../progress.ts';
import { type RssSample, type SoakSummary, summarizeSoak, uniqueQuestion } from '../soak.ts';
import { startWorker } from '../worker-client.ts';
import type { MemoryResult } from './bench-server.ts';

export interface SoakOptions {
  embedders: readonly BenchEmbedder[];
  durationSeconds: number;
  connections: number;
  intervalSeconds: number;
  seed: number;
}

export interface SoakResult {
  kind: BenchEmbedder;
  durationSeconds: number;
  connections: number;
  requests: number;
  requestsPerSecond: number;
  errors: number;
  non2xx: number;
  /** After start-up and a forced GC, before the soak. */
  baseline: MemoryResult;
  samples: RssSample[];
  summary: SoakSummary;
  /** After the soak and a forced GC. */
  afterGc: MemoryResult;
}

export async function runSoakSection(options: SoakOptions): Promise<SoakResult[]> {
  const nouns = await loadNounPool();
  const results: SoakResult[] = [];
  for (const kind of options.embedders) results.push(await soakOne(kind, nouns, options));
  return results;
}

async function soakOne(
  kind: BenchEmbedder,
  nouns: readonly string[],
  options: SoakOptions,
): Promise<SoakResult> {
  const { durationSeconds, connections, intervalSeconds } = options;
  const label = `soak ${kind}`;
  const indexDir = await mkdtemp(path.join(os.tmpdir(), `beschluss-bench-soak-${kind}-`));
  const worker = startWorker();
  try {
    logProgress(label, 'starting the server (index built into a fresh folder)');
    const started = await worker.request('server-start', { embedder: kind, indexDir, seed: options.seed });
    const baseline = await worker.request('server-memory', { gc: true });
    logProgress(label, `${durationSeconds} s of unique questions at ${connections} connections`);
    const samples: RssSample[] = [];
    const soakStarted = performance.now();
    const sample = async () => {
      const { memory } = await worker.request('server-memory', { gc: false });
      const seconds = (performance.now() - soakStarted) / 1000;
      samples.push({ seconds, rss: memory.rss, heapUsed: memory.heapUsed });
    };
    await sample();
    const timer = setInterval(() => void sample(), intervalSeconds * 1000);
    let next = 0;
    // autocannon returns a thenable, not a Promise: awaited inside try/finally so the sampler always stops.
    let result: autocannon.Result;
    try {
      result = await autocannon({
        url: started.url,
        connections,
        duration: durationSeconds,
        requests: [
          {
            method: 'POST',
            path: '/api/ask',
            headers: { 'content-type': 'application/json' },
            setupRequest: (request) => ({
              ...request,
              body: JSON.stringify({ question: uniqueQuestion(started.questions, nouns, next++) }),
            }),
          },
        ],
      });
    } finally {
      clearInterval(timer);
    }
    await sample();
    const afterGc = await worker.request('server-memory', { gc: true });
    await worker.request('server-close', {});
    return {
      kind,
      durationSeconds,
      connections,
      requests: result.requests.total,
      requestsPerSecond: result.requests.average,
      errors: result.errors,
      non2xx: result.non2xx,
      baseline,
      samples,
      summary: summarizeSoak(samples, durationSeconds),
      afterGc,
    };
  } finally {
    await worker.close();
    await rm(indexDir, { recursive: true, force: true });
  }
}
