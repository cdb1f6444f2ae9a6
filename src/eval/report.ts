// Renders an evaluation report as a Markdown table (one row per question type, one column per metric) or as JSON.
import type { AggregateRow, EvalReport, MetricName } from './aggregate.ts';

interface Column {
  heading: string;
  value: (row: AggregateRow) => number | null;
  /** Ratios print with three decimals, milliseconds as whole numbers. */
  kind: 'ratio' | 'ms';
}

function metricColumn(heading: string, name: MetricName): Column {
  return { heading, value: (row) => row.metrics[name], kind: 'ratio' };
}

function columns(k: number): Column[] {
  return [
    metricColumn('hit@1', 'hitAt1'),
    metricColumn(`hit@${k}`, 'hitAtK'),
    metricColumn(`recall@${k}`, 'recallAtK'),
    metricColumn('MRR', 'mrr'),
    metricColumn(`ctx precision@${k}`, 'contextPrecisionAtK'),
    metricColumn(`ctx recall@${k}`, 'contextRecallAtK'),
    metricColumn('citation precision', 'citationPrecision'),
    metricColumn('citation validity', 'citationValidity'),
    metricColumn('gold citations', 'goldCitationPrecision'),
    metricColumn('gold cited', 'goldCited'),
    metricColumn('statement coverage', 'statementCoverage'),
    metricColumn('must-mention', 'mustMentionCoverage'),
    { heading: 'answered', value: (row) => row.abstention.answered, kind: 'ratio' },
    { heading: 'correct abstain', value: (row) => row.abstention.correctAbstain, kind: 'ratio' },
    { heading: 'false abstain', value: (row) => row.abstention.falseAbstain, kind: 'ratio' },
    { heading: 'missed abstain', value: (row) => row.abstention.missedAbstain, kind: 'ratio' },
    { heading: 'p50 ms', value: (row) => row.latencyMs.p50, kind: 'ms' },
    { heading: 'p95 ms', value: (row) => row.latencyMs.p95, kind: 'ms' },
  ];
}

/** A metric value for a table cell; "–" where the metric is undefined for the row. */
function cell(value: number | null, kind: Column['kind']): string {
  if (value === null) return '–';
  return kind === 'ms' ? String(Math.round(value)) : value.toFixed(3);
}

/** The report as a GitHub-flavoured Markdown table: a row per type, a row per slice, then a bold "overall" row. */
export function renderMarkdown(report: EvalReport): string {
  const table = columns(report.k);
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  const row = (label: string, values: AggregateRow) =>
    line([
      label,
      String(values.questions),
      ...table.map((column) => cell(column.value(values), column.kind)),
    ]);
  return [
    line(['type', 'n', ...table.map((column) => column.heading)]),
    line(['---', '---:', ...table.map(() => '---:')]),
    ...report.byType.map(({ type, row: values }) => row(type, values)),
    ...report.slices.map(({ name, row: values }) => row(name, values)),
    row('**overall**', report.overall),
  ]
    .join('\n')
    .concat('\n');
}

/** The report as pretty-printed JSON (null marks an undefined metric), ending in a newline. */
export function renderJson(report: EvalReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
