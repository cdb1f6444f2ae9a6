// The persisted index artifact's public surface: write, read, status, and the helpers for incremental re-indexing.
//
// Layout of an index folder (default DEFAULT_INDEX_DIR):
//   CURRENT                 {"build","manifestSha256"}: the live build; replaced by one atomic rename
//   LOCK                    present only while a writer runs (pid + host; taken over when that process died)
//   builds/<build>/         manifest.json, vectors.hnsw (hnswlib), embeddings.f32 (float32 row per chunk label),
//                           lexical.json (as given by the lexical index)
// Readers follow CURRENT only, so a half-written build is never seen; writers remove builds CURRENT does not name.
export { type EmbeddingPlan, planEmbeddings } from './embedding-plan.ts';
export { corpusHashOf, hashContent } from './hash.ts';
export { type IndexExpectation, type IndexStatus, indexStatus } from './index-status.ts';
export type { LoadedIndex } from './loaded-index.ts';
export {
  type ChunkingSettings,
  type CollectionEntry,
  INDEX_FORMAT_VERSION,
  type IndexedChunk,
  type IndexManifest,
} from './manifest.ts';
export { type ReadIndexArtifactOptions, readIndexArtifact } from './read-index-artifact.ts';
export { readStoredVectors } from './read-stored-vectors.ts';
export type { StoredVectors } from './stored-vectors.ts';
export {
  type IndexArtifactInput,
  type WriteIndexArtifactOptions,
  type WriteStage,
  writeIndexArtifact,
} from './write-index-artifact.ts';
