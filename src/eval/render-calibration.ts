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

/** One threshold's section: the sweep, the objective, the cheapest and current thresholds, the cross-check, advice. */
function calibrationSection<C extends Counts>(section: {
  calibration: Calibration<C>;
  current: SweepRow<C>;
  columns: ReadonlyArray<[string, (counts: C) => number]>;
  objective: string;
  /** Cheapest threshold's counts, after its cost: ": 5 correct, …" or "; accepts …". */
  cheapest: string;
  /** The recommendation first, then any further notes, one bullet each. */
  advice: readonly string[];
}): string {
  const { calibration, current } = section;
  const { best } = calibration;
  return [
    sweepTable(calibration, current.threshold, section.columns),
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

export function renderAbstainCalibration(result: AbstainCalibrationResult): string {
  const { calibration, current, gated, agreement } = result;
  const { counts } = calibration.best;
  return calibrationSection({
    calibration,
    current,
    columns: [
      ['correct', (row) => row.correct],
      ['wrong answers', (row) => row.wrongAnswers],
      ['false abstains', (row) => row.falseAbstains],
      ['missed abstains', (row) => row.missedAbstains],
    ],
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
  const { calibration, current, pairs } = result;
  const { counts } = calibration.best;
  const rate = (part: number, whole: number) => (whole === 0 ? '–' : (part / whole).toFixed(3));
  return calibrationSection({
    calibration,
    current,
    columns: [
      ['true accepts', (row) => row.trueAccepts],
      ['false rejects', (row) => row.falseRejects],
      ['random false accepts', (row) => row.randomFalseAccepts],
      ['hard false accepts', (row) => row.hardFalseAccepts],
    ],
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
