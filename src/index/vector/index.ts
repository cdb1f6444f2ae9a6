// Public surface of the vector stage: the VectorStore interface, the HNSW store (default) and the exact store.
export {
  createExactVectorStore,
  type ExactVectorStoreOptions,
  loadExactVectorStore,
} from './exact-vector-store.ts';
export { type HnswFileInfo, readHnswFileInfo } from './hnsw-file.ts';
export {
  createHnswVectorStore,
  DEFAULT_HNSW_SETTINGS,
  type HnswSettings,
  type HnswVectorStore,
  type HnswVectorStoreOptions,
  type LoadHnswVectorStoreOptions,
  loadHnswVectorStore,
} from './hnsw-vector-store.ts';
export {
  assertDimensions,
  assertK,
  assertLabel,
  assertVector,
  type CreateVectorStore,
  clampScore,
  type FileVectorStore,
  type LabelFilter,
  type LoadVectorStore,
  searchInWindows,
  type VectorMatch,
  type VectorStore,
} from './vector-store.ts';
