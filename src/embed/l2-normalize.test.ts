import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { l2Normalize } from './l2-normalize.ts';

const norm = (vector: number[]) => Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0));
const finiteVector = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), {
  minLength: 1,
  maxLength: 64,
});

describe('l2Normalize', () => {
  it('gives unit length to every vector that is not all zeros', () => {
    fc.assert(
      fc.property(
        finiteVector.filter((vector) => vector.some((value) => Math.abs(value) > 1e-300)),
        (vector) => {
          const normalized = l2Normalize(vector);
          expect(normalized).toHaveLength(vector.length);
          expect(norm(normalized as number[])).toBeCloseTo(1, 9);
        },
      ),
    );
  });

  it('keeps the direction: a positively scaled vector normalises to the same result', () => {
    fc.assert(
      fc.property(
        finiteVector.filter((vector) => norm(vector) > 1e-3),
        fc.double({ min: 1e-3, max: 1e3, noNaN: true }),
        (vector, scale) => {
          const direct = l2Normalize(vector) as number[];
          const scaled = l2Normalize(vector.map((value) => value * scale)) as number[];
          scaled.forEach((value, index) => {
            expect(value).toBeCloseTo(direct[index] as number, 9);
          });
        },
      ),
    );
  });

  it('handles entries so large that their squares overflow', () => {
    expect(l2Normalize([3e300, 4e300])).toEqual([0.6, 0.8]);
  });

  it('returns undefined for a zero vector or a non-finite entry', () => {
    expect(l2Normalize([0, 0, 0])).toBeUndefined();
    expect(l2Normalize([])).toBeUndefined();
    expect(l2Normalize([1, Number.NaN])).toBeUndefined();
    expect(l2Normalize([1, Number.POSITIVE_INFINITY])).toBeUndefined();
  });
});
