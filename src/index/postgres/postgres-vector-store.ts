// The vector store of one index version in PostgreSQL with pgvector: rows of index_vectors, L2-normalised so the inner
// product is the cosine, searched exactly while the version is built and through its own HNSW index once sealed.
import type pg from 'pg';
import pgvector from 'pgvector';
import {
  assertDimensions,
  assertK,
  assertLabel,
  assertVector,
  clampScore,
  DEFAULT_HNSW_SETTINGS,
  type HnswSettings,
  type LabelFilter,
  searchInWindows,
  type VectorMatch,
  type VectorStore,
} from '../vector/index.ts';

/** pgvector's largest hnsw.ef_search: a search for more neighbours than this scans exactly. */
const MAX_EF_SEARCH = 1000;

export interface PostgresVectorStoreOptions {
  pool: pg.Pool;
  /** The index version whose rows the store holds. */
  version: string;
  dimensions: number;
  /** Candidate list size of an HNSW search (at least k is used). Default DEFAULT_HNSW_SETTINGS.efSearch. */
  efSearch?: number;
}

export interface PostgresVectorStore extends VectorStore {
  /** The index version whose rows it holds. */
  readonly version: string;
  readonly sealed: boolean;
  /** Adds many vectors in one statement (an index build's batches). */
  addMany(rows: ReadonlyArray<{ label: number; vector: ArrayLike<number> }>): Promise<void>;
  /** Builds the version's HNSW index; searches use it from then on. The version must not change afterwards. */
  seal(settings?: Partial<HnswSettings>): Promise<void>;
}

/** The store of a version being built: empty, searched exactly until sealed. */
export function createPostgresVectorStore(options: PostgresVectorStoreOptions): PostgresVectorStore {
  assertDimensions(options.dimensions);
  return new PgVectorStore(options, 0, false);
}

/** The store of a sealed version (its rows written, its HNSW index made). */
export async function openPostgresVectorStore(
  options: PostgresVectorStoreOptions,
): Promise<PostgresVectorStore> {
  assertDimensions(options.dimensions);
  const { rows } = await options.pool.query<{ count: string }>(
    'SELECT count(*) AS count FROM index_vectors WHERE version = $1',
    [options.version],
  );
  return new PgVectorStore(options, Number(rows[0]?.count ?? 0), true);
}

/** The name of a version's HNSW index. */
export function hnswIndexName(version: string): string {
  return `index_vectors_hnsw_${versionNumber(version)}`;
}

/** Version ids go into DDL and partial-index predicates as literals: only ever a plain number. */
export function versionNumber(version: string): string {
  if (!/^\d{1,18}$/.test(version)) throw new Error(`not an index version number: ${version}`);
  return version;
}

class PgVectorStore implements PostgresVectorStore {
  readonly kind = 'pgvector';
  readonly dimensions: number;
  readonly #pool: pg.Pool;
  readonly #version: string;
  readonly #efSearch: number;
  #size: number;
  #sealed: boolean;

  constructor(options: PostgresVectorStoreOptions, size: number, sealed: boolean) {
    this.#pool = options.pool;
    this.#version = versionNumber(options.version);
    this.dimensions = options.dimensions;
    this.#efSearch = options.efSearch ?? DEFAULT_HNSW_SETTINGS.efSearch;
    this.#size = size;
    this.#sealed = sealed;
  }

  get size(): number {
    return this.#size;
  }

  get version(): string {
    return this.#version;
  }

  get sealed(): boolean {
    return this.#sealed;
  }

  async add(label: number, vector: ArrayLike<number>): Promise<void> {
    assertLabel(label);
    assertVector(vector, this.dimensions);
    const { rows } = await this.#pool.query<{ inserted: boolean }>(
      `INSERT INTO index_vectors (version, label, embedding) VALUES ($1, $2, $3)
       ON CONFLICT (version, label) DO UPDATE SET embedding = EXCLUDED.embedding
       RETURNING (xmax = 0) AS inserted`,
      [this.#version, label, pgvector.toSql(normalised(vector))],
    );
    if (rows[0]?.inserted) this.#size++;
  }

