// The real pipeline for an in-process evaluation: a corpus built into a temporary index and opened as a search state.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Analyzer } from '../analysis/index.ts';
import type { AbstentionModel } from '../answer/index.ts';
import { openSearchState, type SearchState } from '../assistant/index.ts';
import { type Embedder, embedderId } from '../embed/types.ts';
import { type BuildReport, buildIndex, type IndexStore } from '../index/index.ts';

export interface EvalPipeline {
  state: SearchState;
  /** embedderId() of the embedder the index was built with. */
  embedder: string;
  build: BuildReport;
  /** Removes the temporary index. */
  dispose(): Promise<void>;
}

export interface BuildEvalPipelineOptions {
  corpusDir: string;
  embedder: Embedder;
  analyzer: Analyzer;
  /** Parent of the temporary index folder (default the system temp folder). */
  temporaryDirectory?: string;
  /** The answer/abstain model (default: the fitted one of data/answer/abstention.json). */
  abstention?: AbstentionModel;
  /** Build into this store (e.g. a PostgreSQL database of its own) instead of a temporary folder. */
  store?: IndexStore;
}

/**
 * Builds the index into a fresh temporary folder, never the user's index/: the evaluation must measure the corpus
 * and code as they are now, whatever state a served index is in, and must not disturb a running server.
 */
export async function buildEvalPipeline(options: BuildEvalPipelineOptions): Promise<EvalPipeline> {
  const { corpusDir, embedder, analyzer, store } = options;
  const indexDir = store
    ? undefined
    : await mkdtemp(path.join(options.temporaryDirectory ?? os.tmpdir(), 'beschluss-eval-'));
  const dispose = async () => {
    if (indexDir !== undefined) await rm(indexDir, { recursive: true, force: true });
  };
  try {
    const { index, report } = await buildIndex({
      corpusDir,
      ...(store ? { store } : { indexDir }),
      embedder,
      analyzer,
    });
    return {
      state: await openSearchState(index, {
        analyzer,
        embedder,
        ...(options.abstention ? { abstention: options.abstention } : {}),
      }),
      embedder: embedderId(embedder),
      build: report,
      dispose,
    };
  } catch (error) {
    await dispose();
    throw error;
  }
}
