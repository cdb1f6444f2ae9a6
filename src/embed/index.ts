// Public surface of src/embed: what other stages use of it.
export {
  type CreatedEmbedder,
  type CreateEmbedderOptions,
  createEmbedder,
  EMBEDDER_KINDS,
  type EmbedderKind,
  type EmbedderLogger,
} from './create.ts';
export {
  createOfflineEmbedder,
  embedderForAnalyzer,
  isOfflineEmbedder,
  lexiconDependency,
  type OfflineEmbedder,
} from './offline.ts';
export { withQueryCache } from './query-cache.ts';
export { EMBEDDING_DTYPES, type EmbeddingDtype } from './transformers.ts';
