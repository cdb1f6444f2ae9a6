// Renders a suite result as the evaluation report (eval/REPORT.md, and the CLI's text output): which set is tuned
// on, the runs side by side, each run in full, the gate, the baselines and the calibration, with a reading guide.
import { tableRow } from './markdown-table.ts';
import { QA_TYPES } from './qa-set.ts';
import { renderReliability } from './reliability.ts';
import { briefly, renderBaselineTypeTable } from './render-baselines.ts';
import { renderAbstainCalibration, renderSupportCalibration } from './render-calibration.ts';
import {
  columnLabel,
  embedderLabels,
  type RunColumn,
  renderOverallSideBySide,
  renderTypeSideBySide,
} from './render-side-by-side.ts';
import { renderMarkdown } from './report.ts';
import { headingAt, labelledMetrics } from './row-metrics.ts';
import type { SetRun, SuiteResult } from './suite.ts';
import type { GateCheck } from './thresholds.ts';

/** The gate's checks on the run its thresholds name, or why they were not run. */
export type GateSection =
  | { file: string; set: string; embedder: string; checks: readonly GateCheck[] }
  | { file: string; skipped: string };

export interface ReportContext {
  generatedAt: Date;
  /** The command line that produced the report, e.g. "npx beschluss eval --baselines". */
  command: string;
  /** The corpus folder of an in-process run, as shown to readers. */
  corpus?: string;
  /** Why an embedder is not the one asked for (an "auto" fallback), by embedder id. */
  embedderNotes?: Readonly<Record<string, string>>;
  gate?: GateSection;
}

export interface RenderReportOptions {
  /** Include the title, run details and the guide to reading (the file has them; the terminal does not need them). */
  document?: boolean;
}

const GUIDE = `## How to read this

- **Columns** are runs: a set (dev, held-out) with an embedder (transformers = the bundled model, the product's
  default; offline = the weight-free German embedder). **Rows** are question types (see eval/README.md);
  \`unanswerable/near-miss\` is the part of the unanswerable questions that ask for a detail a present item does not
  give; **overall** is over all questions of the set. "–" marks a metric that is undefined for the row.
- **answered**: answerable questions not abstained on (1 − false abstain). **correct abstain**: unanswerable
  questions abstained on (1 − missed abstain).
- **gold cited**: answerable questions whose answer cites at least one gold unit (an abstention counts as not
  cited) — the share answered with a right citation. **gold citations**: of all citations, the share to gold units.
- **citation validity**: citations to a unit that exists and is among the answer's sources. **statement coverage**:
  statements with at least one such citation. **citation precision** also accepts a non-gold unit the support
  checker finds backing the statement; the extractive answerer quotes what it cites, so it matters for LLM answers
  (run \`--url\` against a server with an LLM).
- **must-mention**: expected phrases found whole in the answer text (after normalising case, quotes, dashes, ß).
- **hit@1, hit@k, recall@k, MRR** judge retrieval alone: the units ranked for the question (a follow-up is joined
  with the previous question, as the answerer does) against the gold units. **ctx precision@k / ctx recall@k** judge
  the answer's sources; precision is low by design when one unit answers and k are shown.
- **p50 / p95 ms**: time to answer one question in process (retrieval and answering, as \`/api/ask\` without HTTP).
- The sets are small (4–25 questions per type and split): one question moves a type's row by 4–25 points. The
  pipeline is deterministic, so a change between two runs is a change of code, corpus or set — compare runs, not
  decimals, and compare dev with held-out: a gain on dev that held-out does not show is fitted to dev.
- **Baselines** run each set with lexical-only and vector-only retrieval on the same index beside the hybrid run.
  **Calibration** sweeps the thresholds on the tuning set only; its odd/even cross-check shows how much of a gain is
  fitted to those questions. Recommended values are applied to src/answer by hand, never by this command.
`;

/** The runs as columns: sets outer (in set order), embedders inner (in run order). */
export function runColumns(result: SuiteResult): Array<RunColumn & { run: SetRun }> {
  const labels = embedderLabels(result.embedders.map((embedder) => embedder.id));
  return result.sets.flatMap((set) =>
    result.embedders.flatMap((embedder) => {
      const run = result.runs.find((item) => item.set === set.name && item.embedder === embedder.id);
      return run === undefined
        ? []
        : [{ set: set.name, embedder: labels.get(embedder.id) ?? embedder.id, report: run.run.report, run }];
    }),
  );
}

