// Approximate cosine vector store on hnswlib-node (HNSW graph), growing as labels are added.
import hnswlib from 'hnswlib-node';
import { BeschlussError } from '../../errors.ts';
import { readHnswFileInfo } from './hnsw-file.ts';
import {
  assertDimensions,
  assertK,
  assertLabel,
  assertVector,
  clampScore,
  type FileVectorStore,
  type LabelFilter,
  type VectorMatch,
} from './vector-store.ts';

type HierarchicalNSW = InstanceType<typeof hnswlib.HierarchicalNSW>;

export interface HnswSettings {
  /** Links per node (hnswlib M); more links: better recall, more memory, slower build. */
  m: number;
  /** Candidate list size while inserting; higher: better graph, slower build. */
  efConstruction: number;
  /** Candidate list size while searching (at least k is used); higher: better recall, slower search. */
  efSearch: number;
}

export interface HnswVectorStoreOptions extends Partial<HnswSettings> {
  dimensions: number;
  /** Room reserved at first; doubled whenever it runs out. */
  initialCapacity?: number;
  /** Seed of hnswlib's level generator, so the same inputs build the same graph. */
  randomSeed?: number;
}

/**
 * Chosen for recall over build speed (measured with bench/measure-hnsw.ts, 512 dims, recall@10 vs exact):
 * vectors near a 32-dim subspace (like text embeddings): 10k → 1.00, 100k → 0.998 at ~3 ms per query, 100k built
 * in ~4 min; uniformly random vectors (the worst case): 5k × 384 dims → 0.98, 10k × 512 → 0.90.
 * M 16 / efConstruction 100 builds 100k in ~1.5 min at 0.976; hnswlib's own defaults (M 16, ef 10) reach ≈ 0.2.
 */
export const DEFAULT_HNSW_SETTINGS: Readonly<HnswSettings> = { m: 32, efConstruction: 200, efSearch: 200 };
const DEFAULT_INITIAL_CAPACITY = 1024;
const DEFAULT_RANDOM_SEED = 100;

export interface HnswVectorStore extends FileVectorStore {
  readonly settings: Readonly<HnswSettings>;
}

export function createHnswVectorStore(options: HnswVectorStoreOptions): HnswVectorStore {
  const {
    dimensions,
    m = DEFAULT_HNSW_SETTINGS.m,
    efConstruction = DEFAULT_HNSW_SETTINGS.efConstruction,
    efSearch = DEFAULT_HNSW_SETTINGS.efSearch,
    initialCapacity = DEFAULT_INITIAL_CAPACITY,
    randomSeed = DEFAULT_RANDOM_SEED,
  } = options;
  assertDimensions(dimensions);
  assertSettings({ m, efConstruction, efSearch });
  const index = new hnswlib.HierarchicalNSW('cosine', dimensions);
  index.initIndex({ maxElements: Math.max(1, Math.floor(initialCapacity)), m, efConstruction, randomSeed });
  index.setEf(efSearch);
  return new HnswStore(index, dimensions, { m, efConstruction, efSearch }, new Set(), new Set());
}

export interface LoadHnswVectorStoreOptions {
  /** When given, a file of another dimension is refused (INDEX_MISMATCH) instead of loaded. */
  dimensions?: number;
  /** Not stored in the file; defaults to DEFAULT_HNSW_SETTINGS.efSearch. */
  efSearch?: number;
}

/** Loads a file written by `save`; its layout is checked in JavaScript before hnswlib reads it. */
export async function loadHnswVectorStore(
  file: string,
  options: LoadHnswVectorStoreOptions = {},
): Promise<HnswVectorStore> {
  const { dimensions, efSearch = DEFAULT_HNSW_SETTINGS.efSearch } = options;
  const info = await readHnswFileInfo(file);
  if (dimensions !== undefined && info.dimensions !== dimensions) {
    throw new BeschlussError(
      'INDEX_MISMATCH',
      `The HNSW file ${file} holds ${info.dimensions}-dimensional vectors, expected ${dimensions}; ` +
        'rebuild the index with `npx beschluss index`.',
      { details: { file, expected: dimensions, received: info.dimensions } },
    );
  }
  const settings = { m: info.m, efConstruction: info.efConstruction, efSearch };
  assertSettings(settings);
  const index = new hnswlib.HierarchicalNSW('cosine', info.dimensions);
  try {
    await index.readIndex(file);
  } catch (error) {
    throw new BeschlussError('INDEX_CORRUPT', `hnswlib could not read ${file}: ${(error as Error).message}`, {
      details: { file },
      cause: error,
    });
  }
  index.setEf(efSearch);
  return new HnswStore(index, info.dimensions, settings, new Set(info.labels), new Set(info.deletedLabels));
}

