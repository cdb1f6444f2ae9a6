import { describe, expect, it } from 'vitest';
import { createBuildTimer, passagesPerSecond, stageMilliseconds } from './build-timer.ts';

describe('createBuildTimer', () => {
  it('groups the file writes into one write stage and takes the embed total as the texts embedded', () => {
    let time = 0;
    const timer = createBuildTimer(() => time);
    const at = (
      when: number,
      stage: Parameters<typeof timer.onProgress>[0]['stage'],
      done = 0,
      total = 1,
    ) => {
      time = when;
      timer.onProgress({ stage, done, total });
    };
    at(0, 'analyse');
    at(10, 'chunk');
    at(12, 'embed', 0, 500);
    at(100, 'embed', 250, 500);
    at(1012, 'embed', 500, 500);
    at(1012, 'embeddings');
    at(1015, 'vectors');
    at(1045, 'sentences');
    at(1050, 'switch');
    time = 1060;
    const timed = timer.finish();
    expect(timed.textsEmbedded).toBe(500);
    expect(timed.stages.map((entry) => entry.stage)).toEqual([
      'analyse',
      'chunk',
      'embed',
      'write',
      'hnsw',
      'write',
    ]);
    expect(stageMilliseconds(timed.stages, 'write')).toBe(18);
    expect(stageMilliseconds(timed.stages, 'embed')).toBe(1000);
    expect(stageMilliseconds(timed.stages, 'read')).toBe(0);
    expect(passagesPerSecond(timed)).toBe(500);
  });

  it('has no passages per second when nothing was embedded', () => {
    expect(
      passagesPerSecond({ stages: [{ stage: 'embed', milliseconds: 3 }], textsEmbedded: 0 }),
    ).toBeUndefined();
  });
});
