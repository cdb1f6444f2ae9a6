// Aggregates per-question scores into report rows per question type and overall: means, abstention rates, latency.
import { BeschlussError } from '../errors.ts';
import type { AbstentionOutcome, QuestionScores } from './metrics.ts';

/** The mean-aggregated metrics, in report column order. */
export const METRIC_NAMES = [
  'hitAt1',
  'hitAtK',
  'recallAtK',
  'mrr',
  'contextPrecisionAtK',
  'contextRecallAtK',
  'citationPrecision',
  'citationValidity',
  'goldCitationPrecision',
  'goldCited',
  'statementCoverage',
  'mustMentionCoverage',
] as const;

export type MetricName = (typeof METRIC_NAMES)[number];

/** One scored question as the runner records it. */
export interface QuestionResult {
  id: string;
  type: string;
  scores: QuestionScores;
  /** Wall-clock time of the answer in milliseconds, when measured. */
  latencyMs?: number;
  /** An unanswerable question that asks for a detail a present item does not give (near_miss in the set). */
  nearMiss?: boolean;
}

/** A named group of questions across types that gets a row of its own (e.g. the near-miss unanswerables). */
export interface ReportSlice {
  name: string;
  includes: (result: QuestionResult) => boolean;
}

/** The unanswerable questions marked near_miss: whether the answerer abstains where a present item tempts it. */
export const NEAR_MISS_SLICE: ReportSlice = {
  name: 'unanswerable/near-miss',
  includes: (result) => result.nearMiss === true,
};

export interface AggregateRow {
  questions: number;
  /** Mean over the questions where the metric is defined; null when it is defined for none. */
  metrics: Record<MetricName, number | null>;
  /** How many questions each mean rests on. */
  defined: Record<MetricName, number>;
  abstention: {
    /** Answered (not abstained on) / answerable questions: 1 − falseAbstain. */
    answered: number | null;
    /** Abstained / unanswerable questions. */
    correctAbstain: number | null;
    /** Abstained / answerable questions. */
    falseAbstain: number | null;
    /** Answered / unanswerable questions. */
    missedAbstain: number | null;
  };
  latencyMs: { p50: number | null; p95: number | null };
}

export interface EvalReport {
  /** Cut-off of the @k metrics. */
  k: number;
  overall: AggregateRow;
  byType: Array<{ type: string; row: AggregateRow }>;
  /** Rows of the slices asked for that hold at least one question. */
  slices: Array<{ name: string; row: AggregateRow }>;
  questions: QuestionResult[];
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  let sum = 0;
  for (const value of values) sum += value;
  return sum / values.length;
}

/**
 * Nearest-rank percentile (p in (0, 100]): the smallest recorded value with at least p % of values at or below it,
 * so it is always a value that was measured. Null for no values.
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p > 0 && p <= 100)) {
    throw new BeschlussError('INVALID_REQUEST', `percentile must be in (0, 100]; received ${p}`, {
      details: { p },
    });
  }
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] ?? null;
}

function ratio(part: number, whole: number): number | null {
  return whole === 0 ? null : part / whole;
}

/** Aggregates any set of question results into one row. */
export function aggregateRow(results: readonly QuestionResult[]): AggregateRow {
  const metrics = {} as Record<MetricName, number | null>;
  const defined = {} as Record<MetricName, number>;
  for (const name of METRIC_NAMES) {
    const values = results
      .map((result) => result.scores[name])
      .filter((value): value is number => value !== null);
    metrics[name] = mean(values);
    defined[name] = values.length;
  }
  const outcomes = new Map<AbstentionOutcome, number>();
  for (const result of results)
    outcomes.set(result.scores.abstention, (outcomes.get(result.scores.abstention) ?? 0) + 1);
  const count = (outcome: AbstentionOutcome) => outcomes.get(outcome) ?? 0;
  const unanswerable = count('correct-abstain') + count('missed-abstain');
  const answerable = count('answered') + count('false-abstain');
  const latencies = results
    .map((result) => result.latencyMs)
    .filter((value): value is number => value !== undefined);
  return {
    questions: results.length,
    metrics,
    defined,
    abstention: {
      answered: ratio(count('answered'), answerable),
      correctAbstain: ratio(count('correct-abstain'), unanswerable),
      falseAbstain: ratio(count('false-abstain'), answerable),
      missedAbstain: ratio(count('missed-abstain'), unanswerable),
    },
    latencyMs: { p50: percentile(latencies, 50), p95: percentile(latencies, 95) },
  };
}

/**
 * Builds the report: one row per question type (types in `typeOrder` first, in that order, then any others
 * alphabetically; types without questions are left out), one row per slice that holds questions, and one row over
 * all questions.
 */
export function buildReport(
  results: readonly QuestionResult[],
  options: { k?: number; typeOrder?: readonly string[]; slices?: readonly ReportSlice[] } = {},
): EvalReport {
  const { k = 5, typeOrder = [], slices = [] } = options;
  const groups = new Map<string, QuestionResult[]>();
  for (const result of results) {
    const group = groups.get(result.type);
    if (group) group.push(result);
    else groups.set(result.type, [result]);
  }
  const position = (type: string) => {
    const index = typeOrder.indexOf(type);
    return index === -1 ? typeOrder.length : index;
  };
  const types = [...groups.keys()].sort((a, b) => position(a) - position(b) || a.localeCompare(b));
  return {
    k,
    overall: aggregateRow(results),
    byType: types.map((type) => ({ type, row: aggregateRow(groups.get(type) ?? []) })),
    slices: slices.flatMap((slice) => {
      const members = results.filter(slice.includes);
      return members.length === 0 ? [] : [{ name: slice.name, row: aggregateRow(members) }];
    }),
    questions: [...results],
  };
}
