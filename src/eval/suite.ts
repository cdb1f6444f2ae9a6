// The evaluation suite end to end: in process (temporary index, main run, baselines, calibration) or against a server.
import type { Analyzer } from '../analysis/index.ts';
import { type Embedder, embedderId } from '../embed/types.ts';
import type { BuildReport } from '../index/build-index.ts';
import { type BaselineResult, runBaselines, type UnavailableEmbedder } from './baselines.ts';
import { type CalibrationResult, runCalibration } from './calibration-run.ts';
import { connectHttpTarget, type FetchFunction } from './http-target.ts';
import { createInProcessTarget } from './in-process-target.ts';
import { buildEvalPipeline, type EvalPipeline } from './pipeline.ts';
import type { QaEntry } from './qa-set.ts';
import { type EvalRun, runEvaluation } from './run-eval.ts';

export interface SuiteResult {
  /** What was evaluated: "in-process, hybrid" or "server <url>". */
  target: string;
  /** embedderId() of the main run's embedder. */
  embedder: string;
  run: EvalRun;
  /** The temporary index of an in-process run. */
  build?: BuildReport;
  baselines?: { results: BaselineResult[]; unavailable: UnavailableEmbedder[] };
  calibration?: CalibrationResult;
}

export interface InProcessSuiteOptions {
  entries: readonly QaEntry[];
  /** The set's file name, for messages and the report. */
  file: string;
  corpusDir: string;
  analyzer: Analyzer;
  /** The main run's embedder. */
  embedder: Embedder;
  /** Run the baselines with these embedders (the main one is used once even when listed again). */
  baselines?: { embedders: readonly Embedder[]; unavailable: readonly UnavailableEmbedder[] };
  calibrate?: boolean;
  k?: number;
  /** Parent of the temporary index folders, removed after the run (default the system temp folder). */
  temporaryDirectory?: string;
  /** Progress messages ("building the index with …"). */
  onProgress?: (message: string) => void;
}

export async function runInProcessSuite(options: InProcessSuiteOptions): Promise<SuiteResult> {
  const { entries, file, corpusDir, analyzer, embedder, k = 5, onProgress } = options;
  const pipelines: EvalPipeline[] = [];
  const build = async (candidate: Embedder) => {
    onProgress?.(`building a temporary index of ${corpusDir} with ${embedderId(candidate)}`);
    const pipeline = await buildEvalPipeline({
      corpusDir,
      embedder: candidate,
      analyzer,
      ...(options.temporaryDirectory === undefined ? {} : { temporaryDirectory: options.temporaryDirectory }),
    });
    pipelines.push(pipeline);
    return pipeline;
  };
  try {
    const main = await build(embedder);
    const target = createInProcessTarget({ state: main.state, analyzer });
    onProgress?.(`running ${entries.length} questions (${target.description})`);
    const run = await runEvaluation({ entries, target, file, k });
    const result: SuiteResult = {
      target: target.description,
      embedder: main.embedder,
      run,
      build: main.build,
    };
    if (options.baselines) {
      const baselinePipelines = [main];
      for (const candidate of options.baselines.embedders) {
        if (baselinePipelines.some((pipeline) => pipeline.embedder === embedderId(candidate))) continue;
        baselinePipelines.push(await build(candidate));
      }
      onProgress?.(`running the baselines (${baselinePipelines.length} embedder(s))`);
      const results = await runBaselines({ entries, file, pipelines: baselinePipelines, analyzer, k });
      result.baselines = { results, unavailable: [...options.baselines.unavailable] };
    }
    if (options.calibrate) {
      onProgress?.('calibrating the abstain and support thresholds');
      result.calibration = await runCalibration({ state: main.state, analyzer, run, k });
    }
    return result;
  } finally {
    await Promise.all(pipelines.map((pipeline) => pipeline.dispose()));
  }
}

export interface HttpSuiteOptions {
  entries: readonly QaEntry[];
  file: string;
  baseUrl: string;
  analyzer: Analyzer;
  apiKey?: string;
  fetch?: FetchFunction;
  k?: number;
  onProgress?: (message: string) => void;
}

export async function runHttpSuite(options: HttpSuiteOptions): Promise<SuiteResult> {
  const { entries, file, baseUrl, analyzer, k = 5, onProgress } = options;
  onProgress?.(`connecting to ${baseUrl}`);
  const target = await connectHttpTarget({
    baseUrl,
    analyzer,
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  onProgress?.(`running ${entries.length} questions (${target.description})`);
  const run = await runEvaluation({ entries, target, file, k });
  return { target: target.description, embedder: target.embedder, run };
}
