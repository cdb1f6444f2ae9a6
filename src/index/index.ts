// Public surface of src/index: what other stages use of it.
export {
  corpusHashOf,
  type IndexExpectation,
  indexStatus,
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
export {
  createPostgresIndexStore,
  type PostgresIndexStoreOptions,
} from './postgres/postgres-index-store.ts';
export { createFileIndexStore, type IndexStore, type LoadedIndex } from './store/index.ts';
export type { VectorStore } from './vector/index.ts';
