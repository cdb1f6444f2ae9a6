import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  calibrate,
  foldOf,
  pickThreshold,
  recommendThreshold,
  type SweepRow,
  thresholdGrid,
} from './calibration.ts';

const row = (threshold: number, cost: number): SweepRow<{ n: number }> => ({
  threshold,
  counts: { n: 0 },
  cost,
});

describe('thresholdGrid', () => {
  it('steps from the first to the last value inclusive, rounded to clean decimals', () => {
    expect(thresholdGrid(0, 1, 0.05)).toHaveLength(21);
    expect(thresholdGrid(0, 0.3, 0.1)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it('rejects a step that is not positive and a range that runs backwards', () => {
    expect(() => thresholdGrid(0, 1, 0)).toThrow(/step > 0; received from 0, to 1, step 0/);
    expect(() => thresholdGrid(1, 0, 0.1)).toThrow(/from <= to/);
  });
});

describe('pickThreshold', () => {
  it('takes the cheapest threshold', () => {
    expect(pickThreshold([row(0, 5), row(0.5, 2), row(1, 3)]).threshold).toBe(0.5);
  });

  it('takes the middle of equally cheap thresholds (the lower middle for an even count)', () => {
    expect(pickThreshold([row(0, 1), row(0.1, 1), row(0.2, 1), row(0.3, 4)]).threshold).toBe(0.1);
    expect(pickThreshold([row(0, 9), row(0.1, 1), row(0.2, 1), row(0.3, 1)]).threshold).toBe(0.2);
  });

  it('refuses an empty sweep', () => {
    expect(() => pickThreshold([])).toThrow(/empty sweep/);
  });
});

describe('foldOf', () => {
  it('splits by the parity of the trailing number, falling back to the position', () => {
    expect(foldOf('q001', 0)).toBe('odd');
    expect(foldOf('q148', 0)).toBe('even');
    expect(foldOf('extra', 3)).toBe('odd');
  });
});

interface Scored {
  id: string;
  score: number;
  positive: boolean;
}

describe('calibrate', () => {
  // Cases with a score; at threshold t a case is "caught" when score >= t, which is right for positives only.
  const cost = (counts: { misses: number; falseCatches: number }) => counts.misses + counts.falseCatches;
  const countAt = (cases: readonly Scored[], t: number) => ({
    misses: cases.filter((item) => item.positive && item.score < t).length,
    falseCatches: cases.filter((item) => !item.positive && item.score >= t).length,
  });

  it('finds the threshold that separates cleanly separable cases, in sample and held out', () => {
    const cases = [
      { id: 'q001', score: 0.9, positive: true },
      { id: 'q002', score: 0.8, positive: true },
      { id: 'q003', score: 0.2, positive: false },
      { id: 'q004', score: 0.1, positive: false },
    ];
    const result = calibrate({ cases, thresholds: [0, 0.5, 1], countAt, cost });
    expect(result.best.threshold).toBe(0.5);
    expect(result.best.cost).toBe(0);
    expect(result.rows.map((entry) => entry.cost)).toEqual([2, 0, 2]);
    expect(result.crossValidation.cost).toBe(0);
  });

  it('scores every case exactly once across the held-out halves, each with the other half’s threshold', () => {
    const item = fc.record({ score: fc.double({ min: 0, max: 1, noNaN: true }), positive: fc.boolean() });
    fc.assert(
      fc.property(fc.array(item, { maxLength: 30 }), (drawn) => {
        const cases = drawn.map((entry, index) => ({
          ...entry,
          id: `q${String(index + 1).padStart(3, '0')}`,
        }));
        const { crossValidation } = calibrate({
          cases,
          thresholds: thresholdGrid(0, 1, 0.25),
          countAt: (subset, t) => ({ ...countAt(subset, t), scored: subset.length }),
          cost,
        });
        const [odd, even] = crossValidation.folds;
        return (
          crossValidation.total.scored === cases.length &&
          odd?.calibratedOn === 'odd' &&
          even?.calibratedOn === 'even' &&
          crossValidation.cost === (odd?.cost ?? 0) + (even?.cost ?? 0)
        );
      }),
    );
  });
});

describe('recommendThreshold', () => {
  const calibration = (crossValidatedCost: number) => ({
    rows: [row(0.4, 3), row(0.6, 2)],
    best: row(0.6, 2),
    crossValidation: { folds: [], total: { n: 0 }, cost: crossValidatedCost },
  });

  it('moves to the cheapest threshold only when its cross-validated cost beats the current threshold', () => {
    expect(recommendThreshold(calibration(2.5), row(0.4, 3))).toBe(0.6);
    expect(recommendThreshold(calibration(3), row(0.4, 3))).toBe(0.4);
    expect(recommendThreshold(calibration(4), row(0.4, 3))).toBe(0.4);
  });
});
