// The metrics an evaluation table can show for an aggregated row, each defined once: its column heading, the longer
// label of the side-by-side tables, how its value is read and how it prints.
import type { AggregateRow, MetricName } from './aggregate.ts';

export interface RowMetric {
  /** "@k" stands for the report's k. */
  heading: string;
  value: (row: AggregateRow) => number | null;
  /** Ratios print with three decimals, milliseconds as whole numbers. */
  kind: 'ratio' | 'ms';
}

const mean = (heading: string, name: MetricName): RowMetric => ({
  heading,
  value: (row) => row.metrics[name],
  kind: 'ratio',
});
const rate = (heading: string, name: keyof AggregateRow['abstention']): RowMetric => ({
  heading,
  value: (row) => row.abstention[name],
  kind: 'ratio',
});
const latency = (heading: string, name: keyof AggregateRow['latencyMs']): RowMetric => ({
  heading,
  value: (row) => row.latencyMs[name],
  kind: 'ms',
});

/** Every metric, in the column order of the per-type table. */
export const ROW_METRICS = {
  hitAt1: mean('hit@1', 'hitAt1'),
  hitAtK: mean('hit@k', 'hitAtK'),
  recallAtK: mean('recall@k', 'recallAtK'),
  mrr: mean('MRR', 'mrr'),
  contextPrecisionAtK: mean('ctx precision@k', 'contextPrecisionAtK'),
  contextRecallAtK: mean('ctx recall@k', 'contextRecallAtK'),
  citationPrecision: mean('citation precision', 'citationPrecision'),
  citationValidity: mean('citation validity', 'citationValidity'),
  goldCitationPrecision: mean('gold citations', 'goldCitationPrecision'),
  goldCited: mean('gold cited', 'goldCited'),
  statementCoverage: mean('statement coverage', 'statementCoverage'),
  mustMentionCoverage: mean('must-mention', 'mustMentionCoverage'),
  answered: rate('answered', 'answered'),
  correctAbstain: rate('correct abstain', 'correctAbstain'),
  falseAbstain: rate('false abstain', 'falseAbstain'),
  missedAbstain: rate('missed abstain', 'missedAbstain'),
  p50: latency('p50 ms', 'p50'),
  p95: latency('p95 ms', 'p95'),
} satisfies Record<string, RowMetric>;

export type RowMetricId = keyof typeof ROW_METRICS;

/** Where a table lists a few metrics as rows or sections, these say what the share is of. */
const LABELS: Partial<Record<RowMetricId, string>> = {
  goldCitationPrecision: 'gold citations (precision)',
  goldCited: 'gold cited (of answerable)',
  answered: 'answered (of answerable)',
  correctAbstain: 'correct abstain (of unanswerable)',
};

/** The metrics named, each under its longer label where it has one. */
export function labelledMetrics(...ids: RowMetricId[]): RowMetric[] {
  return ids.map((id) => ({ ...ROW_METRICS[id], heading: LABELS[id] ?? ROW_METRICS[id].heading }));
}

/** A heading with the report's k in place of "@k". */
export const headingAt = (heading: string, k: number) => heading.replace('@k', `@${k}`);
