// Collects what the calibrations need from the in-process pipeline (evidence scores, answers with the threshold off
// and on, support scores) and runs both sweeps: the abstain threshold and the support threshold.
import type { AbstentionModel } from '../answer/index.ts';
import {
  createExtractiveAnswerer,
  createSupportChecker,
  DEFAULT_SUPPORT_THRESHOLD,
  MODEL_SIMILARITY_RANGE,
  OFFLINE_SIMILARITY_RANGE,
} from '../answer/index.ts';
import type { AskRequest } from '../answer/types.ts';
import type { SearchState } from '../assistant/index.ts';
import type { RetrievalMode } from '../retrieve/types.ts';
import {
  ABSTAIN_OBJECTIVE,
  type AbstainCase,
  abstainCost,
  calibrateAbstainThreshold,
  outcomeAt,
} from './abstain-calibration.ts';
import { type Calibration, recommendThreshold, type SweepRow } from './calibration.ts';
import { answerOutcome, countOutcomes, type OutcomeCounts } from './outcome.ts';
import { citedStatementsOf, type EvalRun } from './run-eval.ts';
import {
  buildSupportPairs,
  calibrateSupportThreshold,
  SUPPORT_OBJECTIVE,
  type SupportCounts,
  supportCost,
  supportCountsAt,
} from './support-calibration.ts';

export interface AbstainCalibrationResult {
  objective: string;
  calibration: Calibration<OutcomeCounts>;
  /** recommendThreshold(): the cheapest threshold when it survives the cross-check, else the current one. */
  recommended: number;
  /** The answerer's default threshold and what it scores. */
  current: SweepRow<OutcomeCounts>;
  /** Questions whose outcome the threshold decides. */
  gated: number;
  /**
   * Questions where the sweep's outcome at the default threshold equals the evaluation run's actual outcome: a check
   * that the sweep reproduces the answerer (total is every question).
   */
  agreement: { matching: number; total: number };
}

export interface SupportCalibrationResult {
  objective: string;
  calibration: Calibration<SupportCounts>;
  recommended: number;
  current: SweepRow<SupportCounts>;
  pairs: number;
}

export interface CalibrationResult {
  abstain: AbstainCalibrationResult;
  support: SupportCalibrationResult;
  /** The answer/abstain model in use (fitted on dev by scripts/fit-abstention.ts). */
  model: Pick<AbstentionModel, 'embedder' | 'fittedOn' | 'threshold'>;
}

export interface RunCalibrationOptions {
  state: SearchState;
  /** The evaluation run of the same pipeline with the answerer's default threshold, in the same mode. */
  run: EvalRun;
  mode?: RetrievalMode;
  k?: number;
  abstainGrid?: readonly number[];
  supportGrid?: readonly number[];
}

/**
 * The threshold only enters the answerer as "abstain when no unit is named and evidence < threshold", so two
 * answers per question — threshold 0 (never abstains for weak evidence) and threshold ∞ (always does) — tell whether
 * the threshold decides it, and the outcome at any threshold follows from the evidence score without re-running.
 */
export async function collectAbstainCases(options: RunCalibrationOptions): Promise<AbstainCase[]> {
  const { state, run, mode = 'hybrid', k = 5 } = options;
  // The same answerer as the state's, with the model's threshold moved to either end.
  const answererAt = (threshold: number) =>
    createExtractiveAnswerer({
      ...state.answererOptions,
      mode,
      abstention: { ...state.abstention, threshold },
    });
  const open = answererAt(0);
  const closed = answererAt(Number.POSITIVE_INFINITY);
  const cases: AbstainCase[] = [];
  for (const record of run.records) {
    const request: AskRequest = { question: record.entry.question, k };
    if (record.entry.history) request.history = record.entry.history;
    const answered = await open.answer(request);
    const withheld = await closed.answer(request);
    const evidence = (await open.evidence(request)).probability;
    const citedIds = citedStatementsOf(answered).flatMap((statement) => statement.citations);
    cases.push({
      id: record.entry.id,
      answerable: record.entry.answerable,
      evidence,
      gated: !answered.abstained && withheld.abstained,
      outcomeWhenAnswered: answerOutcome({
        answerable: record.entry.answerable,
        abstained: answered.abstained,
        citedIds,
        gold: record.gold,
      }),
    });
  }
  return cases;
}

function rowAt<C extends Record<string, number>>(
  threshold: number,
  counts: C,
  cost: (counts: C) => number,
): SweepRow<C> {
  return { threshold, counts, cost: cost(counts) };
}

export async function runCalibration(options: RunCalibrationOptions): Promise<CalibrationResult> {
  const { state, run } = options;
  const cases = await collectAbstainCases(options);
  const actual = new Map(
    run.records.map((record) => [
      record.entry.id,
      answerOutcome({
        answerable: record.entry.answerable,
        abstained: record.answer.abstained,
        citedIds: record.citedIds,
        gold: record.gold,
      }),
    ]),
  );
  const threshold = state.abstention.threshold;
  const matching = cases.filter((item) => outcomeAt(item, threshold) === actual.get(item.id)).length;

  // The checker the LLM answerer uses: words, and meaning once a statement is prepared.
  const checker = createSupportChecker({
    analyzer: state.analyzer,
    statistics: state.statistics,
    semantic: {
      embed: state.semantic.embedQuery,
      sentences: state.semantic.sentences,
      ordinalOf: state.semantic.ordinalOf,
      range: state.embedderKind === 'offline' ? OFFLINE_SIMILARITY_RANGE : MODEL_SIMILARITY_RANGE,
    },
  });
  const retrieved = new Map(run.records.map((record) => [record.entry.id, record.retrieved]));
  const pairs = await buildSupportPairs({
    entries: run.records.map((record) => record.entry),
    defaultMeeting: run.defaultMeeting,
    unitIds: state.catalog.units.map((unit) => unit.id),
    textOf: (id) => state.catalog.get(id)?.text,
    retrievedOf: (id) => retrieved.get(id) ?? [],
    score: async (statement, id) => {
      const unit = state.catalog.get(id);
      if (unit === undefined) return 0;
      await checker.prepare(statement);
      return checker.score(statement, unit);
    },
  });

  const abstainCalibration = calibrateAbstainThreshold(cases, options.abstainGrid);
  const abstainCurrent = rowAt(
    threshold,
    countOutcomes(cases.map((item) => outcomeAt(item, threshold))),
    abstainCost,
  );
  const supportCalibration = calibrateSupportThreshold(pairs, options.supportGrid);
  const supportCurrent = rowAt(
    DEFAULT_SUPPORT_THRESHOLD,
    supportCountsAt(pairs, DEFAULT_SUPPORT_THRESHOLD),
    supportCost,
  );
  return {
    abstain: {
      objective: ABSTAIN_OBJECTIVE,
      calibration: abstainCalibration,
      recommended: recommendThreshold(abstainCalibration, abstainCurrent),
      current: abstainCurrent,
      gated: cases.filter((item) => item.gated).length,
      agreement: { matching, total: cases.length },
    },
    model: {
      embedder: state.abstention.embedder,
      fittedOn: state.abstention.fittedOn,
      threshold: state.abstention.threshold,
    },
    support: {
      objective: SUPPORT_OBJECTIVE,
      calibration: supportCalibration,
      recommended: recommendThreshold(supportCalibration, supportCurrent),
      current: supportCurrent,
      pairs: pairs.length,
    },
  };
}
