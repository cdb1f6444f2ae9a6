import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fnv1a, hashFeatures } from './feature-hashing.ts';

const norm = (vector: number[]) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));

describe('fnv1a', () => {
  it('matches the published FNV-1a 32-bit test vectors', () => {
    expect(fnv1a('')).toBe(0x811c9dc5);
    expect(fnv1a('a')).toBe(0xe40c292c);
    expect(fnv1a('foobar')).toBe(0xbf9cf968);
  });
});

describe('hashFeatures', () => {
  const features = fc.dictionary(
    fc.string({ minLength: 1, maxLength: 12 }),
    fc.double({ min: 0.01, max: 5, noNaN: true }),
  );

  it('returns a unit vector of the asked length, the same for the same features (property)', () => {
    fc.assert(
      fc.property(features, fc.integer({ min: 16, max: 600 }), (record, dimensions) => {
        const vector = hashFeatures(new Map(Object.entries(record)), dimensions);
        expect(vector).toHaveLength(dimensions);
        expect(norm(vector)).toBeCloseTo(1, 9);
        expect(hashFeatures(new Map(Object.entries(record)), dimensions)).toEqual(vector);
      }),
    );
  });

  it('gives a text without features a fixed unit vector rather than zeros', () => {
    const empty = hashFeatures(new Map(), 64);
    expect(norm(empty)).toBeCloseTo(1, 9);
    expect(hashFeatures(new Map([['t:x', 0]]), 64)).toEqual(empty);
  });

  it('grows sublinearly with a feature weight', () => {
    const vector = hashFeatures(
      new Map([
        ['t:a', 4],
        ['t:b', 1],
      ]),
      4096,
    );
    const values = vector
      .map(Math.abs)
      .filter((value) => value > 0)
      .sort();
    expect(values).toHaveLength(2);
    // ln(1 + 4) / ln(1 + 1) ≈ 2.3, well below the raw ratio of 4.
    expect((values[1] as number) / (values[0] as number)).toBeCloseTo(Math.log(5) / Math.log(2), 6);
  });
});
