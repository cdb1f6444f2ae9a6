// Renders several runs (sets × embedders) side by side as Markdown: the headline metrics overall, and one metric per
// question type.
import type { AggregateRow, EvalReport } from './aggregate.ts';
import { formatValue, tableRow } from './markdown-table.ts';
import { headingAt, labelledMetrics, type RowMetric } from './row-metrics.ts';

/** One run as a column: which set, which embedder (a short label), and its report. */
export interface RunColumn {
  set: string;
  embedder: string;
  report: EvalReport;
}

export const columnLabel = (column: Pick<RunColumn, 'set' | 'embedder'>) =>
  `${column.set} · ${column.embedder}`;

/**
 * Short names for embedder ids: the provider ("transformers", "offline"), or the whole id where two embedders of
 * one provider run side by side.
 */
export function embedderLabels(ids: readonly string[]): Map<string, string> {
  const provider = (id: string) => id.split(':')[0] ?? id;
  const providers = ids.map(provider);
  return new Map(
    ids.map((id) => [
      id,
      providers.filter((candidate) => candidate === provider(id)).length > 1 ? id : provider(id),
    ]),
  );
}

/** The metrics the headline compares; the targets are stated in these. */
export const HEADLINE_METRICS: readonly RowMetric[] = labelledMetrics(
  'answered',
  'correctAbstain',
  'goldCited',
  'goldCitationPrecision',
  'mustMentionCoverage',
  'statementCoverage',
  'citationValidity',
  'hitAt1',
  'hitAtK',
  'recallAtK',
  'mrr',
  'p50',
  'p95',
);

/** A table with one row per metric and one column per run; the first row counts the questions. */
export function renderOverallSideBySide(
  columns: readonly RunColumn[],
  metrics: readonly RowMetric[] = HEADLINE_METRICS,
): string {
  const k = columns[0]?.report.k ?? 5;
  return `${[
    tableRow(['overall', ...columns.map(columnLabel)]),
    tableRow(['---', ...columns.map(() => '---:')]),
    tableRow(['questions', ...columns.map((column) => String(column.report.overall.questions))]),
    ...metrics.map((metric) =>
      tableRow([
        headingAt(metric.heading, k),
        ...columns.map((column) => formatValue(metric.value(column.report.overall), metric.kind)),
      ]),
    ),
  ].join('\n')}\n`;
}

/** Every row label of the columns' reports: the types in order of appearance, then the slices, then overall. */
function rowsOf(
  columns: readonly RunColumn[],
): Array<{ label: string; rowOf: (report: EvalReport) => AggregateRow | undefined }> {
  const types: string[] = [];
  const slices: string[] = [];
  for (const { report } of columns) {
    for (const { type } of report.byType) if (!types.includes(type)) types.push(type);
    for (const { name } of report.slices) if (!slices.includes(name)) slices.push(name);
  }
  return [
    ...types.map((type) => ({
      label: type,
      rowOf: (report: EvalReport) => report.byType.find((entry) => entry.type === type)?.row,
    })),
    ...slices.map((name) => ({
      label: name,
      rowOf: (report: EvalReport) => report.slices.find((entry) => entry.name === name)?.row,
    })),
    { label: '**overall**', rowOf: (report: EvalReport) => report.overall },
  ];
}

/**
 * One metric per question type, one column per run, with the number of questions of each set. Rows where the
 * metric is undefined in every run (e.g. "answered" for unanswerable questions) are left out.
 */
export function renderTypeSideBySide(columns: readonly RunColumn[], metric: RowMetric): string {
  const sets = [...new Set(columns.map((column) => column.set))];
  const firstOf = (set: string) => columns.find((column) => column.set === set)?.report;
  const count = (report: EvalReport | undefined, rowOf: (report: EvalReport) => AggregateRow | undefined) => {
    const row = report === undefined ? undefined : rowOf(report);
    return row === undefined ? '–' : String(row.questions);
  };
  const lines = [
    tableRow(['type', ...sets.map((set) => `n ${set}`), ...columns.map(columnLabel)]),
    tableRow(['---', ...sets.map(() => '---:'), ...columns.map(() => '---:')]),
  ];
  for (const { label, rowOf } of rowsOf(columns)) {
    const values = columns.map((column) => {
      const row = rowOf(column.report);
      return row === undefined ? null : metric.value(row);
    });
    if (values.every((value) => value === null)) continue;
    lines.push(
      tableRow([
        label,
        ...sets.map((set) => count(firstOf(set), rowOf)),
        ...values.map((value) => formatValue(value, metric.kind)),
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}
