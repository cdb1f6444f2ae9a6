// Test fixture: the evaluation pipeline over the bundled corpus with the offline embedder, built before the tests of
// a file (or describe block) and removed after them.
import { afterAll, beforeAll } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../../analysis/index.ts';
import { createOfflineEmbedder } from '../../embed/index.ts';
import { DEFAULT_CORPUS_DIR } from '../../paths.ts';
import { buildEvalPipeline, type EvalPipeline } from '../pipeline.ts';

export interface OfflinePipeline {
  pipeline: EvalPipeline;
  analyzer: Analyzer;
}

/** Registers the hooks where it is called; the returned function gives the pipeline while the tests run. */
export function useOfflinePipeline(): () => OfflinePipeline {
  let built: OfflinePipeline | undefined;
  beforeAll(async () => {
    const analyzer = await createGermanAnalyzer();
    const pipeline = await buildEvalPipeline({
      corpusDir: DEFAULT_CORPUS_DIR,
      embedder: await createOfflineEmbedder({ analyzer }),
      analyzer,
    });
    built = { pipeline, analyzer };
  }, 60_000);
  afterAll(() => built?.pipeline.dispose());
  return () => {
    if (built === undefined) throw new Error('the offline pipeline exists only while the tests run');
    return built;
  };
}
