// Test fixture: the bundled corpus built into a temporary index with the offline embedder, opened as a search
// state — the real pipeline, shared by the tests of one file (build once in beforeAll).
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../../analysis/index.ts';
import { createOfflineEmbedder } from '../../embed/index.ts';
import type { Embedder } from '../../embed/types.ts';
import { buildIndex } from '../../index/index.ts';
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
  const state = await openSearchState(index, { analyzer, embedder });
  return {
    state,
    analyzer: state.analyzer,
    embedder: state.embedder,
    indexDir,
    dispose: () => rm(indexDir, { recursive: true, force: true }),
  };
}

/** The bundled corpus and the spring 2021 fixture (imk-2021-06-18) in a temporary corpus folder: two meetings. */
export async function buildTwoMeetingCorpus(): Promise<RealCorpus> {
  const corpusDir = await mkdtemp(path.join(os.tmpdir(), 'beschluss-two-meetings-'));
  await copyFile(
    path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt'),
    path.join(corpusDir, 'imk-2020-12-10.txt'),
  );
  await copyFile(
    path.join(import.meta.dirname, '../../corpus/fixtures/imk-2021-06-18.txt'),
    path.join(corpusDir, 'imk-2021-06-18.txt'),
  );
  const corpus = await buildRealCorpus({ corpusDir });
  return {
    ...corpus,
    dispose: async () => {
      await corpus.dispose();
      await rm(corpusDir, { recursive: true, force: true });
    },
  };
}

/**
 * Builds the corpus (default: the bundled one) before the tests of a file or describe block and removes it after
 * them; the returned function gives it while the tests run.
 */
export function useRealCorpus(build: () => Promise<RealCorpus> = buildRealCorpus): () => RealCorpus {
  let built: RealCorpus | undefined;
  beforeAll(async () => {
    built = await build();
  }, 60_000);
  afterAll(() => built?.dispose());
  return () => {
    if (built === undefined) throw new Error('the corpus exists only while the tests run');
    return built;
  };
}
