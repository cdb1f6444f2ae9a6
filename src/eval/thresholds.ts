// The CI gate's thresholds (eval/thresholds.json): schema, reader, the check of a report against them, and a proposal
// from a measured report (minima rounded down, maxima rounded up, to two decimals).
import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { BeschlussError } from '../errors.ts';
import { type AggregateRow, type EvalReport, METRIC_NAMES } from './aggregate.ts';

/** Every gateable metric: the mean metrics and the three abstention rates. */
export const GATE_METRICS = [...METRIC_NAMES, 'correctAbstain', 'falseAbstain', 'missedAbstain'] as const;
export type GateMetric = (typeof GATE_METRICS)[number];

const boundsSchema = z.partialRecord(z.enum(GATE_METRICS), z.number().min(0).max(1));
const thresholdSetSchema = z.strictObject({ min: boundsSchema.optional(), max: boundsSchema.optional() });

export const ThresholdsSchema = z.strictObject({
  /** Free text for readers of the file. */
  comment: z.string().optional(),
  /**
   * The embedder the values were measured with: a provider ("offline") or a whole embedderId(). A provider matches
   * every version of it, so a new analyzer version is measured by the gate rather than skipped.
   */
  embedder: z.string().min(1),
  overall: thresholdSetSchema,
  byType: z.record(z.string(), thresholdSetSchema).optional(),
});

export type Thresholds = z.infer<typeof ThresholdsSchema>;
type ThresholdSet = z.infer<typeof thresholdSetSchema>;

/** Whether a run's embedderId() is the one the thresholds name (the same id, or an id of the named provider). */
export function embedderMatches(thresholds: Pick<Thresholds, 'embedder'>, embedder: string): boolean {
  return embedder === thresholds.embedder || embedder.startsWith(`${thresholds.embedder}:`);
}

export function metricValue(row: AggregateRow, metric: GateMetric): number | null {
  if (metric === 'correctAbstain' || metric === 'falseAbstain' || metric === 'missedAbstain') {
    return row.abstention[metric];
  }
  return row.metrics[metric];
}

export interface GateCheck {
  /** "overall" or a question type. */
  scope: string;
  metric: GateMetric;
  /** "min": the measured value must not fall below; "max": it must not rise above. */
  bound: 'min' | 'max';
  threshold: number;
  /** Null when the run has no such row or the metric is undefined for it: the check fails. */
  measured: number | null;
  passed: boolean;
}

const EPSILON = 1e-9;

function checksOf(scope: string, row: AggregateRow | undefined, set: ThresholdSet): GateCheck[] {
  const checks: GateCheck[] = [];
  for (const bound of ['min', 'max'] as const) {
    for (const [metric, threshold] of Object.entries(set[bound] ?? {}) as Array<[GateMetric, number]>) {
      const measured = row === undefined ? null : metricValue(row, metric);
      const passed =
        measured !== null &&
        (bound === 'min' ? measured >= threshold - EPSILON : measured <= threshold + EPSILON);
      checks.push({ scope, metric, bound, threshold, measured, passed });
    }
  }
  return checks;
}

export function checkThresholds(report: EvalReport, thresholds: Thresholds): GateCheck[] {
  const rows = new Map(report.byType.map((entry) => [entry.type, entry.row]));
  return [
    ...checksOf('overall', report.overall, thresholds.overall),
    ...Object.entries(thresholds.byType ?? {}).flatMap(([type, set]) => checksOf(type, rows.get(type), set)),
  ];
}

const floor2 = (value: number) => Math.floor(value * 100 + EPSILON) / 100;
const ceil2 = (value: number) => Math.max(0, Math.ceil(value * 100 - EPSILON) / 100);

/** Metrics gated per question type: where each type's failures show first. */
export const PER_TYPE_GATE_METRICS: readonly GateMetric[] = [
  'hitAtK',
  'recallAtK',
  'goldCitationPrecision',
  'mustMentionCoverage',
  'correctAbstain',
];

/**
 * Thresholds at the measured values: minima rounded down and maxima rounded up to two decimals (the pipeline is
 * deterministic, so there is no noise to absorb; the rounding only keeps the file readable).
 */
export function proposeThresholds(
  report: EvalReport,
  options: { embedder: string; comment?: string },
): Thresholds {
  const setOf = (row: AggregateRow, minima: readonly GateMetric[], maxima: readonly GateMetric[]) => {
    const set: ThresholdSet = {};
    // A minimum of 0 or a maximum of 1 would hold whatever happens: they are left out rather than gate nothing.
    for (const metric of minima) {
      const value = metricValue(row, metric);
      if (value !== null && floor2(value) > 0) set.min = { ...set.min, [metric]: floor2(value) };
    }
    for (const metric of maxima) {
      const value = metricValue(row, metric);
      if (value !== null && ceil2(value) < 1) set.max = { ...set.max, [metric]: ceil2(value) };
    }
    return set;
  };
  const thresholds: Thresholds = {
    ...(options.comment === undefined ? {} : { comment: options.comment }),
    embedder: options.embedder,
    overall: setOf(report.overall, [...METRIC_NAMES, 'correctAbstain'], ['falseAbstain', 'missedAbstain']),
    byType: {},
  };
  for (const { type, row } of report.byType) {
    const set = setOf(row, PER_TYPE_GATE_METRICS, []);
    if (set.min !== undefined) (thresholds.byType as Record<string, ThresholdSet>)[type] = set;
  }
  return thresholds;
}

export async function readThresholds(file: string): Promise<Thresholds> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new BeschlussError(
      'FILE_NOT_FOUND',
      `${file}: cannot read the thresholds (${(error as Error).message})`,
      {
        details: { file },
        cause: error,
      },
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new BeschlussError('EVAL_SET_INVALID', `${file}: not JSON (${(error as Error).message})`, {
      details: { file },
    });
  }
  const parsed = ThresholdsSchema.safeParse(json);
  if (!parsed.success) {
    throw new BeschlussError(
      'EVAL_SET_INVALID',
      `${file}: not valid thresholds: ${z.prettifyError(parsed.error)}`,
      {
        details: { file },
      },
    );
  }
  return parsed.data;
}
