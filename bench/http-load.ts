// HTTP measurements against a running server: sequential request latency (fetch) and bounded load (autocannon).
import autocannon from 'autocannon';
import { BeschlussError } from '../src/errors.ts';
import { measureLatency } from './latency.ts';
import type { LatencySummary } from './percentiles.ts';

export interface HttpTarget {
  /** "http://127.0.0.1:PORT" */
  url: string;
  /** The endpoint's requests, cycled through: GET path, or POST path with a JSON body. */
  requests: ReadonlyArray<{ method: 'GET' | 'POST'; path: string; body?: unknown }>;
}

async function send(url: string, request: HttpTarget['requests'][number]): Promise<void> {
  const response = await fetch(`${url}${request.path}`, {
    method: request.method,
    ...(request.body === undefined
      ? {}
      : { body: JSON.stringify(request.body), headers: { 'content-type': 'application/json' } }),
  });
  const text = await response.text();
  if (!response.ok) {
    throw new BeschlussError(
      'INTERNAL',
      `Expected 2xx from ${request.method} ${request.path}, got ${response.status}: ${text.slice(0, 200)}`,
    );
  }
}

/** Every request of the target once, one at a time (to fill the server's caches before a cached run). */
export async function sendAll(target: HttpTarget): Promise<void> {
  for (const request of target.requests) await send(target.url, request);
}

/** One request at a time over fetch: the latency a single client sees, HTTP and JSON included. */
export function sequentialLatency(
  target: HttpTarget,
  options: { runs: number; warmup: number; budgetMs?: number },
): Promise<LatencySummary> {
  return measureLatency(target.requests, (request) => send(target.url, request), options);
}

export interface LoadResult {
  connections: number;
  durationSeconds: number;
  requests: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number; mean: number };
  /** Connection errors, timeouts included. */
  errors: number;
  timeouts: number;
  non2xx: number;
  statusCodes: Record<string, number>;
}

/** `connections` clients as fast as the server answers, for `durationSeconds`, on loopback. */
export async function runLoad(
  target: HttpTarget,
  options: { connections: number; durationSeconds: number },
): Promise<LoadResult> {
  let next = 0;
  const requests = target.requests.map((request) =>
    request.body === undefined
      ? { method: request.method, path: request.path }
      : {
          method: request.method,
          path: request.path,
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify(request.body),
        },
  );
  const result = await autocannon({
    url: target.url,
    connections: options.connections,
    duration: options.durationSeconds,
    requests: [
      {
        // Each request takes the next of the target's requests, so the server sees varied questions.
        setupRequest: (request) => ({ ...request, ...requests[next++ % requests.length] }),
      },
    ],
  });
  const statusCodes: Record<string, number> = {};
  for (const [code, entry] of Object.entries(result.statusCodeStats ?? {}))
    statusCodes[code] = entry.count ?? 0;
  return {
    connections: result.connections,
    durationSeconds: result.duration,
    requests: result.requests.total,
    requestsPerSecond: result.requests.average,
    latencyMs: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
      mean: result.latency.mean,
    },
    errors: result.errors,
    timeouts: result.timeouts,
    non2xx: result.non2xx,
    statusCodes,
  };
}
