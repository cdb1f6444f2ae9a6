// Fits the answer/abstain model of the extractive answerer on the eval DEV split: each question's evidence features
// (the answerer's own `evidence`) against whether the resolutions answer it, then the threshold on the fitted
// probability by the same cost and odd/even cross-check as every calibration here. Held-out questions never enter.

import type { ExtractiveAnswerer } from '../answer/index.ts';
import {
  type AbstentionModel,
  answerProbability,
  EVIDENCE_FEATURES,
  type EvidenceFeatures,
  fitLogistic,
} from '../answer/index.ts';
import type { AskRequest } from '../answer/types.ts';
import { type AbstainCase, calibrateAbstainThreshold } from './abstain-calibration.ts';
import { answerOutcome } from './outcome.ts';
import { goldUnitIds, type QaEntry } from './qa-set.ts';

export interface EvidenceCase extends AbstainCase {
  features: EvidenceFeatures;
}

/**
 * Each question's features and what answering it amounts to, from an answerer that never abstains for weak evidence
 * (threshold 0). Questions the model does not decide (a named reference, a missing date) are kept, not gated.
 */
export async function collectEvidenceCases(options: {
  answerer: ExtractiveAnswerer;
  entries: readonly QaEntry[];
  defaultMeeting: string;
  k?: number;
}): Promise<EvidenceCase[]> {
  const { answerer, entries, defaultMeeting, k = 5 } = options;
  const cases: EvidenceCase[] = [];
  for (const entry of entries) {
    const request: AskRequest = { question: entry.question, k };
    if (entry.history) request.history = entry.history;
    const evidence = await answerer.evidence(request);
    const answer = await answerer.answer(request);
    cases.push({
      id: entry.id,
      answerable: entry.answerable,
      features: evidence.features,
      evidence: 0,
      gated: evidence.decidedBy === 'model' && !answer.abstained,
      outcomeWhenAnswered: answerOutcome({
        answerable: entry.answerable,
        abstained: answer.abstained,
        citedIds: answer.statements.flatMap((statement) =>
          statement.citations.map((citation) => `${citation.meeting}/${citation.top}/${citation.para}`),
        ),
        gold: goldUnitIds(entry, defaultMeeting),
      }),
    });
  }
  return cases;
}

/** Weights on the questions the model decides, then the cheapest threshold that survives the cross-check. */
export function fitAbstentionModel(
  cases: readonly EvidenceCase[],
  embedder: AbstentionModel['embedder'],
  fittedOn: string,
): AbstentionModel {
  const decided = cases.filter((item) => item.gated);
  const fitted = fitLogistic(
    decided.map((item) => ({ features: item.features, label: item.answerable ? 1 : 0 })),
    EVIDENCE_FEATURES,
  );
  const model: AbstentionModel = { embedder, ...fitted, threshold: 0.5, fittedOn };
  const scored = cases.map((item) => ({ ...item, evidence: answerProbability(model, item.features) }));
  // The cheapest threshold on dev (the middle of equally cheap ones); `npm run eval` shows its odd/even cross-check.
  const threshold = calibrateAbstainThreshold(scored).best.threshold;
  return { ...model, threshold };
}
