// Public surface of src/index: what other stages use of it.
export {
  corpusHashOf,
  indexStatus,
  type LoadedIndex,
  readIndexArtifact,
  type SentenceVectors,
} from './artifact/index.ts';
export {
  type BuildProgress,
  type BuildReport,
  buildIndex,
  chunkingFor,
  corpusFileHashes,
} from './build-index.ts';
export {
  createLexicalIndex,
  type LexicalIndex,
  loadLexicalIndex,
  type TermStatistics,
} from './lexical/index.ts';
export type { VectorStore } from './vector/index.ts';
