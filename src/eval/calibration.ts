// Threshold calibration in general: sweep a grid, pick the cheapest threshold, and a 2-fold (odd/even id) cross-check.
import { BeschlussError } from '../errors.ts';

/** Counts of what happened at one threshold (outcomes, accepts …); the cost is computed from them. */
export type Counts = Record<string, number>;

export interface SweepRow<C extends Counts> {
  threshold: number;
  counts: C;
  cost: number;
}

export interface CrossValidationFold<C extends Counts> {
  /** The half whose cases chose the threshold. */
  calibratedOn: 'odd' | 'even';
  threshold: number;
  /** Counts on the other half at that threshold. */
  heldOut: C;
  cost: number;
}

export interface CrossValidation<C extends Counts> {
  folds: CrossValidationFold<C>[];
  /** Both held-out halves added up: every case scored once, by a threshold chosen without it. */
  total: C;
  cost: number;
}

export interface Calibration<C extends Counts> {
  rows: SweepRow<C>[];
  best: SweepRow<C>;
  crossValidation: CrossValidation<C>;
}

/** A case of a sweep; its question id ("q017") decides the fold by its trailing number's parity. */
export interface CalibrationCase {
  id: string;
}

export interface CalibrateOptions<Case extends CalibrationCase, C extends Counts> {
  cases: readonly Case[];
  /** Default DEFAULT_THRESHOLD_GRID. */
  thresholds?: readonly number[];
  countAt: (cases: readonly Case[], threshold: number) => C;
  /** Must be linear in the counts, so the held-out halves' costs add up to the total's. */
  cost: (counts: C) => number;
}

/** Thresholds from `from` to `to` (inclusive) in `step`s, rounded so 0.1 + 0.2 prints as 0.3. */
export function thresholdGrid(from: number, to: number, step: number): number[] {
  if (!(step > 0) || !(to >= from)) {
    throw new BeschlussError(
      'INVALID_REQUEST',
      `a threshold grid needs from <= to and step > 0; received from ${from}, to ${to}, step ${step}`,
    );
  }
  const grid: number[] = [];
  const count = Math.floor((to - from) / step + 1e-9);
  for (let index = 0; index <= count; index++) grid.push(Math.round((from + index * step) * 1e6) / 1e6);
  return grid;
}

/** The grid both sweeps (abstain and support threshold) run over by default: 0 to 1 in steps of 0.05. */
export const DEFAULT_THRESHOLD_GRID = thresholdGrid(0, 1, 0.05);

/**
 * The cheapest row; among equally cheap rows the middle one (by threshold), so the choice keeps a margin to both
 * edges of the plateau where one question more or less would flip it.
 */
export function pickThreshold<C extends Counts>(rows: readonly SweepRow<C>[]): SweepRow<C> {
  if (rows.length === 0) {
    throw new BeschlussError('INVALID_REQUEST', 'cannot pick a threshold from an empty sweep');
  }
  const lowest = Math.min(...rows.map((row) => row.cost));
  const cheapest = rows.filter((row) => row.cost <= lowest + 1e-9).sort((a, b) => a.threshold - b.threshold);
  return cheapest[Math.floor((cheapest.length - 1) / 2)] as SweepRow<C>;
}

/**
 * The threshold to use: the cheapest one on the whole set when choosing on one half and scoring on the other (the
 * cross-validated cost) beats what the current threshold costs on the whole set; otherwise the current threshold,
 * since a gain that does not survive the cross-check is fitted to these questions.
 */
export function recommendThreshold<C extends Counts>(
  calibration: Calibration<C>,
  current: SweepRow<C>,
): number {
  return calibration.crossValidation.cost < current.cost ? calibration.best.threshold : current.threshold;
}

/** "odd" or "even" by the id's trailing number; ids without one fall back to their position. */
export function foldOf(id: string, position: number): 'odd' | 'even' {
  const digits = /(\d+)$/.exec(id)?.[1];
  const number = digits === undefined ? position : Number(digits);
  return number % 2 === 1 ? 'odd' : 'even';
}

function sweep<Case extends CalibrationCase, C extends Counts>(
  options: CalibrateOptions<Case, C>,
  cases: readonly Case[],
): SweepRow<C>[] {
  return (options.thresholds ?? DEFAULT_THRESHOLD_GRID).map((threshold) => {
    const counts = options.countAt(cases, threshold);
    return { threshold, counts, cost: options.cost(counts) };
  });
}

function addCounts<C extends Counts>(a: C, b: C): C {
  const sum = { ...a } as Counts;
  for (const [key, value] of Object.entries(b)) sum[key] = (sum[key] ?? 0) + value;
  return sum as C;
}

export function calibrate<Case extends CalibrationCase, C extends Counts>(
  options: CalibrateOptions<Case, C>,
): Calibration<C> {
  const rows = sweep(options, options.cases);
  const halves = { odd: [] as Case[], even: [] as Case[] };
  options.cases.forEach((item, position) => {
    halves[foldOf(item.id, position)].push(item);
  });
  const folds = (['odd', 'even'] as const).map((calibratedOn): CrossValidationFold<C> => {
    const { threshold } = pickThreshold(sweep(options, halves[calibratedOn]));
    const heldOut = options.countAt(halves[calibratedOn === 'odd' ? 'even' : 'odd'], threshold);
    return { calibratedOn, threshold, heldOut, cost: options.cost(heldOut) };
  });
  const [first, second] = folds as [CrossValidationFold<C>, CrossValidationFold<C>];
  const total = addCounts(first.heldOut, second.heldOut);
  return {
    rows,
    best: pickThreshold(rows),
    crossValidation: { folds, total, cost: options.cost(total) },
  };
}
