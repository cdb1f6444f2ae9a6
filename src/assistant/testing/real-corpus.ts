// Test fixture: the bundled corpus built into a temporary index with the offline embedder, opened as a search
// state — the real pipeline, shared by the tests of one file (build once in beforeAll).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Analyzer, createGermanAnalyzer } from '../../analysis/index.ts';
import { createOfflineEmbedder } from '../../embed/offline.ts';
import type { Embedder } from '../../embed/types.ts';
import { buildIndex } from '../../index/build-index.ts';
import { DEFAULT_CORPUS_DIR } from '../../paths.ts';
import { openSearchState, type SearchState } from '../search-state.ts';

export interface RealCorpus {
  state: SearchState;
  /** The index's analyzer: the bundled lexicon with the acronyms the corpus defines. */
  analyzer: Analyzer;
  /** The offline embedder over that analyzer. */
  embedder: Embedder;
  indexDir: string;
  /** Removes the temporary index folder. */
  dispose(): Promise<void>;
}

export async function buildRealCorpus(options: { corpusDir?: string } = {}): Promise<RealCorpus> {
  const indexDir = await mkdtemp(path.join(os.tmpdir(), 'beschluss-test-index-'));
  const analyzer = await createGermanAnalyzer();
  const embedder = await createOfflineEmbedder({ analyzer });
  const { index } = await buildIndex({
    corpusDir: options.corpusDir ?? DEFAULT_CORPUS_DIR,
    indexDir,
    embedder,
    analyzer,
  });
  const state = openSearchState(index, { analyzer, embedder });
  return {
    state,
    analyzer: state.analyzer,
    embedder: state.embedder,
    indexDir,
    dispose: () => rm(indexDir, { recursive: true, force: true }),
  };
}
