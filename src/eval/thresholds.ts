// The CI gate's thresholds (eval/thresholds.json): schema, reader, the check of a report against them, a proposal
// from a measured report (minima rounded down, maxima rounded up, to two decimals), and raising them to a proposal.
import { z } from 'zod';
import { BeschlussError } from '../errors.ts';
import { readTextFile } from '../read-text-file.ts';
import { type AggregateRow, type EvalReport, METRIC_NAMES } from './aggregate.ts';

/** Every gateable metric: the mean metrics and the abstention rates. */
export const GATE_METRICS = [
  ...METRIC_NAMES,
  'answered',
  'correctAbstain',
  'falseAbstain',
  'missedAbstain',
] as const;
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
  /** The set the values were measured on, relative to the project ("eval/heldout.jsonl"): the gate runs it. */
  set: z.string().min(1),
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
  if (
    metric === 'answered' ||
    metric === 'correctAbstain' ||
    metric === 'falseAbstain' ||
    metric === 'missedAbstain'
  ) {
    return row.abstention[metric];
  }
  return row.metrics[metric];
}

export interface GateCheck {
  /** "overall", a question type or a slice ("unanswerable/near-miss"). */
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
  const rows = new Map([
    ...report.byType.map((entry): [string, AggregateRow] => [entry.type, entry.row]),
    ...report.slices.map((entry): [string, AggregateRow] => [entry.name, entry.row]),
  ]);
  return [
    ...checksOf('overall', report.overall, thresholds.overall),
    ...Object.entries(thresholds.byType ?? {}).flatMap(([type, set]) => checksOf(type, rows.get(type), set)),
  ];
}

const floor2 = (value: number) => Math.floor(value * 100 + EPSILON) / 100;
const ceil2 = (value: number) => Math.max(0, Math.ceil(value * 100 - EPSILON) / 100);

/** Metrics gated per question type (and slice): where each type's failures show first. */
export const PER_TYPE_GATE_METRICS: readonly GateMetric[] = [
  'hitAtK',
  'recallAtK',
  'answered',
  'goldCited',
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
  options: { embedder: string; set: string; comment?: string },
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
    set: options.set,
    overall: setOf(
      report.overall,
      [...METRIC_NAMES, 'answered', 'correctAbstain'],
      ['falseAbstain', 'missedAbstain'],
    ),
    byType: {},
  };
  const rows = [
    ...report.byType.map((entry) => ({ scope: entry.type, row: entry.row })),
    ...report.slices.map((entry) => ({ scope: entry.name, row: entry.row })),
  ];
  for (const { scope, row } of rows) {
    const set = setOf(row, PER_TYPE_GATE_METRICS, []);
    if (set.min !== undefined) (thresholds.byType as Record<string, ThresholdSet>)[scope] = set;
  }
  return thresholds;
}

export interface RaisedThresholds {
  thresholds: Thresholds;
  /** "scope metric ≥ old → new" for every threshold moved. */
  raised: string[];
  /** "scope metric: measured x, threshold y" for every threshold the measurement does not reach. */
  worse: string[];
}

/**
 * Moves every threshold towards a measured proposal only where that is stricter: a minimum up, a maximum down, and
 * a metric without a minimum yet gets one. Nothing is ever relaxed; metrics measured below their threshold are
 * listed in `worse` and keep their threshold.
 */
export function raiseThresholds(current: Thresholds, measured: Thresholds): RaisedThresholds {
  const raised: string[] = [];
  const worse: string[] = [];
  const merge = (
    scope: string,
    old: ThresholdSet | undefined,
    now: ThresholdSet | undefined,
  ): ThresholdSet => {
    const merged: ThresholdSet = {
      ...(old?.min ? { min: { ...old.min } } : {}),
      ...(old?.max ? { max: { ...old.max } } : {}),
    };
    for (const [metric, value] of Object.entries(now?.min ?? {}) as Array<[GateMetric, number]>) {
      const before = old?.min?.[metric];
      if (before === undefined || value > before) {
        merged.min = { ...merged.min, [metric]: value };
        raised.push(`${scope} ${metric} ≥ ${before ?? '–'} → ${value}`);
      } else if (value < before) worse.push(`${scope} ${metric}: measured ${value}, threshold ${before}`);
    }
    for (const [metric, value] of Object.entries(now?.max ?? {}) as Array<[GateMetric, number]>) {
      const before = old?.max?.[metric];
      if (before !== undefined && value < before) {
        merged.max = { ...merged.max, [metric]: value };
        raised.push(`${scope} ${metric} ≤ ${before} → ${value}`);
      } else if (before !== undefined && value > before) {
        worse.push(`${scope} ${metric}: measured ${value}, threshold ${before}`);
      }
    }
    // A proposal leaves out minima that round to 0 and maxima that round to 1: for a gated metric that is a fall.
    for (const [metric, before] of Object.entries(old?.min ?? {})) {
      if (now?.min?.[metric as GateMetric] === undefined) {
        worse.push(`${scope} ${metric}: measured below 0.01 or not at all, threshold ${before}`);
      }
    }
    for (const [metric, before] of Object.entries(old?.max ?? {})) {
      if (now?.max?.[metric as GateMetric] === undefined) {
        worse.push(`${scope} ${metric}: measured above 0.99 or not at all, threshold ${before}`);
      }
    }
    return merged;
  };
  const scopes = [...new Set([...Object.keys(current.byType ?? {}), ...Object.keys(measured.byType ?? {})])];
  const thresholds: Thresholds = {
    ...current,
    overall: merge('overall', current.overall, measured.overall),
    byType: Object.fromEntries(
      scopes.map((scope) => [scope, merge(scope, current.byType?.[scope], measured.byType?.[scope])]),
    ),
  };
  return { thresholds, raised, worse };
}

export async function readThresholds(file: string): Promise<Thresholds> {
  const text = await readTextFile(file, (reason) => `${file}: cannot read the thresholds (${reason})`);
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
