import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type AbstainCase,
  abstainCost,
  calibrateAbstainThreshold,
  outcomeAt,
} from './abstain-calibration.ts';
import { DEFAULT_THRESHOLD_GRID } from './calibration.ts';
import type { AnswerOutcome } from './outcome.ts';

const gatedCase = (
  id: string,
  evidence: number,
  answerable: boolean,
  outcome: AnswerOutcome,
): AbstainCase => ({
  id,
  answerable,
  evidence,
  gated: true,
  outcomeWhenAnswered: outcome,
});

describe('outcomeAt', () => {
  it('abstains on a gated question whose evidence is below the threshold', () => {
    expect(outcomeAt(gatedCase('q001', 0.4, true, 'correct'), 0.5)).toBe('false-abstain');
    expect(outcomeAt(gatedCase('q002', 0.4, false, 'missed-abstain'), 0.5)).toBe('correct');
  });

  it('keeps the answer when the evidence reaches the threshold (the answerer abstains only below it)', () => {
    expect(outcomeAt(gatedCase('q001', 0.5, true, 'wrong-answer'), 0.5)).toBe('wrong-answer');
  });

  it('never changes a question the threshold does not decide', () => {
    const named: AbstainCase = { ...gatedCase('q003', 0, true, 'correct'), gated: false };
    expect(DEFAULT_THRESHOLD_GRID.map((threshold) => outcomeAt(named, threshold))).toEqual(
      DEFAULT_THRESHOLD_GRID.map(() => 'correct'),
    );
  });
});

describe('abstainCost', () => {
  it('weighs a false abstention half as much as a wrong or missed answer', () => {
    expect(abstainCost({ correct: 9, wrongAnswers: 1, falseAbstains: 2, missedAbstains: 3 })).toBe(5);
  });
});

describe('calibrateAbstainThreshold', () => {
  it('recommends the threshold between the evidence of right answers and of answers to unanswerable questions', () => {
    const cases = [
      gatedCase('q001', 0.9, true, 'correct'),
      gatedCase('q002', 0.7, true, 'correct'),
      gatedCase('q003', 0.3, false, 'missed-abstain'),
      gatedCase('q004', 0.2, false, 'missed-abstain'),
    ];
    const { best, rows } = calibrateAbstainThreshold(cases, [0, 0.5, 1]);
    expect(best.threshold).toBe(0.5);
    expect(best.counts).toEqual({ correct: 4, wrongAnswers: 0, falseAbstains: 0, missedAbstains: 0 });
    expect(rows[0]?.counts.missedAbstains).toBe(2);
    expect(rows[2]?.counts.falseAbstains).toBe(2);
  });

  it('abstains more, and never less, as the threshold rises, and every row counts every question', () => {
    // An answerable question's outcome when answered is correct, wrong or (abstained anyway) a false abstain; an
    // unanswerable one's is a missed abstain or (abstained anyway) correct.
    const drawn = fc.boolean().chain((answerable) =>
      fc.record({
        evidence: fc.double({ min: 0, max: 1.3, noNaN: true }),
        answerable: fc.constant(answerable),
        gated: fc.boolean(),
        outcome: answerable
          ? fc.constantFrom<AnswerOutcome>('correct', 'wrong-answer', 'false-abstain')
          : fc.constantFrom<AnswerOutcome>('correct', 'missed-abstain'),
      }),
    );
    fc.assert(
      fc.property(fc.array(drawn, { maxLength: 40 }), (entries) => {
        const cases = entries.map((entry, index) => ({
          id: `q${index + 1}`,
          answerable: entry.answerable,
          evidence: entry.evidence,
          gated: entry.gated,
          outcomeWhenAnswered: entry.outcome,
        }));
        const { rows } = calibrateAbstainThreshold(cases);
        const abstentions = rows.map((row) => {
          const { correct, wrongAnswers, falseAbstains, missedAbstains } = row.counts;
          expect(correct + wrongAnswers + falseAbstains + missedAbstains).toBe(cases.length);
          return falseAbstains + cases.filter((item) => !item.answerable).length - missedAbstains;
        });
        return abstentions.every((count, index) => index === 0 || count >= (abstentions[index - 1] ?? 0));
      }),
    );
  });
});
