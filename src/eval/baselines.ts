// Baselines beside a hybrid run: the same questions with lexical-only and vector-only retrieval on the same index.
import type { SearchState } from '../assistant/index.ts';
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

export interface BaselineResult {
  mode: RetrievalMode;
  /** The embedder of the vector part; null for lexical only, which uses none. */
  embedder: string | null;
  report: EvalReport;
}

export interface RunBaselinesOptions {
  entries: readonly QaEntry[];
  file: string;
  pipeline: BaselinePipeline;
  /** Default lexical and vector: the hybrid run is the main run, not repeated here. */
  modes?: readonly RetrievalMode[];
  k?: number;
}

/** Runs the set once per retrieval mode on one pipeline (retrieval and the answerer both in that mode). */
export async function runBaselines(options: RunBaselinesOptions): Promise<BaselineResult[]> {
  const { entries, file, pipeline, modes = ['lexical', 'vector'], k = 5 } = options;
  const results: BaselineResult[] = [];
  for (const mode of modes) {
    const target = createInProcessTarget({ state: pipeline.state, mode });
    const { report } = await runEvaluation({ entries, target, file, k });
    results.push({ mode, embedder: mode === 'lexical' ? null : pipeline.embedder, report });
  }
  return results;
}
