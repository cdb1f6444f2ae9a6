// Test fixture: the scores of an unanswerable question abstained on — every metric undefined.
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