/** Which sets are tuned on and which are reported only, in one sentence. */
export function tuningStatement(result: Pick<SuiteResult, 'sets'>): string {
  const named = (sets: SuiteResult['sets']) => sets.map((set) => `${set.name} (${set.file})`).join(', ');
  const tuned = result.sets.filter((set) => !set.heldOut);
  const heldOut = result.sets.filter((set) => set.heldOut);
  const parts: string[] = [];
  if (tuned.length > 0) {
    parts.push(
      `**Tuned on ${named(tuned)} only**: the answerer is tuned and the thresholds are calibrated on ` +
        `${tuned.length === 1 ? 'it' : 'them'}.`,
    );
  }
  if (heldOut.length > 0) {
    parts.push(`**${named(heldOut)} is reported only**: never tuned or calibrated on.`);
  } else {
    parts.push('No held-out set is part of this run.');
  }
  return parts.join(' ');
}

function countsTable(result: SuiteResult): string {
  const counts = result.sets.map((set) => set.counts);
  const types = QA_TYPES.filter((type) => counts.some((count) => count[type] > 0));
  return [
    tableRow(['type', ...result.sets.map((set) => set.name)]),
    tableRow(['---', ...result.sets.map(() => '---:')]),
    ...types.map((type) => tableRow([type, ...counts.map((count) => String(count[type]))])),
    tableRow(['**all**', ...result.sets.map((set) => String(set.questions))]),
    '',
  ].join('\n');
}

function header(result: SuiteResult, context: ReportContext): string {
  const labels = embedderLabels(result.embedders.map((embedder) => embedder.id));
  const embedders = result.embedders.map((embedder) => {
    const note = context.embedderNotes?.[embedder.id];
    const build = embedder.build
      ? ` (${embedder.build.units} units, ${embedder.build.meetings} meeting(s), index built in ` +
        `${(embedder.build.durationMs / 1000).toFixed(1)} s)`
      : '';
    return `${labels.get(embedder.id)} = ${embedder.id}${build}${note ? ` — fallback: ${briefly(note)}` : ''}`;
  });
  const k = result.runs[0]?.run.report.k ?? 5;
  return [
    '# Evaluation report',
    '',
    `Generated by \`${context.command}\` on ${context.generatedAt.toISOString()}. Do not edit by hand: the command`,
    'rewrites this file.',
    '',
    tuningStatement(result),
    '',
    `- Sets: ${result.sets.map((set) => `${set.name} = ${set.file} (${set.questions} questions)`).join('; ')}`,
    `- Target: ${result.target}, extractive answerer${context.corpus ? `; corpus ${context.corpus}` : ''}`,
    `- Embedders: ${embedders.join('; ')}`,
    `- k = ${k} for the ranking, the @k metrics and the answer's sources`,
    '',
    'Questions per type:',
    '',
    countsTable(result),
    GUIDE,
  ].join('\n');
}

/** The metrics the per-type comparison shows, one section each. */
const TYPE_METRICS = labelledMetrics(
  'hitAtK',
  'answered',
  'correctAbstain',
  'goldCited',
  'mustMentionCoverage',
);

function gateSection(gate: GateSection): string {
  if ('skipped' in gate) return `## Gate (${gate.file})\n\nNot checked: ${gate.skipped}\n`;
  const failed = gate.checks.filter((check) => !check.passed);
  const summary =
    failed.length === 0
      ? `All ${gate.checks.length} thresholds hold.`
      : `**${failed.length} of ${gate.checks.length} thresholds fail.**`;
  const value = (measured: number | null) => (measured === null ? '–' : measured.toFixed(3));
  const rows = gate.checks.map(
    (check) =>
      `| ${check.scope} | ${check.metric} | ${check.bound === 'min' ? '≥' : '≤'} ${check.threshold.toFixed(2)} | ` +
      `${value(check.measured)} | ${check.passed ? 'ok' : '**FAIL**'} |`,
  );
  return [
    `## Gate (${gate.file}: ${gate.set} · ${gate.embedder})`,
    '',
    `${summary} \`npm run eval:gate\` checks these in CI on the held-out set only. Thresholds are only ever raised`,
    '(maxima only lowered), never relaxed to let a change through.',
    '',
    '| scope | metric | threshold | measured | |',
    '| --- | --- | ---: | ---: | --- |',
    ...rows,
    '',
  ].join('\n');
}

/** Predicted against observed, held-out runs first: how far the model's probabilities can be taken at their word. */
function reliabilitySection(result: SuiteResult): string {
  const runs = [...result.runs]
    .filter((run) => run.reliability !== undefined)
    .sort(
      (a, b) =>
        Number(result.sets.find((set) => set.name === b.set)?.heldOut ?? false) -
        Number(result.sets.find((set) => set.name === a.set)?.heldOut ?? false),
    );
  if (runs.length === 0) return '';
  return [
    '### Reliability of the answer/abstain model (predicted vs observed)',
    '',
    'Questions the model decides, grouped by its predicted probability that the resolutions answer them, against',
    'the share that is answerable. Held-out runs come first: they show the model on questions it was not fitted on.',
    '',
    ...runs.flatMap((run) => [
      `#### ${run.set} · ${shortEmbedder(run.embedder)}`,
      '',
      run.reliability ? renderReliability(run.reliability) : '',
      '',
    ]),
  ].join('\n');
}

