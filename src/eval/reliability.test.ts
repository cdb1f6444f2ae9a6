import { describe, expect, it } from 'vitest';
import { reliabilityOf, renderReliability } from './reliability.ts';

describe('reliabilityOf', () => {
  it('bins questions by predicted probability and compares with the share that is answerable', () => {
    const reliability = reliabilityOf(
      [
        { probability: 0.1, answerable: false },
        { probability: 0.15, answerable: false },
        { probability: 0.9, answerable: true },
        { probability: 1, answerable: false },
      ],
      5,
    );
    expect(reliability.bins).toEqual([
      { from: 0, to: 0.2, questions: 2, predicted: 0.125, observed: 0 },
      { from: 0.8, to: 1, questions: 2, predicted: 0.95, observed: 0.5 },
    ]);
    expect(reliability.expectedCalibrationError).toBeCloseTo(0.5 * 0.125 + 0.5 * 0.45, 10);
    expect(renderReliability(reliability)).toContain('| 0.8–1.0 | 2 | 0.950 | 0.500 |');
  });

  it('is empty and has no error without questions', () => {
    expect(reliabilityOf([])).toEqual({ bins: [], questions: 0, expectedCalibrationError: 0 });
  });
});
