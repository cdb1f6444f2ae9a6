// `beschluss eval [--set FILE] [--json] [--url URL] [--baselines] [--calibrate] [--write-report]`: runs the evaluation
// set through the pipeline (in process over a temporary index, or against a running server) and prints its metrics.
import { access } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config.ts';
import type { FetchFunction } from '../../eval/http-target.ts';
import type { ReportContext } from '../../eval/report-document.ts';
import type { SuiteResult } from '../../eval/suite.ts';
import { createLogger } from '../../logger.ts';
import { EVAL_DIR, PROJECT_ROOT } from '../../paths.ts';
import { type CliCommand, type CommandContext, EXIT } from '../command.ts';

export interface EvalCommandOptions {
  /** Environment the configuration is read from (default process.env). */
  environment?: Record<string, string | undefined>;
  /** Default set (default eval/qa.jsonl). */
  defaultSetFile?: string;
  /** Where --write-report writes (default eval/REPORT.md). */
  reportFile?: string;
  /** The gate's thresholds shown in the report (default eval/thresholds.json; skipped when missing). */
  thresholdsFile?: string;
  /** HTTP client of --url (default the global fetch). */
  fetch?: FetchFunction;
  /** Clock of the report's date (default now). */
  now?: () => Date;
}

const flagsSchema = z
  .strictObject({
    set: z.string().trim().min(1, 'expected --set to name a JSON Lines file').optional(),
    json: z.boolean().default(false),
    url: z.url({ protocol: /^https?$/, error: 'expected --url like http://127.0.0.1:3000' }).optional(),
    baselines: z.boolean().default(false),
    calibrate: z.boolean().default(false),
    writeReport: z.boolean().default(false),
  })
  .superRefine((flags, context) => {
    if (flags.url === undefined) return;
    for (const flag of ['baselines', 'calibrate'] as const) {
      if (flags[flag]) {
        context.addIssue({
          code: 'custom',
          path: [flag],
          message: `--${flag} needs the in-process pipeline (other retrieval modes, evidence scores); drop --url`,
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

function commandLine(flags: Flags, setFile: string, environment: Record<string, string | undefined>): string {
  const parts = ['beschluss eval'];
  if (flags.set !== undefined) parts.push(`--set ${shown(setFile)}`);
  if (flags.url !== undefined) parts.push(`--url ${flags.url}`);
  if (flags.baselines) parts.push('--baselines');
  if (flags.calibrate) parts.push('--calibrate');
  if (flags.writeReport) parts.push('--write-report');
  if (flags.json) parts.push('--json');
  const line = `npx ${parts.join(' ')}`;
  return environment.npm_lifecycle_event === 'eval' ? `npm run eval (${line})` : line;
}

async function exists(file: string): Promise<boolean> {
  return access(file).then(
    () => true,
    () => false,
  );
}

function jsonOf(result: SuiteResult, context: ReportContext) {
  return {
    generatedAt: context.generatedAt.toISOString(),
    command: context.command,
    set: context.setFile,
    target: result.target,
    embedder: result.embedder,
    ...(context.embedderNote ? { embedderFallback: context.embedderNote } : {}),
    report: result.run.report,
    ...(context.gate ? { gate: context.gate } : {}),
    ...(result.baselines
      ? {
          baselines: {
            results: result.baselines.results.map(({ mode, embedder, report }) => ({
              mode,
              embedder,
              overall: report.overall,
              byType: report.byType,
            })),
            unavailable: result.baselines.unavailable,
          },
        }
      : {}),
    ...(result.calibration ? { calibration: result.calibration } : {}),
  };
}

async function runEval(
  rawFlags: Record<string, unknown>,
  command: Command,
  context: CommandContext,
  options: EvalCommandOptions,
): Promise<void> {
  const parsed = flagsSchema.safeParse(rawFlags);
  if (!parsed.success) {
    command.error(`eval: ${z.prettifyError(parsed.error)}`, {
      exitCode: EXIT.usage,
      code: 'beschluss.usage',
    });
    return;
  }
  const flags = parsed.data;
  const environment = options.environment ?? process.env;
  const config = loadConfig(environment);
  const setFile = flags.set
    ? path.resolve(flags.set)
    : (options.defaultSetFile ?? path.join(EVAL_DIR, 'qa.jsonl'));
  const reportFile = options.reportFile ?? path.join(EVAL_DIR, 'REPORT.md');
  const thresholdsFile = options.thresholdsFile ?? path.join(EVAL_DIR, 'thresholds.json');
  const progress = (message: string) => context.stderr(`eval: ${message}\n`);
  const logger = createLogger({
    level: environment.LOG_LEVEL ? config.LOG_LEVEL : 'warn',
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
  const entries = await readQaSet(setFile);
  const analyzer = await createGermanAnalyzer();
  const reportContext: ReportContext = {
    generatedAt: (options.now ?? (() => new Date()))(),
    command: commandLine(flags, setFile, environment),
    setFile: shown(setFile),
  };

  let result: SuiteResult;
  if (flags.url !== undefined) {
    result = await suite.runHttpSuite({
      entries,
      file: shown(setFile),
      baseUrl: flags.url,
      analyzer,
      onProgress: progress,
      ...(config.BESCHLUSS_API_KEY ? { apiKey: config.BESCHLUSS_API_KEY } : {}),
      ...(options.fetch ? { fetch: options.fetch } : {}),
    });
  } else {
    const [{ chooseEmbedder }, { baselineEmbedders }] = await Promise.all([
      import('../../assistant/choose-embedder.ts'),
      import('../../eval/baseline-embedders.ts'),
    ]);
    const { embedder, fallbackReason } = await chooseEmbedder({ config, logger, analyzer, environment });
    if (fallbackReason !== undefined) reportContext.embedderNote = fallbackReason;
    reportContext.corpus = shown(config.CORPUS_DIR);
    const baselines = flags.baselines
      ? await baselineEmbedders({ analyzer, environment, logger, main: embedder })
      : undefined;
    result = await suite.runInProcessSuite({
      entries,
      file: shown(setFile),
      corpusDir: config.CORPUS_DIR,
      analyzer,
      embedder,
      calibrate: flags.calibrate,
      onProgress: progress,
      ...(baselines ? { baselines } : {}),
    });
  }

  if (await exists(thresholdsFile)) {
    const gate = await thresholds.readThresholds(thresholdsFile);
    reportContext.gate = thresholds.embedderMatches(gate, result.embedder)
      ? { file: shown(thresholdsFile), checks: thresholds.checkThresholds(result.run.report, gate) }
      : {
          file: shown(thresholdsFile),
          skipped: `the thresholds were measured with ${gate.embedder}; this run used ${result.embedder}.`,
        };
  }

  context.stdout(
    flags.json
      ? `${JSON.stringify(jsonOf(result, reportContext), null, 2)}\n`
      : renderReportDocument(result, reportContext, { document: false }),
  );
  if (flags.writeReport) {
    const { writeFileAtomic } = await import('../../index/atomic-file.ts');
    await writeFileAtomic(reportFile, renderReportDocument(result, reportContext));
    progress(`wrote ${shown(reportFile)}`);
  }
}

export function createEvalCommand(options: EvalCommandOptions = {}): CliCommand {
  return {
    name: 'eval',
    register(program: Command, context: CommandContext) {
      program
        .command('eval')
        .description('run the evaluation set and print retrieval, citation and abstention metrics')
        .option('--set <file>', 'evaluation set (JSON Lines; default eval/qa.jsonl)')
        .option('--json', 'print the machine-readable report')
        .option(
          '--url <url>',
          'evaluate a running server (POST /api/ask, GET /api/search) instead of in process',
        )
        .option(
          '--baselines',
          'also run lexical-only, vector-only and hybrid retrieval for each available embedder',
        )
        .option('--calibrate', 'sweep the abstain and support thresholds and recommend values')
        .option('--write-report', 'also write eval/REPORT.md')
        .action((flags: Record<string, unknown>, command: Command) =>
          runEval(flags, command, context, options),
        );
    },
  };
}

export const evalCommand: CliCommand = createEvalCommand();
