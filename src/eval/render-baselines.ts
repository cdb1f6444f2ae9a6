// Renders the baselines as two Markdown tables: the overall row of each configuration, and hit@k per question type.
import type { AggregateRow } from './aggregate.ts';
import type { BaselineResult, UnavailableEmbedder } from './baselines.ts';

const ratio = (value: number | null) => (value === null ? '–' : value.toFixed(3));
const milliseconds = (value: number | null) => (value === null ? '–' : String(Math.round(value)));
const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** The first clause of a (possibly long) reason — up to its first full stop or colon — at most 200 characters. */
export function briefly(text: string): string {
  const sentence = (text.split(/[.:]\s/)[0] ?? text).trim();
  return sentence.length > 200 ? `${sentence.slice(0, 199)}…` : sentence;
}

export function configurationName(result: Pick<BaselineResult, 'mode' | 'embedder'>): string {
  return result.embedder === null ? `${result.mode} only` : `${result.mode} · ${result.embedder}`;
}

/** One row per configuration with the overall metrics that tell retrieval and answering apart. */
export function renderBaselineTable(
  results: readonly BaselineResult[],
  unavailable: readonly UnavailableEmbedder[] = [],
): string {
  const k = results[0]?.report.k ?? 5;
  const columns: Array<[string, (row: AggregateRow) => string]> = [
    ['hit@1', (row) => ratio(row.metrics.hitAt1)],
    [`hit@${k}`, (row) => ratio(row.metrics.hitAtK)],
    [`recall@${k}`, (row) => ratio(row.metrics.recallAtK)],
    ['MRR', (row) => ratio(row.metrics.mrr)],
    ['gold citations', (row) => ratio(row.metrics.goldCitationPrecision)],
    ['must-mention', (row) => ratio(row.metrics.mustMentionCoverage)],
    ['correct abstain', (row) => ratio(row.abstention.correctAbstain)],
    ['false abstain', (row) => ratio(row.abstention.falseAbstain)],
    ['p50 ms', (row) => milliseconds(row.latencyMs.p50)],
  ];
  const lines = [
    line(['configuration', ...columns.map(([heading]) => heading)]),
    line(['---', ...columns.map(() => '---:')]),
    ...results.map((result) =>
      line([configurationName(result), ...columns.map(([, value]) => value(result.report.overall))]),
    ),
  ];
  if (unavailable.length > 0) {
    lines.push(
      '',
      ...unavailable.map((entry) => `- not available: ${entry.provider} (${briefly(entry.reason)})`),
    );
  }
  return `${lines.join('\n')}\n`;
}

/** hit@k of each configuration per question type (types in the order of the first report). */
export function renderBaselineTypeTable(results: readonly BaselineResult[]): string {
  const k = results[0]?.report.k ?? 5;
  const types = results[0]?.report.byType.map((entry) => entry.type) ?? [];
  const hitOf = (result: BaselineResult, type: string) =>
    ratio(result.report.byType.find((entry) => entry.type === type)?.row.metrics.hitAtK ?? null);
  return `${[
    line([`hit@${k}`, ...types]),
    line(['---', ...types.map(() => '---:')]),
    ...results.map((result) =>
      line([configurationName(result), ...types.map((type) => hitOf(result, type))]),
    ),
  ].join('\n')}\n`;
}
