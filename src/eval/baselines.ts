// Baselines in the same run: lexical only, vector only and hybrid retrieval, for every embedder that is available.
import type { Analyzer } from '../analysis/index.ts';
import type { SearchState } from '../assistant/search-state.ts';
import type { RetrievalMode } from '../retrieve/types.ts';
import type { EvalReport } from './aggregate.ts';
import { createInProcessTarget } from './in-process-target.ts';
import type { QaEntry } from './qa-set.ts';
import { runEvaluation } from './run-eval.ts';

export interface BaselinePipeline {
  /** embedderId() of the embedder the index was built with. */
  embedder: string;
  state: SearchState;
}

/** An embedder the baselines could not use, and why. */
export interface UnavailableEmbedder {
  provider: string;
  reason: string;
}

export interface BaselineResult {
  mode: RetrievalMode;
  /** The embedder of the vector part; null for lexical only, which uses none. */
  embedder: string | null;
  report: EvalReport;
}

export interface RunBaselinesOptions {
  entries: readonly QaEntry[];
  file: string;
  /** One pipeline per available embedder; the first also serves the lexical-only row. */
  pipelines: readonly BaselinePipeline[];
  analyzer: Analyzer;
  k?: number;
}

/** Lexical only once (it does not depend on the embedder), then vector only and hybrid for each embedder. */
export async function runBaselines(options: RunBaselinesOptions): Promise<BaselineResult[]> {
  const { entries, file, pipelines, analyzer, k = 5 } = options;
  const configurations: Array<{ mode: RetrievalMode; pipeline: BaselinePipeline; embedder: string | null }> =
    [];
  const [first] = pipelines;
  if (first) configurations.push({ mode: 'lexical', pipeline: first, embedder: null });
  for (const pipeline of pipelines) {
    configurations.push({ mode: 'vector', pipeline, embedder: pipeline.embedder });
    configurations.push({ mode: 'hybrid', pipeline, embedder: pipeline.embedder });
  }
  const results: BaselineResult[] = [];
  for (const { mode, pipeline, embedder } of configurations) {
    const target = createInProcessTarget({ state: pipeline.state, analyzer, mode });
    const { report } = await runEvaluation({ entries, target, file, k });
    results.push({ mode, embedder, report });
  }
  return results;
}
