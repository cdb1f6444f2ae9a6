import { describe, expect, it } from 'vitest';
import { measureLatency } from './latency.ts';

/** A clock that advances only when the operation "takes time". */
function fakeClock() {
  let time = 0;
  return { now: () => time, advance: (milliseconds: number) => (time += milliseconds) };
}

describe('measureLatency', () => {
  it('warms up unrecorded, then records the given runs cycling through the inputs in order', async () => {
    const clock = fakeClock();
    const seen: number[] = [];
    const summary = await measureLatency(
      [1, 2, 3],
      (input) => {
        seen.push(input);
        clock.advance(input);
      },
      { warmup: 2, runs: 4, now: clock.now },
    );
    expect(seen).toEqual([1, 2, 3, 1, 2, 3]);
    expect(summary.count).toBe(4);
    expect(summary.min).toBe(1);
    expect(summary.max).toBe(3);
    expect(summary.mean).toBe((3 + 1 + 2 + 3) / 4);
  });

  it('stops recording when the budget is spent, but not before the minimum runs', async () => {
    const clock = fakeClock();
    const slow = await measureLatency([0], () => clock.advance(10), {
      warmup: 0,
      runs: 1000,
      budgetMs: 100,
      minRuns: 3,
      now: clock.now,
    });
    expect(slow.count).toBe(10);
    const verySlow = await measureLatency([0], () => clock.advance(1000), {
      warmup: 5,
      runs: 1000,
      budgetMs: 100,
      minRuns: 3,
      now: clock.now,
    });
    expect(verySlow.count).toBe(3);
  });
});
