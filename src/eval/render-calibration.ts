// Renders the calibration sweeps as Markdown: one table per threshold, the choice, and the 2-fold cross-check.

import type { Calibration, Counts, SweepRow } from './calibration.ts';
import type { AbstainCalibrationResult, SupportCalibrationResult } from './calibration-run.ts';
import { tableRow } from './markdown-table.ts';

const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const threshold = (value: number) => value.toFixed(2);

function sweepTable<C extends Counts>(
  calibration: Calibration<C>,
  current: number,
  columns: Readonly<Partial<Record<keyof C, string>>>,
): string {
  const shown = Object.entries(columns) as Array<[keyof C, string]>;
  const mark = (row: SweepRow<C>) =>
    [
      row.threshold === calibration.best.threshold ? 'best' : '',
      Math.abs(row.threshold - current) < 1e-9 ? 'current default' : '',
    ]
      .filter(Boolean)
      .join(', ');
  return [
    tableRow(['threshold', ...shown.map(([, heading]) => heading), 'cost', '']),
    tableRow(['---:', ...shown.map(() => '---:'), '---:', '---']),
    ...calibration.rows.map((row) =>
      tableRow([
        threshold(row.threshold),
        ...shown.map(([key]) => number(row.counts[key] ?? Number.NaN)),
        number(row.cost),
        mark(row),
      ]),
    ),
  ].join('\n');
}

function crossValidation<C extends Counts>(calibration: Calibration<C>, current: SweepRow<C>): string {
  const { folds, cost } = calibration.crossValidation;
  const parts = folds.map(
    (fold) =>
      `chosen on ${fold.calibratedOn} ids: ${threshold(fold.threshold)}, cost ${number(fold.cost)} on the ` +
      `${fold.calibratedOn === 'odd' ? 'even' : 'odd'} ids`,
  );
  return (
    `2-fold cross-validation (odd/even ids of the tuning set): ${parts.join('; ')}. Cross-checked cost ` +
    `${number(cost)}, against ` +
    `${number(calibration.best.cost)} in-sample at the cheapest threshold and ${number(current.cost)} at the current ` +
    'default.'
  );
}

function recommendation(recommended: number, current: number, name: string): string {
  return recommended === current
    ? `**Recommendation: keep ${name} at ${threshold(current)}.** Moving it is not shown to help: its cross-checked cost ` +
        'is no lower than the current default’s, so the in-sample gain is fitted to these questions.'
    : `**Recommendation: set ${name} to ${threshold(recommended)}.** The cross-checked cost is lower than the current ` +
        'default’s, so the gain carries over to questions the threshold was not chosen on.';
}

/** One threshold's section: the sweep, the objective, the cheapest and current thresholds, the cross-check, advice. */
function calibrationSection<C extends Counts>(
  result: { calibration: Calibration<C>; current: SweepRow<C> },
  /** The counts shown as columns of the sweep, with their headings, in order. */
  columns: Readonly<Partial<Record<keyof C, string>>>,
  section: {
    objective: string;
    /** Cheapest threshold's counts, after its cost: ": 5 correct, …" or "; accepts …". */
    cheapest: string;
    /** The recommendation first, then any further notes, one bullet each. */
    advice: readonly string[];
  },
): string {
  const { calibration, current } = result;
  const { best } = calibration;
  return [
    sweepTable(calibration, current.threshold, columns),
    '',
    `Objective: ${section.objective}`,
    '',
    `- Cheapest on this set: ${threshold(best.threshold)} (cost ${number(best.cost)}${section.cheapest}); current ` +
      `default ${threshold(current.threshold)} costs ${number(current.cost)}.`,
    `- ${crossValidation(calibration, current)}`,
    ...section.advice.map((line) => `- ${line}`),
    '',
  ].join('\n');
}

const TIES = 'ties go to the middle of the cheapest thresholds.';

const ABSTAIN_COLUMNS = {
  correct: 'correct',
  wrongAnswers: 'wrong answers',
  falseAbstains: 'false abstains',
  missedAbstains: 'missed abstains',
};

const SUPPORT_COLUMNS = {
  trueAccepts: 'true accepts',
  falseRejects: 'false rejects',
  randomFalseAccepts: 'random false accepts',
  hardFalseAccepts: 'hard false accepts',
};

export function renderAbstainCalibration(result: AbstainCalibrationResult): string {
  const { current, gated, agreement } = result;
  const { counts } = result.calibration.best;
  return calibrationSection(result, ABSTAIN_COLUMNS, {
    objective: `${result.objective}; ${TIES}`,
    cheapest:
      `: ${counts.correct} correct, ${counts.wrongAnswers} wrong answers, ${counts.falseAbstains} false abstains, ` +
      `${counts.missedAbstains} missed abstains`,
    advice: [
      `${recommendation(result.recommended, current.threshold, "the model's threshold")} Refit with \`scripts/fit-abstention.ts\` (dev only).`,
      `The threshold decides ${gated} of ${agreement.total} questions (the others name a unit or abstain for another ` +
        `reason). The sweep reproduces the evaluation run's outcome at the current default on ${agreement.matching} ` +
        `of ${agreement.total} questions.`,
    ],
  });
}

export function renderSupportCalibration(result: SupportCalibrationResult): string {
  const { current, pairs } = result;
  const { counts } = result.calibration.best;
  const rate = (part: number, whole: number) => (whole === 0 ? '–' : (part / whole).toFixed(3));
  return calibrationSection(result, SUPPORT_COLUMNS, {
    objective:
      `${result.objective}; ${TIES} ${pairs} pairs: ${counts.positives} positives, ` +
      `${counts.randomNegatives} random and ${counts.hardNegatives} hard negatives.`,
    cheapest:
      `; accepts ${rate(counts.trueAccepts, counts.positives)} of positives, ` +
      `${rate(counts.randomFalseAccepts, counts.randomNegatives)} of random and ` +
      `${rate(counts.hardFalseAccepts, counts.hardNegatives)} of hard negatives`,
    advice: [recommendation(result.recommended, current.threshold, 'the support threshold')],
  });
}
