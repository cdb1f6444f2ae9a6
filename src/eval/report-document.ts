// Renders a suite result as the evaluation report (eval/REPORT.md, and the CLI's text output): the table per type,
// the gate, the baselines and the calibrations, with a short guide to reading them.
import { countByType } from './qa-set.ts';
import { briefly, renderBaselineTable, renderBaselineTypeTable } from './render-baselines.ts';
import { renderAbstainCalibration, renderSupportCalibration } from './render-calibration.ts';
import { renderMarkdown } from './report.ts';
import type { SuiteResult } from './suite.ts';
import type { GateCheck } from './thresholds.ts';

export interface ReportContext {
  generatedAt: Date;
  /** The command line that produced the report, e.g. "npx beschluss eval --baselines". */
  command: string;
  /** The set file as shown to readers (relative to the project). */
  setFile: string;
  /** The corpus folder of an in-process run, as shown to readers. */
  corpus?: string;
  /** Why the main run's embedder is not the configured one (an "auto" fallback). */
  embedderNote?: string;
  /** The gate's checks, or why they were not run (e.g. another embedder than the thresholds'). */
  gate?: { file: string; checks: readonly GateCheck[] } | { file: string; skipped: string };
}

export interface RenderReportOptions {
  /** Include the title, run details and the guide to reading (the file has them; the terminal does not need them). */
  document?: boolean;
}

const GUIDE = `## How to read this

- **Rows** are question types (see eval/README.md); **overall** is over all questions. "–" marks a metric that is
  undefined for the row (no gold units for unanswerable questions, no citations when every answer abstained).
- **hit@1, hit@k, recall@k, MRR** judge retrieval alone: the units the retriever ranks for the question (a follow-up
  is joined with the previous question, as the answerer does) against the gold units.
- **ctx precision@k / ctx recall@k** judge the answer's sources, what the user is shown. Precision is low by design
  when one unit answers and k are shown.
- **citation precision** counts a citation as right when its unit is gold or the support checker accepts it for its
  statement. The extractive answerer quotes the unit it cites, so it is near 1 by construction; it matters for LLM
  answers (run \`--url\` against a server with an LLM). **gold citations** counts gold units only: how often a cited
  unit is one that answers the question.
- **statement coverage**: statements with a citation that exists and is among the answer's sources.
- **must-mention**: expected phrases found whole in the answer text (after normalising case, quotes, dashes, ß).
- **correct / missed abstain**: unanswerable questions abstained on / answered. **false abstain**: answerable
  questions abstained on. Lower false and missed abstain is better.
- **p50 / p95 ms**: time to answer one question (retrieval and answering).
- The set is small (8–28 questions per type): one question moves a type's row by 4–12 points. The pipeline is
  deterministic, so a change between two runs is a change of code, corpus or set — compare runs, not decimals.
- **Baselines** run the same questions with lexical-only, vector-only and hybrid retrieval, for every embedder that
  could be loaded. **Calibration** sweeps the thresholds on this set; the odd/even cross-check shows how much of the
  gain is fitted to these questions. Recommended values are applied to src/answer by hand, never by this command.
`;

function gateSection(gate: NonNullable<ReportContext['gate']>): string {
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
    `## Gate (${gate.file})`,
    '',
    `${summary} Thresholds are only ever raised (maxima only lowered), never relaxed to let a change through.`,
    '',
    '| scope | metric | threshold | measured | |',
    '| --- | --- | ---: | ---: | --- |',
    ...rows,
    '',
  ].join('\n');
}

export function renderReportDocument(
  result: SuiteResult,
  context: ReportContext,
  options: RenderReportOptions = {},
): string {
  const { document = true } = options;
  const { report } = result.run;
  const sections: string[] = [];
  if (document) {
    const counts = Object.entries(countByType(result.run.records.map((record) => record.entry)))
      .filter(([, count]) => count > 0)
      .map(([type, count]) => `${type} ${count}`)
      .join(', ');
    sections.push(
      [
        '# Evaluation report',
        '',
        `Generated by \`${context.command}\` on ${context.generatedAt.toISOString()}. Do not edit by hand: the command`,
        'rewrites this file.',
        '',
        `- Set: ${context.setFile} — ${report.overall.questions} questions (${counts})`,
        `- Target: ${result.target}, extractive answerer${context.corpus ? `; corpus ${context.corpus}` : ''}` +
          (result.build ? ` (${result.build.units} units, ${result.build.meetings} meeting(s))` : ''),
        `- Embedder: ${result.embedder}${context.embedderNote ? ` (fallback: ${briefly(context.embedderNote)})` : ''}`,
        `- k = ${report.k} for the ranking, the @k metrics and the answer's sources`,
        '',
        GUIDE,
      ].join('\n'),
    );
  }
  sections.push(`## Results by question type\n\n${renderMarkdown(report)}`);
  if (context.gate) sections.push(gateSection(context.gate));
  if (result.baselines) {
    sections.push(
      [
        '## Baselines',
        '',
        'Overall, per configuration (retrieval mode · embedder):',
        '',
        renderBaselineTable(result.baselines.results, result.baselines.unavailable),
        `hit@${report.k} per question type:`,
        '',
        renderBaselineTypeTable(result.baselines.results),
      ].join('\n'),
    );
  }
  if (result.calibration) {
    sections.push(
      [
        '## Calibration',
        '',
        '### Abstain threshold of the extractive answerer',
        '',
        'Each question is answered with the threshold off (0) and at infinity, and scored by its evidence (the best',
        "sentence's score, `evidenceScore`): at a threshold t a question the threshold decides is abstained on when its",
        'evidence is below t, otherwise it keeps its answer. Outcomes: an answerable question answered with a gold',
        'citation is correct, answered without one a wrong answer, abstained on a false abstain; an unanswerable',
        'question abstained on is correct, answered a missed abstain.',
        '',
        renderAbstainCalibration(result.calibration.abstain),
        '### Support threshold of the support checker',
        '',
        'Positives stand in for statements an LLM would write from a gold unit: the question restated with the',
        'must-mention phrases that unit contains, scored against that unit. Each is also scored against a random',
        'non-gold unit and against the best-ranked non-gold unit of the question (the plausible wrong citation).',
        'Follow-ups are left out (their question names no topic). The extractive answerer quotes whole sentences,',
        'which the checker always accepts, so this threshold matters for LLM answers.',
        '',
        renderSupportCalibration(result.calibration.support),
      ].join('\n'),
    );
  }
  return sections.join('\n');
}
