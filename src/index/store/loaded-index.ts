// One index version as a server uses it, whatever store it came from: units, chunks, the vector store, the lexical
// index (opened over an analyzer of the bundled lexicon) and the sentence vectors.
import type { Analyzer } from '../../analysis/index.ts';
import type { Unit } from '../../model.ts';
import type { IndexDescription, IndexedChunk, SentenceVectors, StoredVectors } from '../artifact/index.ts';
import type { LexicalIndex } from '../lexical/index.ts';
import type { VectorStore } from '../vector/index.ts';

export interface LoadedIndex {
  /** Names the version: the build folder's name (files) or the version's number (PostgreSQL). */
  version: string;
  /** Where it lives, for messages and logs: the build folder, or the database and version. */
  location: string;
  /** The manifest (without its files): embedder, corpus hash, collections, settings, units, chunks. */
  manifest: IndexDescription;
  units: Unit[];
  /** In label order: `chunks[label]` is the chunk of vector `label`. */
  chunks: IndexedChunk[];
  vectorStore: VectorStore;
  /** One vector per sentence of every unit; units are named by their position in `units`. */
  sentences: SentenceVectors;
  /**
   * The lexical index with the lexicon the version was built with, restored on the bundled lexicon of `base`
   * (INDEX_MISMATCH for another bundled lexicon or analyzer version: rebuild).
   */
  openLexical(base: Analyzer): Promise<LexicalIndex>;
  /** The raw vector of every chunk by content hash, read on demand (only a re-index needs them). */
  loadStoredVectors(): Promise<StoredVectors>;
}
