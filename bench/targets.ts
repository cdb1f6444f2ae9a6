// The targets of issue 12, each judged "met" / "NOT MET" with its number; reported, never enforced.

export const TARGETS = {
  /** Cold build of the bundled corpus. */
  realBuildMs: 3000,
  /** /api/search and /api/ask p50 over HTTP, one request at a time. */
  httpP50Ms: 30,
  /** GET /api/search requests per second at 50 connections. */
  searchRequestsPerSecond: 300,
  /** Server RSS while serving, after the load runs. */
  servedRssBytes: 600 * 1024 ** 2,
  /** Hybrid retrieval p50 on the 100k synthetic corpus. */
  hybridP50At100kMs: 5,
} as const;

export interface TargetCheck {
  target: string;
  embedder: string;
  /** The measured number as printed ("2 431 ms"). */
  measured: string;
  met: boolean;
}

export function verdict(met: boolean): string {
  return met ? 'met' : 'NOT MET';
}

/** Whether `value` is within an upper limit; a missing measurement never counts as met. */
export function atMost(value: number | undefined, limit: number): boolean {
  return value !== undefined && Number.isFinite(value) && value <= limit;
}

/** Whether `value` reaches a lower limit; a missing measurement never counts as met. */
export function atLeast(value: number | undefined, limit: number): boolean {
  return value !== undefined && Number.isFinite(value) && value >= limit;
}

/** "cold build 2431 ms — target ≤ 3000 ms: met" */
export function describeCheck(check: TargetCheck): string {
  return `${check.embedder}: ${check.target}: ${check.measured} — ${verdict(check.met)}`;
}