function assertSettings(settings: HnswSettings): void {
  for (const [name, value] of Object.entries(settings)) {
    if (!Number.isInteger(value) || value < 1) {
      throw new BeschlussError(
        'INTERNAL',
        `The HNSW setting ${name} must be a positive integer, got ${value}.`,
        {
          details: { setting: name, received: value },
        },
      );
    }
  }
}

class HnswStore implements HnswVectorStore {
  readonly kind = 'hnsw';
  readonly dimensions: number;
  readonly settings: Readonly<HnswSettings>;
  readonly #index: HierarchicalNSW;
  readonly #live: Set<number>;
  /** Marked deleted in hnswlib: still in the graph (and the file), never returned. */
  readonly #deleted: Set<number>;

  constructor(
    index: HierarchicalNSW,
    dimensions: number,
    settings: HnswSettings,
    live: Set<number>,
    deleted: Set<number>,
  ) {
    this.#index = index;
    this.dimensions = dimensions;
    this.settings = Object.freeze({ ...settings });
    this.#live = live;
    this.#deleted = deleted;
  }

  get size(): number {
    return this.#live.size;
  }

  async add(label: number, vector: ArrayLike<number>): Promise<void> {
    assertLabel(label);
    assertVector(vector, this.dimensions);
    const isNew = !this.#live.has(label) && !this.#deleted.has(label);
    if (isNew && this.#index.getCurrentCount() >= this.#index.getMaxElements()) {
      this.#index.resizeIndex(Math.max(1, this.#index.getMaxElements() * 2));
    }
    // A label already in the graph (even one marked deleted) is updated in place and unmarked by hnswlib.
    this.#index.addPoint(Array.from(vector), label);
    this.#live.add(label);
    this.#deleted.delete(label);
  }

  async remove(label: number): Promise<boolean> {
    if (!this.#live.has(label)) return false;
    this.#index.markDelete(label);
    this.#live.delete(label);
    this.#deleted.add(label);
    return true;
  }

  async has(label: number): Promise<boolean> {
    return this.#live.has(label);
  }

  async search(vector: ArrayLike<number>, k: number, filter?: LabelFilter): Promise<VectorMatch[]> {
    assertVector(vector, this.dimensions);
    assertK(k);
    // hnswlib refuses k above its capacity; more than the live labels can never be found anyway.
    const wanted = Math.min(k, this.#live.size);
    if (wanted === 0) return [];
    // An exception thrown inside the native search loop cannot unwind safely, so it is carried out and rethrown.
    let filterFailure: { error: unknown } | undefined;
    const guardedFilter =
      filter &&
      ((label: number): boolean => {
        if (filterFailure) return false;
        try {
          return filter(label) === true;
        } catch (error) {
          filterFailure = { error };
          return false;
        }
      });
    const result = this.#index.searchKnn(Array.from(vector), wanted, guardedFilter);
    if (filterFailure) throw filterFailure.error;
    return result.neighbors.map((label, position) => ({
      label,
      score: clampScore(1 - (result.distances[position] as number)),
    }));
  }

  async save(file: string): Promise<void> {
    await this.#index.writeIndex(file);
    // hnswlib does not report write errors (a full disk leaves a short file); reading the layout back does.
    const written = await readHnswFileInfo(file);
    if (written.labels.length !== this.#live.size) {
      throw new BeschlussError(
        'INTERNAL',
        `hnswlib wrote ${written.labels.length} vectors to ${file}, expected ${this.#live.size}.`,
        { details: { file, expected: this.#live.size, received: written.labels.length } },
      );
    }
  }
}
