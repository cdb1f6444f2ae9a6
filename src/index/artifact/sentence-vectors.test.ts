import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BeschlussError } from '../../errors.ts';
import { decodeSentenceVectors, encodeSentenceVectors, quantize } from './sentence-vectors.ts';

function unitVector(values: number[]): number[] {
  const norm = Math.hypot(...values) || 1;
  return values.map((value) => value / norm);
}

const rows = [
  { unitOrdinal: 1, start: 10, end: 30, vector: quantize(unitVector([0.1, -0.5, 0.3, 0.2])) },
  { unitOrdinal: 0, start: 0, end: 12, vector: quantize(unitVector([1, 0, 0, 0])) },
  { unitOrdinal: 1, start: 0, end: 9, vector: quantize(unitVector([0, 0.2, 0.9, -0.1])) },
];
const expected = { dimensions: 4, unitLengths: [12, 40], file: 'sentences.i8' };

describe('sentence vectors', () => {
  it('keeps the cosine of any vector with itself above 0.99 after int8 quantisation', () => {
    fc.assert(
      fc.property(
        fc.array(fc.float({ min: -1, max: 1, noNaN: true }), { minLength: 8, maxLength: 64 }),
        (raw) => {
          fc.pre(raw.some((value) => Math.abs(value) > 1e-3));
          const vector = unitVector(raw);
          const { scale, values } = quantize(vector);
          const dot = vector.reduce(
            (sum, component, index) => sum + component * (values[index] ?? 0) * scale,
            0,
          );
          expect(dot).toBeGreaterThan(0.99);
        },
      ),
    );
  });

  it('reads back each unit’s sentences in text order with their similarities', () => {
    const store = decodeSentenceVectors(encodeSentenceVectors(rows, 4), expected);
    expect(store.size).toBe(3);
    expect(store.sentencesOf(1).map(({ start, end }) => [start, end])).toEqual([
      [0, 9],
      [10, 30],
    ]);
    expect(store.sentencesOf(2)).toEqual([]);
    const [first] = store.sentencesOf(0);
    expect(store.similarity(first?.row ?? -1, [1, 0, 0, 0])).toBeCloseTo(1, 2);
    expect(store.similarity(first?.row ?? -1, [0, 1, 0, 0])).toBeCloseTo(0, 5);
  });

  it('refuses a file that is cut, of other dimensions, or places a sentence outside its unit', () => {
    const bytes = encodeSentenceVectors(rows, 4);
    const failures = [
      () => decodeSentenceVectors(bytes.subarray(0, bytes.length - 1), expected),
      () => decodeSentenceVectors(bytes, { ...expected, dimensions: 8 }),
      () => decodeSentenceVectors(bytes, { ...expected, unitLengths: [12, 20] }),
      () => decodeSentenceVectors(bytes, { ...expected, unitLengths: [12] }),
      () => decodeSentenceVectors(new Uint8Array(32), expected),
    ];
    for (const failure of failures) {
      let caught: unknown;
      try {
        failure();
      } catch (error) {
        caught = error;
      }
      expect(BeschlussError.is(caught, 'INDEX_CORRUPT')).toBe(true);
      expect((caught as Error).message).toContain('sentences.i8');
    }
  });

  it('refuses a file of another format version with INDEX_VERSION, naming both versions', () => {
    const bytes = encodeSentenceVectors(rows, 4);
    bytes[3] = '2'.charCodeAt(0);
    expect(() => decodeSentenceVectors(bytes, expected)).toThrow(
      expect.objectContaining({
        code: 'INDEX_VERSION',
        message: expect.stringContaining('sentences.i8 have format version 2, this program reads version 1'),
      }),
    );
  });
});
