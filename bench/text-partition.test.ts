import { describe, expect, it } from 'vitest';
import { cycleHitsCache, partitionTexts } from './text-partition.ts';

const texts = (count: number) => Array.from({ length: count }, (_, index) => `q${index}`);

describe('partitionTexts', () => {
  it('cuts consecutive disjoint parts of the wanted sizes', () => {
    const parts = partitionTexts(texts(10), [5, 3, 1]);
    expect(parts).toEqual([['q0', 'q1', 'q2', 'q3', 'q4'], ['q5', 'q6', 'q7'], ['q8']]);
  });

  it('shrinks every part in proportion when there are too few texts, keeping them disjoint', () => {
    const parts = partitionTexts(texts(50), [2000, 400, 400, 50]);
    expect(parts.map((part) => part.length)).toEqual([35, 7, 7, 1]);
    expect(new Set(parts.flat()).size).toBe(50);
  });

  it('gives empty parts once the texts run out', () => {
    expect(partitionTexts(texts(1), [1, 1])).toEqual([['q0'], []]);
  });
});

describe('cycleHitsCache', () => {
  it('is true only when the cycle fits into the LRU', () => {
    expect(cycleHitsCache(2000, 1000)).toBe(false);
    expect(cycleHitsCache(50, 1000)).toBe(true);
  });
});
