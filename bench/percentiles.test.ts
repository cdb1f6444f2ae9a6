import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentile, summarize } from './percentiles.ts';

const samples = fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 300 });

describe('percentile', () => {
  it('takes the nearest rank: p50 of 1..10 is 5, p95 is 10, p0 is the minimum', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 0.5)).toBe(5);
    expect(percentile(sorted, 0.95)).toBe(10);
    expect(percentile(sorted, 0.9)).toBe(9);
    expect(percentile(sorted, 0)).toBe(1);
  });

  it('is one of the samples and grows with the fraction', () => {
    fc.assert(
      fc.property(samples, fc.double({ min: 0, max: 1, noNaN: true }), (values, fraction) => {
        const sorted = [...values].sort((left, right) => left - right);
        const value = percentile(sorted, fraction);
        expect(sorted).toContain(value);
        expect(percentile(sorted, Math.min(1, fraction + 0.1))).toBeGreaterThanOrEqual(value);
      }),
    );
  });

  it('has at least the fraction of samples at or below it', () => {
    fc.assert(
      fc.property(samples, fc.double({ min: 0.01, max: 1, noNaN: true }), (values, fraction) => {
        const sorted = [...values].sort((left, right) => left - right);
        const value = percentile(sorted, fraction);
        const atOrBelow = sorted.filter((sample) => sample <= value).length;
        expect(atOrBelow / sorted.length).toBeGreaterThanOrEqual(fraction - 1e-12);
      }),
    );
  });

  it('refuses no samples and fractions outside 0..1', () => {
    expect(() => percentile([], 0.5)).toThrow(/at least one sample/);
    expect(() => percentile([1], 1.5)).toThrow(/from 0 to 1, got 1.5/);
  });
});

describe('summarize', () => {
  it('orders min ≤ p50 ≤ p95 ≤ p99 ≤ max and keeps the mean between the extremes', () => {
    fc.assert(
      fc.property(samples, (values) => {
        const summary = summarize(values);
        expect(summary.count).toBe(values.length);
        expect(summary.min).toBeLessThanOrEqual(summary.p50);
        expect(summary.p50).toBeLessThanOrEqual(summary.p95);
        expect(summary.p95).toBeLessThanOrEqual(summary.p99);
        expect(summary.p99).toBeLessThanOrEqual(summary.max);
        expect(summary.mean).toBeGreaterThanOrEqual(summary.min - 1e-9);
        expect(summary.mean).toBeLessThanOrEqual(summary.max + 1e-9);
      }),
    );
  });

  it('does not depend on the order of the samples', () => {
    fc.assert(
      fc.property(samples, (values) => {
        expect(summarize([...values].reverse())).toEqual(summarize(values));
      }),
    );
  });

  it('summarizes a known set exactly', () => {
    expect(summarize([4, 1, 3, 2])).toEqual({ count: 4, mean: 2.5, min: 1, p50: 2, p95: 4, p99: 4, max: 4 });
  });
});
