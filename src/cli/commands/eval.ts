// `beschluss eval [--set FILE] [--embedders LIST] [--json] [--url URL] [--baselines] [--calibrate] [--write-report]`:
// runs the dev and held-out sets (or one set) through the pipeline — in process over one temporary index per
// embedder, or against a running server — and prints their metrics side by side.
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config.ts';
import { EMBEDDER_KINDS } from '../../embed/index.ts';
import type { Embedder } from '../../embed/types.ts';
import type { EvalSet, FetchFunction, GateSection, ReportContext, SuiteResult } from '../../eval/index.ts';
import { createLogger } from '../../logger.ts';
import { EVAL_DIR, PROJECT_ROOT } from '../../paths.ts';
import { type CliCommand, type CommandContext, defineCommand, parseFlags, usageError } from '../command.ts';

export interface EvalCommandOptions {
  /** Environment the configuration is read from (default process.env). */
  environment?: Record<string, string | undefined>;
  /** The tuning set run when --set is not given (default eval/dev.jsonl). */
  devFile?: string;
  /** The held-out set run when --set is not given (default eval/heldout.jsonl): reported only, never calibrated on. */
  heldOutFile?: string;
  /** Where --write-report writes (default eval/REPORT.md). */
  reportFile?: string;
  /** The gate's thresholds shown in the report (default eval/thresholds.json; skipped when missing). */
  thresholdsFile?: string;
  /** HTTP client of --url (default the global fetch). */
  fetch?: FetchFunction;
  /** Clock of the report's date (default now). */
  now?: () => Date;
}

const embedderList = z
  .string()
  .transform((value) =>
    value
      .split(',')
      .map((kind) => kind.trim())
      .filter(Boolean),
  )
  .pipe(
    z
      .array(z.enum(EMBEDDER_KINDS, { error: `expected --embedders from ${EMBEDDER_KINDS.join(', ')}` }))
      .min(1, 'expected --embedders to name at least one embedder')
      .refine(
        (kinds) => new Set(kinds).size === kinds.length,
        'expected --embedders to name each embedder once',
      ),
  );

const flagsSchema = z
  .strictObject({
    set: z.string().trim().min(1, 'expected --set to name a JSON Lines file').optional(),
    embedders: embedderList.optional(),
    json: z.boolean().default(false),
    url: z.url({ protocol: /^https?$/, error: 'expected --url like http://127.0.0.1:3000' }).optional(),
    baselines: z.boolean().default(false),
    calibrate: z.boolean().default(false),
    writeReport: z.boolean().default(false),
  })
  .superRefine((flags, context) => {
    if (flags.url === undefined) return;
    for (const flag of ['baselines', 'calibrate', 'embedders'] as const) {
      if (flags[flag]) {
        context.addIssue({
          code: 'custom',
          path: [flag],
          message: `--${flag} needs the in-process pipeline (its own index, retrieval modes, evidence scores); drop --url`,
        });
      }
    }
  });

type Flags = z.infer<typeof flagsSchema>;

/** A path as readers of the report should see it: relative to the project when inside it. */
function shown(file: string): string {
  const relative = path.relative(PROJECT_ROOT, file);
  return relative.startsWith('..') || path.isAbsolute(relative) ? file : relative;
}

