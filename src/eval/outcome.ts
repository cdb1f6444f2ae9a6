// What one answer amounted to for calibration: a correct answer or abstention, a wrong answer, or a wrong abstention.

/**
 * - "correct": an answerable question answered with at least one gold citation, or an unanswerable one abstained on;
 * - "wrong-answer": an answerable question answered without any gold citation;
 * - "false-abstain": an answerable question abstained on;
 * - "missed-abstain": an unanswerable question answered.
 */
export type AnswerOutcome = 'correct' | 'wrong-answer' | 'false-abstain' | 'missed-abstain';

export interface OutcomeInput {
  answerable: boolean;
  abstained: boolean;
  /** Unit ids the answer's statements cite. */
  citedIds: readonly string[];
  /** Unit ids that answer the question. */
  gold: readonly string[];
}

export function answerOutcome(input: OutcomeInput): AnswerOutcome {
  if (!input.answerable) return input.abstained ? 'correct' : 'missed-abstain';
  if (input.abstained) return 'false-abstain';
  const gold = new Set(input.gold);
  return input.citedIds.some((id) => gold.has(id)) ? 'correct' : 'wrong-answer';
}

// A type alias rather than an interface so it counts as a Record<string, number> for the generic calibration.
export type OutcomeCounts = {
  correct: number;
  wrongAnswers: number;
  falseAbstains: number;
  missedAbstains: number;
};

export function countOutcomes(outcomes: Iterable<AnswerOutcome>): OutcomeCounts {
  const counts: OutcomeCounts = { correct: 0, wrongAnswers: 0, falseAbstains: 0, missedAbstains: 0 };
  for (const outcome of outcomes) {
    if (outcome === 'correct') counts.correct += 1;
    else if (outcome === 'wrong-answer') counts.wrongAnswers += 1;
    else if (outcome === 'false-abstain') counts.falseAbstains += 1;
    else counts.missedAbstains += 1;
  }
  return counts;
}
