// The evaluation suite end to end: every set with every embedder in process (one temporary index per embedder,
// baselines, calibration on the tuning set only), or every set against a running server.
import type { Analyzer } from '../analysis/index.ts';
import { type Embedder, embedderId } from '../embed/types.ts';
import { BeschlussError } from '../errors.ts';
import type { BuildReport, IndexStore } from '../index/index.ts';
import { type BaselineResult, runBaselines } from './baselines.ts';
import { type CalibrationResult, runCalibration } from './calibration-run.ts';
import { connectHttpTarget, type FetchFunction } from './http-target.ts';
import { createInProcessTarget } from './in-process-target.ts';
import { buildEvalPipeline, type EvalPipeline } from './pipeline.ts';
import { countByType, type QaEntry, type QaType } from './qa-set.ts';
import { collectReliability, type Reliability } from './reliability.ts';
import { type EvalRun, runEvaluation } from './run-eval.ts';

/** One evaluation set of a run. */
export interface EvalSet {
  /** Short name for the report: "dev", "held-out", or the file's base name. */
  name: string;
  /** The file as readers should see it (relative to the project). */
  file: string;
  entries: readonly QaEntry[];
  /** Reported only: never tuned or calibrated on. */
  heldOut: boolean;
}

/** One set run with one embedder: the hybrid run, and the lexical-only and vector-only baselines when asked. */
export interface SetRun {
  /** EvalSet.name. */
  set: string;
  /** embedderId() of the index the run used. */
  embedder: string;
  run: EvalRun;
  baselines?: BaselineResult[];
  /** How well the answer/abstain model's probabilities match what happened (in-process runs only). */
  reliability?: Reliability;
}

export interface SuiteResult {
  /** What was evaluated: "in-process, hybrid" or "server <url>". */
  target: string;
  sets: ReadonlyArray<Omit<EvalSet, 'entries'> & { questions: number; counts: Record<QaType, number> }>;
  /** The embedders in run order (embedderId()), with the temporary index each one built in process. */
  embedders: Array<{ id: string; build?: BuildReport }>;
  /** Every set with every embedder: embedders in order, and per embedder the sets in order. */
  runs: SetRun[];
  /** Threshold calibration, on the first set that is not held out, with the first embedder. */
  calibration?: { set: string; embedder: string; result: CalibrationResult };
}

export interface InProcessSuiteOptions {
  sets: readonly EvalSet[];
  corpusDir: string;
  analyzer: Analyzer;
  /** Each embedder builds one temporary index that every set runs on; an embedder listed twice runs once. */
  embedders: readonly Embedder[];
  /** Also run lexical-only and vector-only retrieval for every set and embedder. */
  baselines?: boolean;
  /** Calibrate the thresholds on the first set that is not held out, with the first embedder. */
  calibrate?: boolean;
  k?: number;
  /** Parent of the temporary index folders, removed after the run (default the system temp folder). */
  temporaryDirectory?: string;
  /** Progress messages ("building the index with …"). */
  onProgress?: (message: string) => void;
  /** Where each embedder's index is built (default a temporary folder): e.g. a PostgreSQL database of its own. */
  createStore?: () => Promise<IndexStore>;
}

function summary(sets: readonly EvalSet[]): SuiteResult['sets'] {
  return sets.map(({ entries, ...set }) => ({
    ...set,
    questions: entries.length,
    counts: countByType(entries),
  }));
}

/** The set the thresholds are calibrated on: never a held-out one. */
export function tuningSet(sets: readonly EvalSet[]): EvalSet {
  const set = sets.find((candidate) => !candidate.heldOut);
  if (set === undefined) {
    throw new BeschlussError(
      'INVALID_REQUEST',
      `calibration needs a set that is not held out; received only ${sets.map((item) => item.file).join(', ')} ` +
        '(held-out questions are reported, never tuned on)',
      { details: { sets: sets.map((item) => item.file) } },
    );
  }
  return set;
}

export async function runInProcessSuite(options: InProcessSuiteOptions): Promise<SuiteResult> {
  const { sets, corpusDir, analyzer, k = 5, onProgress } = options;
  if (sets.length === 0 || options.embedders.length === 0) {
    throw new BeschlussError('INVALID_REQUEST', 'an evaluation needs at least one set and one embedder');
  }
  const calibrateOn = options.calibrate ? tuningSet(sets) : undefined;
  const embedders = options.embedders.filter(
    (embedder, index, all) => all.findIndex((other) => embedderId(other) === embedderId(embedder)) === index,
  );
  const result: SuiteResult = { target: 'in-process, hybrid', sets: summary(sets), embedders: [], runs: [] };
  for (const embedder of embedders) {
    onProgress?.(`building a temporary index of ${corpusDir} with ${embedderId(embedder)}`);
    const pipeline: EvalPipeline = await buildEvalPipeline({
      corpusDir,
      embedder,
      analyzer,
      ...(options.temporaryDirectory === undefined ? {} : { temporaryDirectory: options.temporaryDirectory }),
      ...(options.createStore ? { store: await options.createStore() } : {}),
    });
    try {
      result.embedders.push({ id: pipeline.embedder, build: pipeline.build });
      const target = createInProcessTarget({ state: pipeline.state });
      for (const set of sets) {
        onProgress?.(`${set.name}: running ${set.entries.length} questions with ${pipeline.embedder}`);
        const run = await runEvaluation({ entries: set.entries, target, file: set.file, k });
        const setRun: SetRun = {
          set: set.name,
          embedder: pipeline.embedder,
          run,
          reliability: await collectReliability(pipeline.state.extractive, set.entries, k),
        };
        if (options.baselines) {
          onProgress?.(`${set.name}: lexical-only and vector-only baselines`);
          setRun.baselines = await runBaselines({
            entries: set.entries,
            file: set.file,
            pipeline,
            k,
          });
        }
        result.runs.push(setRun);
        if (set === calibrateOn && result.calibration === undefined) {
          onProgress?.(`${set.name}: calibrating the abstain and support thresholds`);
          result.calibration = {
            set: set.name,
            embedder: pipeline.embedder,
            result: await runCalibration({ state: pipeline.state, run, k }),
          };
        }
      }
    } finally {
      await pipeline.dispose();
    }
  }
  return result;
}

export interface HttpSuiteOptions {
  sets: readonly EvalSet[];
  baseUrl: string;
  analyzer: Analyzer;
  apiKey?: string;
  fetch?: FetchFunction;
  k?: number;
  onProgress?: (message: string) => void;
}

export async function runHttpSuite(options: HttpSuiteOptions): Promise<SuiteResult> {
  const { sets, baseUrl, analyzer, k = 5, onProgress } = options;
  onProgress?.(`connecting to ${baseUrl}`);
  const target = await connectHttpTarget({
    baseUrl,
    analyzer,
    ...(options.apiKey === undefined ? {} : { apiKey: options.apiKey }),
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  const runs: SetRun[] = [];
  for (const set of sets) {
    onProgress?.(`${set.name}: running ${set.entries.length} questions (${target.description})`);
    const run = await runEvaluation({ entries: set.entries, target, file: set.file, k });
    runs.push({ set: set.name, embedder: target.embedder, run });
  }
  return { target: target.description, sets: summary(sets), embedders: [{ id: target.embedder }], runs };
}