function commandLine(flags: Flags, npmScript: string | undefined): string {
  const parts = ['beschluss eval'];
  if (flags.set !== undefined) parts.push(`--set ${shown(path.resolve(flags.set))}`);
  if (flags.embedders !== undefined) parts.push(`--embedders ${flags.embedders.join(',')}`);
  if (flags.url !== undefined) parts.push(`--url ${flags.url}`);
  if (flags.baselines) parts.push('--baselines');
  if (flags.calibrate) parts.push('--calibrate');
  if (flags.writeReport) parts.push('--write-report');
  if (flags.json) parts.push('--json');
  const line = `npx ${parts.join(' ')}`;
  return npmScript === 'eval' ? `npm run eval (${line})` : line;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

/** The sets to run: dev and held-out, or the one --set names (held out when it is the held-out file). */
function setFiles(
  flags: Flags,
  devFile: string,
  heldOutFile: string,
): Array<{ name: string; file: string; heldOut: boolean }> {
  if (flags.set === undefined) {
    return [
      { name: 'dev', file: devFile, heldOut: false },
      { name: 'held-out', file: heldOutFile, heldOut: true },
    ];
  }
  const file = path.resolve(flags.set);
  if (file === path.resolve(heldOutFile)) return [{ name: 'held-out', file, heldOut: true }];
  if (file === path.resolve(devFile)) return [{ name: 'dev', file, heldOut: false }];
  return [{ name: path.basename(file).replace(/\.jsonl?$/i, ''), file, heldOut: false }];
}

function jsonOf(result: SuiteResult, context: ReportContext) {
  return {
    generatedAt: context.generatedAt.toISOString(),
    command: context.command,
    target: result.target,
    ...(context.corpus ? { corpus: context.corpus } : {}),
    sets: result.sets,
    embedders: result.embedders.map((embedder) => ({
      ...embedder,
      ...(context.embedderNotes?.[embedder.id] ? { fallback: context.embedderNotes[embedder.id] } : {}),
    })),
    runs: result.runs.map(({ set, embedder, run, baselines }) => ({
      set,
      embedder,
      report: run.report,
      ...(baselines
        ? {
            baselines: baselines.map(({ mode, embedder: baselineEmbedder, report }) => ({
              mode,
              embedder: baselineEmbedder,
              overall: report.overall,
              byType: report.byType,
              slices: report.slices,
            })),
          }
        : {}),
    })),
    ...(result.calibration ? { calibration: result.calibration } : {}),
    ...(context.gate ? { gate: context.gate } : {}),
  };
}

async function runEval(
  rawFlags: Record<string, unknown>,
  command: Command,
  context: CommandContext,
  options: EvalCommandOptions,
): Promise<void> {
  const flags = parseFlags(flagsSchema, rawFlags, command);
  const config = loadConfig(options.environment);
  const devFile = options.devFile ?? path.join(EVAL_DIR, 'dev.jsonl');
  const heldOutFile = options.heldOutFile ?? path.join(EVAL_DIR, 'heldout.jsonl');
  const files = setFiles(flags, devFile, heldOutFile);
  if (flags.calibrate && files.every((file) => file.heldOut)) {
    usageError(
      command,
      `--calibrate never tunes on the held-out set (${shown(heldOutFile)}); calibrate on dev`,
    );
  }
  const reportFile = options.reportFile ?? path.join(EVAL_DIR, 'REPORT.md');
  const thresholdsFile = options.thresholdsFile ?? path.join(EVAL_DIR, 'thresholds.json');
  const progress = (message: string) => context.stderr(`eval: ${message}\n`);
  const logger = createLogger({
    level: config.LOG_LEVEL ?? 'warn',
    pretty: true,
    write: context.stderr,
  });

  // Loaded on use: the pipeline pulls in the analyzer, the index and the embedders.
  const [{ readQaSet }, { createGermanAnalyzer }, suite, { renderReportDocument }, thresholds] =
    await Promise.all([
      import('../../eval/qa-set.ts'),
      import('../../analysis/index.ts'),
      import('../../eval/suite.ts'),
      import('../../eval/report-document.ts'),
      import('../../eval/thresholds.ts'),
    ]);
  const sets: EvalSet[] = [];
  for (const file of files) {
    sets.push({ ...file, file: shown(file.file), entries: await readQaSet(file.file) });
  }
  const analyzer = await createGermanAnalyzer();
  const reportContext: ReportContext = {
    generatedAt: (options.now ?? (() => new Date()))(),
    command: commandLine(flags, config.npm_lifecycle_event),
  };

  let result: SuiteResult;
  if (flags.url !== undefined) {
    result = await suite.runHttpSuite({
      sets,
      baseUrl: flags.url,
      analyzer,
      onProgress: progress,
      ...(config.BESCHLUSS_API_KEY ? { apiKey: config.BESCHLUSS_API_KEY } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  } else {
    const [{ chooseEmbedder }, { embedderId }] = await Promise.all([
      import('../../assistant/choose-embedder.ts'),
      import('../../embed/types.ts'),
    ]);
    const embedders: Embedder[] = [];
    const notes: Record<string, string> = {};
    for (const kind of flags.embedders ?? [config.EMBEDDER]) {
      const { embedder, fallbackReason } = await chooseEmbedder({
        config: { ...config, EMBEDDER: kind },
        logger,
        analyzer,
      });
      embedders.push(embedder);
      if (fallbackReason !== undefined) notes[embedderId(embedder)] = fallbackReason;
    }
    if (Object.keys(notes).length > 0) reportContext.embedderNotes = notes;
    reportContext.corpus = shown(config.CORPUS_DIR);
    result = await suite.runInProcessSuite({
      sets,
      corpusDir: config.CORPUS_DIR,
      analyzer,
      embedders,
      baselines: flags.baselines,
      calibrate: flags.calibrate,
      onProgress: progress,
    });
  }

  if (await exists(thresholdsFile)) {
    const gate = await thresholds.readThresholds(thresholdsFile);
    const setFile = path.resolve(PROJECT_ROOT, gate.set);
    const setName = sets.find((set) => path.resolve(PROJECT_ROOT, set.file) === setFile)?.name;
    const run = result.runs.find(
      (candidate) => candidate.set === setName && thresholds.embedderMatches(gate, candidate.embedder),
    );
    const section: GateSection =
      run === undefined
        ? {
            file: shown(thresholdsFile),
            skipped: `the thresholds are for ${gate.set} with ${gate.embedder}; this run has no such set and embedder.`,
          }
        : {
            file: shown(thresholdsFile),
            set: run.set,
            embedder: run.embedder,
            checks: thresholds.checkThresholds(run.run.report, gate),
          };
    reportContext.gate = section;
  }

  context.stdout(
    flags.json
      ? `${JSON.stringify(jsonOf(result, reportContext), null, 2)}\n`
      : renderReportDocument(result, reportContext, { document: false }),
  );
  if (flags.writeReport) {
    const { writeFileAtomic } = await import('../../storage/index.ts');
    await writeFileAtomic(reportFile, renderReportDocument(result, reportContext));
    progress(`wrote ${shown(reportFile)}`);
  }
}

export function createEvalCommand(options: EvalCommandOptions = {}): CliCommand {
  return defineCommand('eval', (command, context) => {
    command
      .description(
        'run the dev and held-out sets and print retrieval, citation and abstention metrics side by side',
      )
      .option(
        '--set <file>',
        'run this one set (JSON Lines) instead of eval/dev.jsonl and eval/heldout.jsonl',
      )
      .option(
        '--embedders <list>',
        `comma-separated embedders to run every set with, one temporary index each (${EMBEDDER_KINDS.join(', ')}; default EMBEDDER)`,
      )
      .option('--json', 'print the machine-readable report')
      .option(
        '--url <url>',
        'evaluate a running server (POST /api/ask, GET /api/search) instead of in process',
      )
      .option('--baselines', 'also run lexical-only and vector-only retrieval for every set and embedder')
      .option(
        '--calibrate',
        'sweep the abstain and support thresholds on the dev set (never held-out) and recommend values',
      )
      .option('--write-report', 'also write eval/REPORT.md')
      .action((flags: Record<string, unknown>) => runEval(flags, command, context, options));
  });
}

export const evalCommand: CliCommand = createEvalCommand();
