// Renders the calibration sweeps as Markdown: one table per threshold, the choice, and the 2-fold cross-check.

import type { Calibration, Counts, SweepRow } from './calibration.ts';
import type { AbstainCalibrationResult, SupportCalibrationResult } from './calibration-run.ts';
import { tableRow } from './markdown-table.ts';

const number = (value: number) => (Number.isInteger(value) ? String(value) : value.toFixed(1));
const threshold = (value: number) => value.toFixed(2);

function sweepTable<C extends Counts>(
  calibration: Calibration<C>,
  current: number,
  columns: ReadonlyArray<[string, (counts: C) => number]>,
): string {
  const mark = (row: SweepRow<C>) =>
    [
      row.threshold === calibration.best.threshold ? 'best' : '',
      Math.abs(row.threshold - current) < 1e-9 ? 'current default' : '',
    ]
      .filter(Boolean)
      .join(', ');
  return [
    tableRow(['threshold', ...columns.map(([heading]) => heading), 'cost', '']),
    tableRow(['---:', ...columns.map(() => '---:'), '---:', '---']),
    ...calibration.rows.map((row) =>
      tableRow([
        threshold(row.threshold),
        ...columns.map(([, value]) => number(value(row.counts))),
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

export function renderAbstainCalibration(result: AbstainCalibrationResult): string {
  const { calibration, current, gated, agreement } = result;
  const { best } = calibration;
  return [
    sweepTable(calibration, current.threshold, [
      ['correct', (counts) => counts.correct],
      ['wrong answers', (counts) => counts.wrongAnswers],
      ['false abstains', (counts) => counts.falseAbstains],
      ['missed abstains', (counts) => counts.missedAbstains],
    ]),
    '',
    `Objective: ${result.objective}; ties go to the middle of the cheapest thresholds.`,
    '',
    `- Cheapest on this set: ${threshold(best.threshold)} (cost ${number(best.cost)}: ` +
      `${best.counts.correct} correct, ${best.counts.wrongAnswers} wrong answers, ${best.counts.falseAbstains} ` +
      `false abstains, ${best.counts.missedAbstains} missed abstains); current default ` +
      `${threshold(current.threshold)} costs ${number(current.cost)}.`,
    `- ${crossValidation(calibration, current)}`,
    `- ${recommendation(result.recommended, current.threshold, "the model's threshold")} Refit with \`scripts/fit-abstention.ts\` (dev only).`,
    `- The threshold decides ${gated} of ${agreement.total} questions (the others name a unit or abstain for another ` +
      `reason). The sweep reproduces the evaluation run's outcome at the current default on ${agreement.matching} ` +
      `of ${agreement.total} questions.`,
    '',
  ].join('\n');
}

export function renderSupportCalibration(result: SupportCalibrationResult): string {
  const { calibration, current, pairs } = result;
  const { best } = calibration;
  const rate = (part: number, whole: number) => (whole === 0 ? '–' : (part / whole).toFixed(3));
  return [
    sweepTable(calibration, current.threshold, [
      ['true accepts', (counts) => counts.trueAccepts],
      ['false rejects', (counts) => counts.falseRejects],
      ['random false accepts', (counts) => counts.randomFalseAccepts],
      ['hard false accepts', (counts) => counts.hardFalseAccepts],
    ]),
    '',
    `Objective: ${result.objective}; ties go to the middle of the cheapest thresholds. ${pairs} pairs: ` +
      `${best.counts.positives} positives, ${best.counts.randomNegatives} random and ${best.counts.hardNegatives} ` +
      'hard negatives.',
    '',
    `- Cheapest on this set: ${threshold(best.threshold)} (cost ${number(best.cost)}; accepts ` +
      `${rate(best.counts.trueAccepts, best.counts.positives)} of positives, ` +
      `${rate(best.counts.randomFalseAccepts, best.counts.randomNegatives)} of random and ` +
      `${rate(best.counts.hardFalseAccepts, best.counts.hardNegatives)} of hard negatives); current default ` +
      `${threshold(current.threshold)} costs ${number(current.cost)}.`,
    `- ${crossValidation(calibration, current)}`,
    `- ${recommendation(result.recommended, current.threshold, 'the support threshold')}`,
    '',
  ].join('\n');
}
