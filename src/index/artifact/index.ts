// Public surface of the persisted index artifact: write, read, status, and what a re-index reuses.
//
// Layout of an index folder (default DEFAULT_INDEX_DIR):
//   CURRENT                 {"build","manifestSha256"}: the live build; replaced by one atomic rename
//   LOCK                    present only while a writer runs (pid + host; taken over when that process died)
//   builds/<build>/         manifest.json, vectors.<kind> (the vector store's file, by default vectors.hnsw from
//                           hnswlib; another store comes in through createVectorStore/loadVectorStore),
//                           embeddings.f32 (float32 row per chunk label),
//                           sentences.i8 (int8 vector per sentence), lexical.bin (as given by the lexical index)
// Readers follow CURRENT only, so a half-written build is never seen; writers remove builds CURRENT does not name.
export { type EmbeddingPlan, planEmbeddings } from './embedding-plan.ts';
export { corpusHashOf, hashContent, hashFile } from './hash.ts';
export { chunksOf, type IndexArtifact } from './index-artifact.ts';
export { readCurrentPointer, SENTENCES_FILE } from './index-layout.ts';
export { type IndexExpectation, type IndexStatus, indexStatus, staleness } from './index-status.ts';
export {
  type ChunkingSettings,
  type CollectionEntry,
  type ConflictEntry,
  findInconsistency,
  INDEX_FORMAT_VERSION,
  type IndexDescription,
  type IndexedChunk,
  type IndexManifest,
  indexDescriptionSchema,
  type SkippedFileEntry,
} from './manifest.ts';
export { type ReadIndexArtifactOptions, readIndexArtifact } from './read-index-artifact.ts';
export {
  type ReusableVectors,
  readLiveUnitIds,
  readStoredVectors,
  type StoredSentence,
} from './read-stored-vectors.ts';
export {
  decodeSentenceVectors,
  encodeSentenceVectors,
  type QuantizedVector,
  quantize,
  type SentenceVectors,
} from './sentence-vectors.ts';
export { readEmbeddingsFile, type StoredVectors, storedVectorsOf } from './stored-vectors.ts';
export {
  type IndexArtifactInput,
  type PreparedIndexVersion,
  prepareIndexVersion,
  type WriteIndexArtifactOptions,
  type WriteStage,
  writeIndexArtifact,
} from './write-index-artifact.ts';