function shortEmbedder(id: string): string {
  return id.split(':')[0] === 'transformers' ? 'transformers' : (id.split(':')[0] ?? id);
}

function calibrationSection(result: SuiteResult): string {
  const calibration = result.calibration;
  if (calibration === undefined) return '';
  const set = result.sets.find((item) => item.name === calibration.set);
  const heldOut = result.sets.filter((item) => item.heldOut).map((item) => item.name);
  return [
    '## Calibration',
    '',
    `Calibrated on **${calibration.set}** (${set?.file ?? calibration.set}) with ${calibration.embedder} only` +
      (heldOut.length > 0 ? `; ${heldOut.join(', ')} is never used for calibration.` : '.'),
    '',
    '### Answer or abstain: the fitted model and its threshold',
    '',
    'Whether to answer is decided by a logistic model over evidence features (the best sentence similarity by the',
    'model, its margin over the other candidates, lexical coverage of the best sentence and unit, agreement of',
    'lexical and vector retrieval, English question, share of the question the corpus has no words for, whether',
    'the unit has the word the question asks about), fitted on the dev split by `scripts/fit-abstention.ts` into',
    '`data/answer/abstention.json`, one model per kind of embedder. ' +
      `In use for ${calibration.embedder}: ${calibration.result.model.embedder} model, fitted on ` +
      `${calibration.result.model.fittedOn}, threshold ${calibration.result.model.threshold.toFixed(2)}.`,
    '',
    "Each question is answered with the model's threshold at 0 and at infinity, and scored by the model's",
    'probability that the resolutions answer it: at a threshold t a question the model decides is abstained on when',
    'its probability is below t, otherwise it keeps its answer. Outcomes: an answerable question answered with a',
    'gold citation is correct, answered without one a wrong answer, abstained on a false abstain; an unanswerable',
    'question abstained on is correct, answered a missed abstain.',
    '',
    renderAbstainCalibration(calibration.result.abstain),
    reliabilitySection(result),
    '### Support threshold of the support checker',
    '',
    'Positives stand in for statements an LLM would write from a gold unit: the question restated with the',
    'must-mention phrases that unit contains, scored against that unit. Each is also scored against a random',
    'non-gold unit and against the best-ranked non-gold unit of the question (the plausible wrong citation).',
    'Follow-ups are left out (their question names no topic). The extractive answerer quotes whole sentences,',
    'which the checker always accepts, so this threshold matters for LLM answers.',
    '',
    renderSupportCalibration(calibration.result.support),
  ].join('\n');
}

export function renderReportDocument(
  result: SuiteResult,
  context: ReportContext,
  options: RenderReportOptions = {},
): string {
  const { document = true } = options;
  const columns = runColumns(result);
  const k = result.runs[0]?.run.report.k ?? 5;
  const sections: string[] = [];
  if (document) sections.push(header(result, context));
  else sections.push(`${tuningStatement(result)}\n`);
  sections.push(`## Overall\n\n${renderOverallSideBySide(columns)}`);
  sections.push(
    [
      '## By question type',
      '',
      ...TYPE_METRICS.map(
        (metric) => `### ${headingAt(metric.heading, k)}\n\n${renderTypeSideBySide(columns, metric)}`,
      ),
    ].join('\n'),
  );
  sections.push(
    [
      '## Every metric, per run',
      '',
      ...columns.map(
        (column) =>
          `### ${columnLabel(column)}\n\nEmbedder ${column.run.embedder}.\n\n` +
          renderMarkdown(column.report),
      ),
    ].join('\n'),
  );
  if (context.gate) sections.push(gateSection(context.gate));
  const withBaselines = columns.filter((column) => column.run.baselines !== undefined);
  if (withBaselines.length > 0) {
    sections.push(
      [
        '## Baselines',
        '',
        'Per set and embedder: the hybrid run beside lexical-only and vector-only retrieval on the same index (the',
        'lexical-only columns do not depend on the embedder).',
        '',
        ...withBaselines.map(
          (column) =>
            `### ${columnLabel(column)}\n\n${renderBaselineTypeTable(column.report, column.run.baselines ?? [])}`,
        ),
      ].join('\n'),
    );
  }
  const calibration = calibrationSection(result);
  if (calibration !== '') sections.push(calibration);
  return sections.join('\n');
}
