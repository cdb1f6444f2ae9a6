// The CI gate (npm run eval:gate): runs the held-out set with the embedder eval/thresholds.json names, in process on
// the corpus, checks every threshold and names each one that fails.
import path from 'node:path';
import type { Analyzer } from '../analysis/index.ts';
import { embedderSettingsOf } from '../assistant/index.ts';
import { type Config, loadConfig } from '../config.ts';
import {
  createEmbedder,
  createOfflineEmbedder,
  EMBEDDER_KINDS,
  type EmbedderKind,
  type EmbedderLogger,
} from '../embed/index.ts';
import { type Embedder, embedderId } from '../embed/types.ts';
import { BeschlussError } from '../errors.ts';
import { PROJECT_ROOT } from '../paths.ts';
import type { EvalReport } from './aggregate.ts';
import { readQaSet } from './qa-set.ts';
import { runInProcessSuite } from './suite.ts';
import {
  checkThresholds,
  embedderMatches,
  type GateCheck,
  readThresholds,
  type Thresholds,
} from './thresholds.ts';

/** What to create for a thresholds file's `embedder`: "transformers:Xenova/multilingual-e5-small", "offline" … */
export interface EmbedderRequest {
  kind: Exclude<EmbedderKind, 'auto'>;
  /** The model named after the provider (transformers, openai-compatible); absent for offline or when not named. */
  model?: string;
}

/** Reads "provider" or "provider:model[:…]" (an embedderId() works too); "auto" is refused: the gate is explicit. */
export function embedderRequestOf(spec: string): EmbedderRequest {
  const [kind, model] = spec.split(':');
  const kinds = EMBEDDER_KINDS.filter((candidate) => candidate !== 'auto') as string[];
  if (kind === undefined || !kinds.includes(kind)) {
    throw new BeschlussError(
      'EVAL_SET_INVALID',
      `thresholds name the embedder "${spec}"; expected ${kinds.join(', ')}, optionally followed by ":<model>"`,
      { details: { embedder: spec } },
    );
  }
  const request: EmbedderRequest = { kind: kind as EmbedderRequest['kind'] };
  if (model && kind !== 'offline') request.model = model;
  return request;
}

/**
 * The gate's embedder factory: exactly the kind and model asked for (no "auto" fallback, so a model that does not
 * load fails the gate instead of measuring another embedder), the offline one over the loaded bundled lexicon.
 */
export function createGateEmbedder(options: {
  analyzer: Analyzer;
  logger: EmbedderLogger;
  /** Where the model folder and weights come from (MODEL_DIR, EMBEDDING_DTYPE …); default loadConfig(). */
  config?: Config;
}): (request: EmbedderRequest) => Promise<Embedder> {
  const { analyzer, logger, config = loadConfig() } = options;
  const { model: _model, kind: _kind, ...settings } = embedderSettingsOf(config);
  return async ({ kind, model }) =>
    (
      await createEmbedder({
        ...settings,
        kind,
        ...(model === undefined ? {} : { model }),
        logger,
        createOffline: (offlineOptions) => createOfflineEmbedder({ ...offlineOptions, analyzer }),
      })
    ).embedder;
}

export interface GateOptions {
  /** Default eval/thresholds.json. */
  thresholdsFile: string;
  /** The held-out set; the thresholds must name it (default eval/heldout.jsonl). */
  heldOutFile: string;
  corpusDir: string;
  analyzer: Analyzer;
  /** Creates the embedder the thresholds name; a failure fails the gate (no fallback). */
  createEmbedder: (request: EmbedderRequest) => Promise<Embedder>;
  /** Where the thresholds' relative `set` path starts (default the project root). */
  root?: string;
  temporaryDirectory?: string;
  onProgress?: (message: string) => void;
}

export interface Measurement {
  thresholds: Thresholds;
  /** embedderId() of the run. */
  embedder: string;
  report: EvalReport;
}

/** Runs the held-out set the thresholds name with the embedder they name; refuses any other set. */
export async function measureHeldOut(options: GateOptions): Promise<Measurement> {
  const thresholds = await readThresholds(options.thresholdsFile);
  const setFile = path.resolve(options.root ?? PROJECT_ROOT, thresholds.set);
  if (setFile !== path.resolve(options.heldOutFile)) {
    throw new BeschlussError(
      'EVAL_SET_INVALID',
      `${options.thresholdsFile}: the gate measures the held-out set ${options.heldOutFile}; the thresholds name ` +
        `${thresholds.set}`,
      { details: { file: options.thresholdsFile, expected: options.heldOutFile, received: thresholds.set } },
    );
  }
  const embedder = await options.createEmbedder(embedderRequestOf(thresholds.embedder));
  const result = await runInProcessSuite({
    sets: [{ name: 'held-out', file: thresholds.set, entries: await readQaSet(setFile), heldOut: true }],
    corpusDir: options.corpusDir,
    analyzer: options.analyzer,
    embedders: [embedder],
    ...(options.temporaryDirectory === undefined ? {} : { temporaryDirectory: options.temporaryDirectory }),
    ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  });
  const [run] = result.runs;
  if (run === undefined) throw new BeschlussError('INTERNAL', 'the gate run produced no result');
  return { thresholds, embedder: embedderId(embedder), report: run.run.report };
}

export interface GateResult {
  embedder: string;
  set: string;
  checks: GateCheck[];
  /** Why the gate fails, one line each: an embedder the thresholds were not set with, every failed threshold. */
  failures: string[];
}

const shown = (value: number | null) => (value === null ? 'not measured' : value.toFixed(3));

export function describeCheck(check: GateCheck): string {
  return `${check.scope} ${check.metric} ${check.bound === 'min' ? '≥' : '≤'} ${check.threshold} (measured ${shown(check.measured)})`;
}

/** Measures the held-out set and checks it against every threshold. */
export async function runGate(options: GateOptions): Promise<GateResult> {
  const { thresholds, embedder, report } = await measureHeldOut(options);
  const checks = checkThresholds(report, thresholds);
  const failures = checks.filter((check) => !check.passed).map(describeCheck);
  if (!embedderMatches(thresholds, embedder)) {
    failures.unshift(`the thresholds were measured with ${thresholds.embedder}; this run used ${embedder}`);
  }
  return { embedder, set: thresholds.set, checks, failures };
}

/** The gate's outcome as text: every check on a line, then the failures or that all hold. */
export function formatGate(result: GateResult): string {
  const lines = [
    `eval gate: ${result.set} with ${result.embedder}`,
    ...result.checks.map((check) => `${check.passed ? 'ok  ' : 'FAIL'} ${describeCheck(check)}`),
  ];
  lines.push(
    result.failures.length === 0
      ? `All ${result.checks.length} thresholds hold.`
      : `${result.failures.length} failed:\n${result.failures.map((failure) => `  - ${failure}`).join('\n')}`,
  );
  return `${lines.join('\n')}\n`;
}
