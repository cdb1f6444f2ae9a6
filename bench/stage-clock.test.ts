import { describe, expect, it } from 'vitest';
import { createStageClock } from './stage-clock.ts';

describe('createStageClock', () => {
  it('times each stage from its begin to the next begin, ignoring repeated begins of the running stage', () => {
    let time = 0;
    const clock = createStageClock(() => time);
    clock.begin('read');
    time = 5;
    clock.begin('embed');
    time = 7;
    clock.begin('embed');
    time = 20;
    clock.begin('hnsw');
    time = 50;
    expect(clock.end()).toEqual([
      { stage: 'read', milliseconds: 5 },
      { stage: 'embed', milliseconds: 15 },
      { stage: 'hnsw', milliseconds: 30 },
    ]);
    expect(clock.end()).toHaveLength(3);
  });
});
