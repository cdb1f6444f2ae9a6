// The raw chunk vectors kept beside the HNSW graph, looked up by content hash so a re-index can reuse them.
import { readFile } from 'node:fs/promises';
import { BeschlussError } from '../../errors.ts';
import { REBUILD_HINT } from '../rebuild-hint.ts';
import { hashContent } from './hash.ts';

/** Vectors of a previous build by the content hash of what was embedded. */
export interface StoredVectors {
  /** The embedder that made them; vectors of another embedder are never reused. */
  readonly embedderId: string;
  readonly dimensions: number;
  readonly size: number;
  get(contentHash: string): Float32Array | undefined;
}

/**
 * The embeddings file is one float32 row per chunk, row = chunk label, in the platform's byte order
 * (little-endian on every machine Node.js 20 supports in practice).
 */
export function encodeEmbeddings(rows: ReadonlyArray<ArrayLike<number>>, dimensions: number): Float32Array {
  const values = new Float32Array(rows.length * dimensions);
  for (const [label, row] of rows.entries()) values.set(row, label * dimensions);
  return values;
}

export function storedVectorsOf(
  values: Float32Array,
  embedder: { id: string; dimensions: number },
  chunks: ReadonlyArray<{ label: number; contentHash: string }>,
): StoredVectors {
  const { dimensions } = embedder;
  const rowByHash = new Map<string, number>();
  for (const chunk of chunks)
    if (!rowByHash.has(chunk.contentHash)) rowByHash.set(chunk.contentHash, chunk.label);
  return {
    embedderId: embedder.id,
    dimensions,
    size: rowByHash.size,
    get(contentHash) {
      const row = rowByHash.get(contentHash);
      return row === undefined ? undefined : values.subarray(row * dimensions, (row + 1) * dimensions);
    },
  };
}

/** Reads the embeddings file and checks it against its manifest entry (size and sha256). */
export async function readEmbeddingsFile(
  file: string,
  expected: { bytes: number; sha256: string },
): Promise<Float32Array> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new BeschlussError('INDEX_CORRUPT', `The embeddings file ${file} is missing; ${REBUILD_HINT}.`, {
      details: { file },
      cause: error,
    });
  }
  if (bytes.byteLength !== expected.bytes) {
    throw new BeschlussError(
      'INDEX_CORRUPT',
      `The embeddings file ${file} has ${bytes.byteLength} bytes, the manifest says ${expected.bytes}; ${REBUILD_HINT}.`,
      { details: { file, expected: expected.bytes, received: bytes.byteLength } },
    );
  }
  const sha256 = hashContent(bytes);
  if (sha256 !== expected.sha256) {
    throw new BeschlussError(
      'INDEX_CORRUPT',
      `The embeddings file ${file} does not match its checksum (sha256 ${sha256}, the manifest says ${expected.sha256}); ` +
        `${REBUILD_HINT}.`,
      { details: { file, expected: expected.sha256, received: sha256 } },
    );
  }
  // A copy, because a Buffer may start at an offset a Float32Array cannot view.
  return new Float32Array(new Uint8Array(bytes).buffer);
}
