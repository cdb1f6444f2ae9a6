// Section "load" (issue "hardening"): sustained loopback load on /api/search and /api/ask, with errors, non-2xx
// answers and the server's memory before, after, and after a GC, to show it does not grow without bound.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type LoadResult, runLoad } from '../http-load.ts';
import { logProgress } from '../progress.ts';
import { startWorker } from '../worker-client.ts';
import { askTarget } from './ask.ts';
import type { MemoryResult } from './bench-server.ts';

export interface LoadSectionOptions {
  seed: number;
  durationSeconds: number;
  connections: number;
}

export interface EndpointLoad {
  endpoint: string;
  load: LoadResult;
  memoryBefore: MemoryResult;
  memoryAfter: MemoryResult;
  memoryAfterGc: MemoryResult;
}

export interface LoadSectionResult {
  units: number;
  /** After start-up and one GC, before any load. */
  baseline: MemoryResult;
  endpoints: EndpointLoad[];
}

export async function runLoadSection(options: LoadSectionOptions): Promise<LoadSectionResult> {
  const { seed, durationSeconds, connections } = options;
  const indexDir = await mkdtemp(path.join(os.tmpdir(), 'beschluss-bench-load-'));
  const worker = startWorker();
  try {
    const started = await worker.request('server-start', { indexDir, seed });
    const baseline = await worker.request('server-memory', { gc: true });
    const targets = [
      {
        endpoint: 'GET /api/search',
        target: {
          url: started.url,
          requests: started.queries.map((query) => ({
            method: 'GET' as const,
            path: `/api/search?q=${encodeURIComponent(query)}&k=5`,
          })),
        },
      },
      { endpoint: 'POST /api/ask', target: askTarget(started.url, started.questions) },
    ];
    const endpoints: EndpointLoad[] = [];
    for (const { endpoint, target } of targets) {
      logProgress('load', `${durationSeconds} s at ${connections} connections on ${endpoint}`);
      const memoryBefore = await worker.request('server-memory', { gc: false });
      const load = await runLoad(target, { connections, durationSeconds });
      const memoryAfter = await worker.request('server-memory', { gc: false });
      const memoryAfterGc = await worker.request('server-memory', { gc: true });
      endpoints.push({ endpoint, load, memoryBefore, memoryAfter, memoryAfterGc });
    }
    await worker.request('server-close', {});
    return { units: started.units, baseline, endpoints };
  } finally {
    await worker.close();
    await rm(indexDir, { recursive: true, force: true });
  }
}
