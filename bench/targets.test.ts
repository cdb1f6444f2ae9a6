import { describe, expect, it } from 'vitest';
import { atLeast, atMost, describeCheck, verdict } from './targets.ts';

describe('target checks', () => {
  it('count a limit reached exactly as met and a missing or non-finite number as not met', () => {
    expect(atMost(3000, 3000)).toBe(true);
    expect(atMost(3001, 3000)).toBe(false);
    expect(atMost(undefined, 3000)).toBe(false);
    expect(atMost(Number.NaN, 3000)).toBe(false);
    expect(atLeast(300, 300)).toBe(true);
    expect(atLeast(299.9, 300)).toBe(false);
    expect(atLeast(Number.POSITIVE_INFINITY, 300)).toBe(false);
  });

  it('print the verdict with the embedder, the target and the number', () => {
    expect(verdict(false)).toBe('NOT MET');
    expect(
      describeCheck({ target: 'cold build ≤ 3000 ms', embedder: 'model', measured: '3412 ms', met: false }),
    ).toBe('model: cold build ≤ 3000 ms: 3412 ms — NOT MET');
  });
});
