// Renders one run's baselines as a Markdown table: per question type, hybrid against lexical-only and vector-only
// retrieval on hit@k, answered, correct abstain and gold cited.
import type { AggregateRow, EvalReport } from './aggregate.ts';
import type { BaselineResult } from './baselines.ts';
import { formatValue, tableRow } from './markdown-table.ts';
import { headingAt, ROW_METRICS } from './row-metrics.ts';

/** The first clause of a (possibly long) reason — up to its first full stop or colon — at most 200 characters. */
export function briefly(text: string): string {
  const sentence = (text.split(/[.:]\s/)[0] ?? text).trim();
  return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}

const { hitAtK, answered, correctAbstain, goldCited } = ROW_METRICS;
const METRICS = [hitAtK, answered, correctAbstain, goldCited];

/**
 * Rows: the question types, the slices and overall of the hybrid run. Columns: each metric for hybrid, lexical only
 * and vector only (in the order of `baselines`).
 */
export function renderBaselineTypeTable(hybrid: EvalReport, baselines: readonly BaselineResult[]): string {
  const configurations: Array<[string, EvalReport]> = [
    ['hybrid', hybrid],
    ...baselines.map((result): [string, EvalReport] => [result.mode, result.report]),
  ];
  const headings = METRICS.flatMap((metric) =>
    configurations.map(([name]) => `${headingAt(metric.heading, hybrid.k)} ${name}`),
  );
  const rowIn = (report: EvalReport, label: string): AggregateRow | undefined =>
    label === 'overall'
      ? report.overall
      : (report.byType.find((entry) => entry.type === label)?.row ??
        report.slices.find((entry) => entry.name === label)?.row);
  const labels = [
    ...hybrid.byType.map((entry) => entry.type),
    ...hybrid.slices.map((entry) => entry.name),
    'overall',
  ];
  return `${[
    tableRow(['type', 'n', ...headings]),
    tableRow(['---', '---:', ...headings.map(() => '---:')]),
    ...labels.map((label) =>
      tableRow([
        label === 'overall' ? '**overall**' : label,
        String(rowIn(hybrid, label)?.questions ?? 0),
        ...METRICS.flatMap((metric) =>
          configurations.map(([, report]) => {
            const row = rowIn(report, label);
            return formatValue(row === undefined ? null : metric.value(row));
          }),
        ),
      ]),
    ),
  ].join('\n')}\n`;
}
