// Renders several runs (sets × embedders) side by side as Markdown: the headline metrics overall, and one metric per
// question type.
import type { AggregateRow, EvalReport } from './aggregate.ts';

/** One run as a column: which set, which embedder (a short label), and its report. */
export interface RunColumn {
  set: string;
  embedder: string;
  report: EvalReport;
}

export interface RowMetric {
  heading: string;
  value: (row: AggregateRow) => number | null;
  /** Ratios print with three decimals, milliseconds as whole numbers. */
  kind: 'ratio' | 'ms';
}

const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

function cell(value: number | null, kind: RowMetric['kind']): string {
  if (value === null) return '–';
  return kind === 'ms' ? String(Math.round(value)) : value.toFixed(3);
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
export const HEADLINE_METRICS: readonly RowMetric[] = [
  { heading: 'answered (of answerable)', value: (row) => row.abstention.answered, kind: 'ratio' },
  {
    heading: 'correct abstain (of unanswerable)',
    value: (row) => row.abstention.correctAbstain,
    kind: 'ratio',
  },
  { heading: 'gold cited (of answerable)', value: (row) => row.metrics.goldCited, kind: 'ratio' },
  { heading: 'gold citations (precision)', value: (row) => row.metrics.goldCitationPrecision, kind: 'ratio' },
  { heading: 'must-mention', value: (row) => row.metrics.mustMentionCoverage, kind: 'ratio' },
  { heading: 'statement coverage', value: (row) => row.metrics.statementCoverage, kind: 'ratio' },
  { heading: 'citation validity', value: (row) => row.metrics.citationValidity, kind: 'ratio' },
  { heading: 'hit@1', value: (row) => row.metrics.hitAt1, kind: 'ratio' },
  { heading: 'hit@k', value: (row) => row.metrics.hitAtK, kind: 'ratio' },
  { heading: 'recall@k', value: (row) => row.metrics.recallAtK, kind: 'ratio' },
  { heading: 'MRR', value: (row) => row.metrics.mrr, kind: 'ratio' },
  { heading: 'p50 ms', value: (row) => row.latencyMs.p50, kind: 'ms' },
  { heading: 'p95 ms', value: (row) => row.latencyMs.p95, kind: 'ms' },
];

/** A table with one row per metric and one column per run; the first row counts the questions. */
export function renderOverallSideBySide(
  columns: readonly RunColumn[],
  metrics: readonly RowMetric[] = HEADLINE_METRICS,
): string {
  const k = columns[0]?.report.k ?? 5;
  const heading = (metric: RowMetric) => metric.heading.replace('@k', `@${k}`);
  return `${[
    line(['overall', ...columns.map(columnLabel)]),
    line(['---', ...columns.map(() => '---:')]),
    line(['questions', ...columns.map((column) => String(column.report.overall.questions))]),
    ...metrics.map((metric) =>
      line([
        heading(metric),
        ...columns.map((column) => cell(metric.value(column.report.overall), metric.kind)),
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
    line(['type', ...sets.map((set) => `n ${set}`), ...columns.map(columnLabel)]),
    line(['---', ...sets.map(() => '---:'), ...columns.map(() => '---:')]),
  ];
  for (const { label, rowOf } of rowsOf(columns)) {
    const values = columns.map((column) => {
      const row = rowOf(column.report);
      return row === undefined ? null : metric.value(row);
    });
    if (values.every((value) => value === null)) continue;
    lines.push(
      line([
        label,
        ...sets.map((set) => count(firstOf(set), rowOf)),
        ...values.map((value) => cell(value, metric.kind)),
      ]),
    );
  }
  return `${lines.join('\n')}\n`;
}
