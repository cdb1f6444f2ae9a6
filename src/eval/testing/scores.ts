// Test fixtures: the scores of an unanswerable question abstained on (every metric undefined), and of an answered
// question whose retrieval and gold metrics are all `hit`.
import type { QuestionScores } from '../metrics.ts';

export const ABSTAINED_SCORES: Readonly<QuestionScores> = {
  hitAt1: null,
  hitAtK: null,
  recallAtK: null,
  mrr: null,
  contextPrecisionAtK: null,
  contextRecallAtK: null,
  citationPrecision: null,
  goldCitationPrecision: null,
  statementCoverage: null,
  citationValidity: null,
  goldCited: null,
  mustMentionCoverage: null,
  abstention: 'correct-abstain',
};

/** Retrieval and gold metrics `hit`, the others fixed; abstention as given (answered by default). */
export function scoresWithHit(
  hit: number,
  abstention: QuestionScores['abstention'] = 'answered',
): QuestionScores {
  return {
    hitAt1: hit,
    hitAtK: hit,
    recallAtK: hit,
    mrr: hit,
    contextPrecisionAtK: 0.2,
    contextRecallAtK: hit,
    citationPrecision: 1,
    citationValidity: 1,
    goldCitationPrecision: hit,
    goldCited: hit,
    statementCoverage: 1,
    mustMentionCoverage: 0.5,
    abstention,
  };
}
