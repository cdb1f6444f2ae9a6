import { describe, expect, it } from 'vitest';
import { hashSeed, seededRandom } from './seeded-random.ts';

describe('seededRandom and hashSeed', () => {
  it('give the same sequence for the same seed and another for another seed', () => {
    const first = seededRandom(hashSeed('a'));
    const again = seededRandom(hashSeed('a'));
    const other = seededRandom(hashSeed('b'));
    const draw = (random: () => number) => Array.from({ length: 5 }, random);
    const sequence = draw(first);
    expect(draw(again)).toEqual(sequence);
    expect(draw(other)).not.toEqual(sequence);
    expect(sequence.every((value) => value >= 0 && value < 1)).toBe(true);
  });
});
