// Incremental re-indexing: which chunks can reuse a stored vector and which must go to the embedder.
import type { StoredVectors } from './stored-vectors.ts';

export interface EmbeddingPlan<T> {
  /** Vectors found for chunks whose content hash is unchanged, by chunk id. */
  reused: Map<string, Float32Array>;
  /** Chunks to embed, in their original order. */
  toEmbed: T[];
}

/** Without stored vectors, or with vectors of another embedder, everything is embedded. */
export function planEmbeddings<T extends { id: string; contentHash: string }>(
  chunks: readonly T[],
  options: { stored: StoredVectors | undefined; embedderId: string },
): EmbeddingPlan<T> {
  const { stored, embedderId } = options;
  const usable = stored?.embedderId === embedderId ? stored : undefined;
  const reused = new Map<string, Float32Array>();
  const toEmbed: T[] = [];
  for (const chunk of chunks) {
    const vector = usable?.get(chunk.contentHash);
    if (vector) reused.set(chunk.id, vector);
    else toEmbed.push(chunk);
  }
  return { reused, toEmbed };
}