  async addMany(rows: ReadonlyArray<{ label: number; vector: ArrayLike<number> }>): Promise<void> {
    if (rows.length === 0) return;
    for (const { label, vector } of rows) {
      assertLabel(label);
      assertVector(vector, this.dimensions);
    }
    // A build adds each label once into a fresh version: no conflicts to resolve.
    const result = await this.#pool.query(
      `INSERT INTO index_vectors (version, label, embedding)
       SELECT $1, label, embedding FROM unnest($2::bigint[], $3::vector[]) AS row (label, embedding)`,
      [
        this.#version,
        rows.map((row) => row.label),
        rows.map((row) => pgvector.toSql(normalised(row.vector))),
      ],
    );
    this.#size += result.rowCount ?? 0;
  }

  async remove(label: number): Promise<boolean> {
    if (!Number.isInteger(label) || label < 0) return false;
    const result = await this.#pool.query('DELETE FROM index_vectors WHERE version = $1 AND label = $2', [
      this.#version,
      label,
    ]);
    const removed = (result.rowCount ?? 0) > 0;
    if (removed) this.#size--;
    return removed;
  }

  async has(label: number): Promise<boolean> {
    if (!Number.isInteger(label) || label < 0) return false;
    const { rows } = await this.#pool.query('SELECT 1 FROM index_vectors WHERE version = $1 AND label = $2', [
      this.#version,
      label,
    ]);
    return rows.length > 0;
  }

  async search(vector: ArrayLike<number>, k: number, filter?: LabelFilter): Promise<VectorMatch[]> {
    assertVector(vector, this.dimensions);
    assertK(k);
    if (k === 0 || this.#size === 0) return [];
    const query = pgvector.toSql(normalised(vector)) as string;
    const fetch = (limit: number) => this.#nearest(query, limit);
    if (!filter) return fetch(Math.min(k, this.#size));
    // The filter is JavaScript: the database cannot call it, so candidates are fetched in growing windows.
    return searchInWindows(fetch, {
      k,
      size: this.#size,
      accepts: (match) => filter(match.label),
      firstWindow: 4 * k,
    });
  }

  async seal(settings: Partial<HnswSettings> = {}): Promise<void> {
    if (this.#sealed) return;
    const m = Math.min(100, settings.m ?? DEFAULT_HNSW_SETTINGS.m);
    const efConstruction = Math.max(
      2 * m,
      Math.min(1000, settings.efConstruction ?? DEFAULT_HNSW_SETTINGS.efConstruction),
    );
    const client = await this.#pool.connect();
    try {
      // The graph is built in memory when it fits (2 cores here: one helper process).
      await client.query("SET maintenance_work_mem = '1GB'");
      await client.query('SET max_parallel_maintenance_workers = 1');
      await client.query(
        `CREATE INDEX IF NOT EXISTS ${hnswIndexName(this.#version)} ON index_vectors
         USING hnsw ((embedding::vector(${this.dimensions})) vector_ip_ops)
         WITH (m = ${m}, ef_construction = ${efConstruction}) WHERE version = ${this.#version}`,
      );
      // Fresh statistics, or the planner takes a bulk-loaded version for a few rows and sorts instead.
      await client.query('ANALYZE index_vectors');
    } finally {
      await client.query('RESET maintenance_work_mem').catch(() => undefined);
      await client.query('RESET max_parallel_maintenance_workers').catch(() => undefined);
      client.release();
    }
    this.#sealed = true;
  }

  /**
   * The `limit` nearest labels. The version and the vector are literals (a number checked above, and numbers
   * pgvector formats), so the planner can prove the partial HNSW index applies; several statements in one simple
   * query run as one transaction, which keeps SET LOCAL to this search.
   */
  async #nearest(query: string, limit: number): Promise<VectorMatch[]> {
    const distance = `embedding::vector(${this.dimensions}) <#> '${query}'::vector(${this.dimensions})`;
    const select = `SELECT label, ${distance} AS distance FROM index_vectors WHERE version = ${this.#version}
                    ORDER BY ${distance} LIMIT ${limit}`;
    const exact = !this.#sealed || limit > MAX_EF_SEARCH;
    const settings = exact
      ? 'SET LOCAL enable_indexscan = off;'
      : `SET LOCAL hnsw.ef_search = ${Math.max(limit, Math.min(this.#efSearch, MAX_EF_SEARCH))};`;
    const results = (await this.#pool.query(`BEGIN; ${settings} ${select}; COMMIT;`)) as unknown as Array<
      pg.QueryResult<{ label: string; distance: number }>
    >;
    const rows = results[2]?.rows ?? [];
    return rows
      .map((row) => ({ label: Number(row.label), score: clampScore(-Number(row.distance)) }))
      .sort((left, right) => right.score - left.score || left.label - right.label);
  }
}

/** The zero vector stays zero: it has no direction, so it scores 0 against everything (as in hnswlib). */
function normalised(vector: ArrayLike<number>): number[] {
  let sumOfSquares = 0;
  for (let index = 0; index < vector.length; index++) sumOfSquares += (vector[index] as number) ** 2;
  const norm = Math.sqrt(sumOfSquares);
  return Array.from(vector, (value) => (norm > 0 ? value / norm : 0));
}
