// Renders an evaluation report as a Markdown table (one row per question type, one column per metric) or as JSON.
import type { AggregateRow, EvalReport } from './aggregate.ts';
import { formatValue, tableRow } from './markdown-table.ts';
import { headingAt, ROW_METRICS } from './row-metrics.ts';

/** The report as a GitHub-flavoured Markdown table: a row per type, a row per slice, then a bold "overall" row. */
export function renderMarkdown(report: EvalReport): string {
  const table = Object.values(ROW_METRICS);
  const row = (label: string, values: AggregateRow) =>
    tableRow([
      label,
      String(values.questions),
      ...table.map((metric) => formatValue(metric.value(values), metric.kind)),
    ]);
  return [
    tableRow(['type', 'n', ...table.map((metric) => headingAt(metric.heading, report.k))]),
    tableRow(['---', '---:', ...table.map(() => '---:')]),
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
