// Summaries of latency samples (nearest-rank percentiles, mean, extremes) for the benchmark tables.
import { BeschlussError } from '../src/errors.ts';

export interface LatencySummary {
  count: number;
  mean: number;
  min: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
}

/**
 * The nearest-rank percentile of ascending samples: the smallest sample with at least `fraction` of all samples at
 * or below it. Always one of the samples, so a p99 of 100 runs is the 99th slowest run, never an interpolation.
 */
export function percentile(sortedAscending: readonly number[], fraction: number): number {
  if (sortedAscending.length === 0) {
    throw new BeschlussError('INTERNAL', 'Expected at least one sample for a percentile, got none.');
  }
  if (!(fraction >= 0 && fraction <= 1)) {
    throw new BeschlussError('INTERNAL', `Expected a percentile fraction from 0 to 1, got ${fraction}.`);
  }
  const rank = Math.max(1, Math.ceil(fraction * sortedAscending.length));
  return sortedAscending[rank - 1] as number;
}

export function summarize(samples: readonly number[]): LatencySummary {
  if (samples.length === 0) {
    throw new BeschlussError('INTERNAL', 'Expected at least one latency sample to summarize, got none.');
  }
  const sorted = [...samples].sort((left, right) => left - right);
  const total = sorted.reduce((sum, value) => sum + value, 0);
  return {
    count: sorted.length,
    mean: total / sorted.length,
    min: sorted[0] as number,
    p50: percentile(sorted, 0.5),
    p95: percentile(sorted, 0.95),
    p99: percentile(sorted, 0.99),
    max: sorted[sorted.length - 1] as number,
  };
}
