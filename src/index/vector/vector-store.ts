// The vector store interface (cosine nearest neighbours over integer labels) and the checks every implementation shares.
import { BeschlussError } from '../../errors.ts';
import type { HnswSettings } from './hnsw-vector-store.ts';

export interface VectorMatch {
  label: number;
  /** Cosine similarity in [-1, 1]; higher is closer. */
  score: number;
}

/** Keeps only the labels for which it returns true. */
export type LabelFilter = (label: number) => boolean;

/**
 * Cosine nearest neighbours over integer labels, asynchronous so a store may live in memory (HNSW, exact) or in a
 * database (PostgreSQL with pgvector). A store holds the vectors of one index version: a build fills a fresh one, and
 * readers search a version that no longer changes.
 */
export interface VectorStore {
  /**
   * Which implementation: 'hnsw', 'exact', 'pgvector', or another's name (lower-case letters, digits and hyphens; a
   * file store's kind names its file in an index build).
   */
  readonly kind: string;
  /** Length of every vector stored and searched. */
  readonly dimensions: number;
  /** Number of labels currently stored (removed labels do not count). */
  readonly size: number;
  /** Stores a vector under a label; a label already present gets the new vector. */
  add(label: number, vector: ArrayLike<number>): Promise<void>;
  /** Removes a label; resolves false when it was not stored. */
  remove(label: number): Promise<boolean>;
  has(label: number): Promise<boolean>;
  /** At most k matches, best first; fewer when fewer labels are stored or pass the filter. */
  search(vector: ArrayLike<number>, k: number, filter?: LabelFilter): Promise<VectorMatch[]>;
}

/** A store kept in memory and persisted as one file of an index build (the embedded default). */
export interface FileVectorStore extends VectorStore {
  /**
   * Writes the store to one file. Not atomic by itself: the index artifact writes it under a temp name and renames
   * it, so readers never see a half-written file.
   */
  save(file: string): Promise<void>;
}

/**
 * Makes the empty store a new index build fills (the seam of writeIndexArtifact; default: HNSW). `hnsw` are the
 * build's recorded settings, for a store that has use for them.
 */
export type CreateVectorStore = (options: {
  dimensions: number;
  /** Vectors the build will add. */
  capacity: number;
  hnsw: HnswSettings;
}) => FileVectorStore;

/**
 * Loads the store file of an index build (the seam of readIndexArtifact; default: HNSW). It must read what the
 * matching CreateVectorStore's `save` wrote, refuse a foreign file with INDEX_CORRUPT, and a missing one with
 * INDEX_MISSING.
 */
export type LoadVectorStore = (
  file: string,
  options: { dimensions: number; efSearch: number },
) => Promise<FileVectorStore>;

/**
 * A filtered search over a store that cannot call the filter while it searches (a database): the best `window`
 * results are fetched and filtered, the window doubling until k pass or the whole store was looked at.
 */
export async function searchInWindows<T>(
  fetch: (window: number) => Promise<T[]>,
  options: { k: number; size: number; accepts: (result: T) => boolean; firstWindow: number },
): Promise<T[]> {
  const { k, size, accepts } = options;
  for (let window = Math.min(size, Math.max(k, options.firstWindow)); ; window = Math.min(size, window * 2)) {
    const results = await fetch(window);
    const passing = results.filter((result) => accepts(result) === true);
    if (passing.length >= k || window >= size || results.length < window) return passing.slice(0, k);
  }
}

/** hnswlib keeps labels as unsigned 32-bit integers. */
const MAX_LABEL = 0xffff_ffff;

export function assertLabel(label: number): void {
  if (!Number.isInteger(label) || label < 0 || label > MAX_LABEL) {
    throw new BeschlussError(
      'INTERNAL',
      `A vector label must be an integer from 0 to ${MAX_LABEL}, got ${label}.`,
      {
        details: { expected: `integer 0..${MAX_LABEL}`, received: label },
      },
    );
  }
}

export function assertVector(vector: ArrayLike<number>, dimensions: number): void {
  if (vector.length !== dimensions) {
    throw new BeschlussError(
      'INDEX_MISMATCH',
      `The vector has ${vector.length} dimensions but the vector store holds ${dimensions}-dimensional vectors: ` +
        'embedder and index do not match (if the embedder changed, rebuild with `npx beschluss index`).',
      { details: { expected: dimensions, received: vector.length } },
    );
  }
  for (let index = 0; index < vector.length; index++) {
    if (!Number.isFinite(vector[index])) {
      throw new BeschlussError(
        'INTERNAL',
        `The vector holds a non-finite value (${vector[index]}) at position ${index}; the embedder returned a broken vector.`,
        { details: { position: index, received: String(vector[index]) } },
      );
    }
  }
}

export function assertDimensions(dimensions: number): void {
  if (!Number.isInteger(dimensions) || dimensions < 1) {
    throw new BeschlussError('INTERNAL', `Vector dimensions must be a positive integer, got ${dimensions}.`, {
      details: { expected: 'positive integer', received: dimensions },
    });
  }
}

/** Asking for no matches is allowed (returns none); a negative or fractional k is a bug in the caller. */
export function assertK(k: number): void {
  if (!Number.isInteger(k) || k < 0) {
    throw new BeschlussError('INTERNAL', `k must be a non-negative integer, got ${k}.`, {
      details: { expected: 'non-negative integer', received: k },
    });
  }
}

/** Float rounding can push a cosine of (anti)parallel vectors a hair outside [-1, 1]. */
export function clampScore(score: number): number {
  return Math.min(1, Math.max(-1, score));
}
