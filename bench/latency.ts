// Times an operation over a list of inputs: warm-up runs first (not recorded), then measured runs, in milliseconds;
// a time budget stops slow operations early so a large corpus does not stretch the benchmark to hours.
import { type LatencySummary, summarize } from './percentiles.ts';

export interface MeasureLatencyOptions {
  /** Unrecorded runs first, so JIT compilation and caches settle (default 30). */
  warmup?: number;
  /** Recorded runs (default 300); inputs are cycled through in order. */
  runs?: number;
  /**
   * Stop recording once the recorded runs took this long (default: no limit); at least `minRuns` are recorded.
   * Warm-up stops at a quarter of it. The summary's count says how many runs were recorded.
   */
  budgetMs?: number;
  /** Default 20. */
  minRuns?: number;
  /** Clock (default performance.now). */
  now?: () => number;
}

export async function measureLatency<T>(
  inputs: readonly T[],
  operation: (input: T) => unknown,
  options: MeasureLatencyOptions = {},
): Promise<LatencySummary> {
  const {
    warmup = 30,
    runs = 300,
    budgetMs = Number.POSITIVE_INFINITY,
    minRuns = 20,
    now = () => performance.now(),
  } = options;
  const inputAt = (index: number) => inputs[index % inputs.length] as T;
  const warmupStarted = now();
  let warmed = 0;
  while (warmed < warmup && now() - warmupStarted < budgetMs / 4) await operation(inputAt(warmed++));
  const samples: number[] = [];
  let spent = 0;
  while (samples.length < runs && (samples.length < minRuns || spent < budgetMs)) {
    const input = inputAt(warmed + samples.length);
    const started = now();
    await operation(input);
    const elapsed = now() - started;
    samples.push(elapsed);
    spent += elapsed;
  }
  return summarize(samples);
}
