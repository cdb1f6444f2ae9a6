import { describe, expect, it } from 'vitest';
import { createRunBatcher } from './run-batcher.ts';

function recording(delayMs = 5) {
  const runs: string[][] = [];
  const run = async (items: string[]) => {
    runs.push(items);
    await new Promise((resolve) => setTimeout(resolve, delayMs));
    if (items.includes('broken')) throw new Error('model failed');
    return items.map((item) => item.toUpperCase());
  };
  return { runs, run };
}

describe('createRunBatcher', () => {
  it('runs a lone request at once, alone', async () => {
    const { runs, run } = recording();
    const batcher = createRunBatcher(run, { maxBatch: 16 });
    expect(await batcher.submit('a')).toBe('A');
    expect(runs).toEqual([['a']]);
  });

  it('joins the requests that arrive while a run is busy into the next run, up to the batch size', async () => {
    const { runs, run } = recording();
    const batcher = createRunBatcher(run, { maxBatch: 2 });
    const results = await Promise.all(['a', 'b', 'c', 'd', 'e'].map((item) => batcher.submit(item)));
    expect(results).toEqual(['A', 'B', 'C', 'D', 'E']);
    // The first runs at once; the others waited for it and share the next runs.
    expect(runs).toEqual([['a'], ['b', 'c'], ['d', 'e']]);
  });

  it('fails every request of a failed run, and runs the next ones', async () => {
    const { run } = recording();
    const batcher = createRunBatcher(run, { maxBatch: 2 });
    const outcomes = await Promise.allSettled(['a', 'broken', 'x', 'y'].map((item) => batcher.submit(item)));
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'rejected',
      'rejected',
      'fulfilled',
    ]);
  });
});
