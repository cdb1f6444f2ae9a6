// Calibration of the extractive answerer's abstain threshold from each question's evidence score and outcome.
import { type Calibration, calibrate } from './calibration.ts';
import { type AnswerOutcome, answerOutcome, countOutcomes, type OutcomeCounts } from './outcome.ts';

/** One question as the sweep sees it. */
export interface AbstainCase {
  id: string;
  answerable: boolean;
  /** Evidence score of the question's best sentence (the answerer's `evidenceScore`). */
  evidence: number;
  /**
   * Whether the threshold decides the question: the answerer answers it at threshold 0 and abstains at an infinite
   * one. Questions naming an existing unit, or abstained on for another reason, do not depend on it.
   */
  gated: boolean;
  /** The outcome when the threshold lets the question through (the answer at threshold 0). */
  outcomeWhenAnswered: AnswerOutcome;
}

/**
 * What each error costs. A wrong answer or an answered unanswerable question misleads (it states something the
 * resolutions do not say, or cites the wrong unit); a false abstention only withholds an answer and still lists the
 * closest items, so the user can read on. Hence a false abstention costs half a wrong answer.
 */
export const ABSTAIN_COSTS = { wrongAnswer: 1, missedAbstain: 1, falseAbstain: 0.5 } as const;

export const ABSTAIN_OBJECTIVE =
  'minimise wrong answers + missed abstentions + 0.5 × false abstentions (an answer that misleads costs twice an abstention that still lists the closest items)';

export function abstainCost(counts: OutcomeCounts): number {
  return (
    ABSTAIN_COSTS.wrongAnswer * counts.wrongAnswers +
    ABSTAIN_COSTS.missedAbstain * counts.missedAbstains +
    ABSTAIN_COSTS.falseAbstain * counts.falseAbstains
  );
}

/** The outcome of a case at a threshold: the answerer abstains where the threshold decides and evidence < threshold. */
export function outcomeAt(item: AbstainCase, threshold: number): AnswerOutcome {
  if (item.gated && item.evidence < threshold) {
    return answerOutcome({ answerable: item.answerable, abstained: true, citedIds: [], gold: [] });
  }
  return item.outcomeWhenAnswered;
}

/** The abstain-threshold sweep over `thresholds` (default DEFAULT_THRESHOLD_GRID). */
export function calibrateAbstainThreshold(
  cases: readonly AbstainCase[],
  thresholds?: readonly number[],
): Calibration<OutcomeCounts> {
  const countAt = (subset: readonly AbstainCase[], threshold: number) =>
    countOutcomes(subset.map((item) => outcomeAt(item, threshold)));
  return calibrate({ cases, countAt, cost: abstainCost, ...(thresholds ? { thresholds } : {}) });
}
