// What a build folder of the embedded index holds once read (or freshly written): manifest, units, chunks, vector
// store, the lexical index file and the sentence vectors.
import path from 'node:path';
import type { Unit } from '../../model.ts';
import type { VectorStore } from '../vector/index.ts';
import type { IndexedChunk, IndexManifest } from './manifest.ts';
import type { SentenceVectors } from './sentence-vectors.ts';
import { readEmbeddingsFile, type StoredVectors, storedVectorsOf } from './stored-vectors.ts';

export interface IndexArtifact {
  /** The build folder the index was read from (or written to). */
  buildDirectory: string;
  manifest: IndexManifest;
  units: Unit[];
  /** In label order: `chunks[label]` is the chunk of vector `label`. */
  chunks: IndexedChunk[];
  vectorStore: VectorStore;
  /**
   * The lexical index file's bytes exactly as the caller handed them to writeIndexArtifact (src/index/lexical opens
   * its index as views into them: they are the one copy of it in memory).
   */
  lexical: Uint8Array;
  /** One vector per sentence of every unit; units are named by their position in `units`. */
  sentences: SentenceVectors;
  /**
   * The raw vector of every chunk by content hash, read on demand (they are as large as the HNSW graph and only a
   * re-index needs them). Checked against the manifest's checksum.
   */
  loadStoredVectors(): Promise<StoredVectors>;
}

/** Stored chunks omit their text; it is the unit's text between start and end. */
export function chunksOf(manifest: Pick<IndexManifest, 'units' | 'chunks'>): IndexedChunk[] {
  const units = new Map(manifest.units.map((unit) => [unit.id, unit]));
  return manifest.chunks.map((chunk) => ({
    ...chunk,
    text: (units.get(chunk.unitId) as Unit).text.slice(chunk.start, chunk.end),
  }));
}

export function storedVectorsLoader(
  buildDirectory: string,
  manifest: IndexManifest,
): () => Promise<StoredVectors> {
  return async () => {
    const values = await readEmbeddingsFile(
      path.join(buildDirectory, manifest.files.embeddings.name),
      manifest.files.embeddings,
    );
    return storedVectorsOf(values, manifest.embedder, manifest.chunks);
  };
}
