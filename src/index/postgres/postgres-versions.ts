// Writing and reading the rows of one index version in PostgreSQL: its description, units, chunks, vectors, sentence
// vectors and postings. Which version is active, and who may build, is postgres-index-store.ts's concern.
import type pg from 'pg';
import pgvector from 'pgvector';
import { z } from 'zod';
import type { Analyzer } from '../../analysis/index.ts';
import type { Database } from '../../database.ts';
import { BeschlussError } from '../../errors.ts';
import type { Unit } from '../../model.ts';
import {
  chunksOf,
  decodeSentenceVectors,
  encodeSentenceVectors,
  findInconsistency,
  INDEX_FORMAT_VERSION,
  type IndexArtifactInput,
  type IndexDescription,
  indexDescriptionSchema,
  type PreparedIndexVersion,
  type ReusableVectors,
  type SentenceVectors,
  type StoredVectors,
  storedVectorsOf,
  type WriteStage,
} from '../artifact/index.ts';
import { openLexicalIndex } from '../lexical/index.ts';
import { REBUILD_HINT } from '../rebuild-hint.ts';
import type { LoadedIndex } from '../store/index.ts';
import {
  openPostgresPostings,
  type PostgresLexicalMetadata,
  writePostgresLexical,
} from './postgres-lexical.ts';
import { createPostgresVectorStore, openPostgresVectorStore } from './postgres-vector-store.ts';

/** What index_versions.description holds: the manifest without files, units and chunks (those are rows). */
export const versionDescriptionSchema = indexDescriptionSchema.omit({ units: true, chunks: true });
export type VersionDescription = z.infer<typeof versionDescriptionSchema>;

const lexicalMetadataSchema = z.object({
  analyzer: z.string(),
  lexicon: z.unknown(),
  vocabulary: z.array(z.tuple([z.string(), z.number()])),
  parameters: z.object({ k1: z.number(), b: z.number(), delta: z.number() }),
  fields: z.array(z.string()),
  boosts: z.array(z.number()),
  statisticsFields: z.array(z.string()),
  documentCount: z.number().int().nonnegative(),
  averageLengths: z.array(z.number()),
}) satisfies z.ZodType<PostgresLexicalMetadata>;

/** Rows per INSERT statement. */
const BATCH = 2000;

type Progress = (progress: { stage: WriteStage; done: number; total: number }) => void;

/**
 * Writes every row of a prepared version (state 'building'); returns its description, lexical metadata and vector
 * store (sealed: its HNSW index is made). The caller switches to it.
 */
export async function writeVersionRows(
  pool: pg.Pool,
  version: string,
  input: IndexArtifactInput,
  prepared: PreparedIndexVersion,
  onProgress?: Progress,
) {
  const description = {
    ...prepared.manifest,
    settings: { ...prepared.manifest.settings, vectorStore: 'pgvector' },
  };
  const { dimensions } = description.embedder;
  await inBatches(description.units, async (units, start) => {
    await pool.query(
      `INSERT INTO index_units (version, ordinal, unit) SELECT $1, * FROM unnest($2::integer[], $3::jsonb[])`,
      [version, units.map((_, offset) => start + offset), units.map((unit) => JSON.stringify(unit))],
    );
  });
  await inBatches(description.chunks, async (chunks) => {
    await pool.query(
      `INSERT INTO index_chunks (version, label, id, unit_id, start_offset, end_offset, content_hash)
       SELECT $1, * FROM unnest($2::integer[], $3::text[], $4::text[], $5::integer[], $6::integer[], $7::text[])`,
      [
        version,
        chunks.map((chunk) => chunk.label),
        chunks.map((chunk) => chunk.id),
        chunks.map((chunk) => chunk.unitId),
        chunks.map((chunk) => chunk.start),
        chunks.map((chunk) => chunk.end),
        chunks.map((chunk) => chunk.contentHash),
      ],
    );
  });

  const total = prepared.rows.length;
  onProgress?.({ stage: 'vectors', done: 0, total });
  const vectorStore = createPostgresVectorStore({
    pool,
    version,
    dimensions,
    efSearch: description.settings.hnsw.efSearch,
  });
  await inBatches(prepared.rows, async (rows, start) => {
    await vectorStore.addMany(rows.map((vector, offset) => ({ label: start + offset, vector })));
    onProgress?.({ stage: 'vectors', done: start + rows.length, total });
  });
  await vectorStore.seal(description.settings.hnsw);

  onProgress?.({ stage: 'sentences', done: 0, total: 1 });
  const sentences = decodeSentenceVectors(prepared.sentences, {
    dimensions,
    unitLengths: description.units.map((unit) => unit.text.length),
    file: `version ${version}`,
  });
  await writeSentences(pool, version, sentences, description.units.length);
  onProgress?.({ stage: 'sentences', done: 1, total: 1 });

  onProgress?.({ stage: 'lexical', done: 0, total: 1 });
  const lexical = await writePostgresLexical(pool, version, input.lexical);
  await pool.query(
    'ANALYZE index_units, index_chunks, index_sentences, index_documents, index_terms, index_postings',
  );
  onProgress?.({ stage: 'lexical', done: 1, total: 1 });
  const { units: _units, chunks: _chunks, ...stored } = description;
  return { description: stored, full: description, lexical, vectorStore, sentences };
}

async function writeSentences(
  pool: pg.Pool,
  version: string,
  sentences: SentenceVectors,
  unitCount: number,
): Promise<void> {
  const rows: Array<{ row: number; unit: number; start: number; end: number }> = [];
  for (let unit = 0; unit < unitCount; unit++) {
    for (const sentence of sentences.sentencesOf(unit)) {
      rows.push({ row: sentence.row, unit, start: sentence.start, end: sentence.end });
    }
  }
  await inBatches(rows, async (batch) => {
    const vectors = batch.map((row) => sentences.quantized(row.row));
    await pool.query(
      `INSERT INTO index_sentences (version, row_number, unit_ordinal, start_offset, end_offset, scale, vector)
       SELECT $1, * FROM unnest($2::integer[], $3::integer[], $4::integer[], $5::integer[], $6::real[], $7::bytea[])`,
      [
        version,
        batch.map((row) => row.row),
        batch.map((row) => row.unit),
        batch.map((row) => row.start),
        batch.map((row) => row.end),
        vectors.map((vector) => vector.scale),
        vectors.map((vector) =>
          Buffer.from(vector.values.buffer, vector.values.byteOffset, vector.values.length),
        ),
      ],
    );
  });
}

/** The rows of a ready version as an index the server can use; INDEX_CORRUPT or INDEX_MISMATCH when they cannot. */
export async function readVersion(
  database: Database,
  version: string,
  options: { expectedEmbedderId?: string } = {},
): Promise<LoadedIndex> {
  const { pool } = database;
  const where = `${database.name} (index version ${version})`;
  const { description, lexical } = await readVersionRow(pool, version, where);
  if (options.expectedEmbedderId !== undefined && description.embedder.id !== options.expectedEmbedderId) {
    throw new BeschlussError(
      'INDEX_MISMATCH',
      `The index in ${where} was built with the embedder "${description.embedder.id}" but the embedder in use is ` +
        `"${options.expectedEmbedderId}"; ${REBUILD_HINT}.`,
      { details: { expected: options.expectedEmbedderId, received: description.embedder.id } },
    );
  }
  const units = await readUnits(pool, version);
  const chunkRows = await pool.query<{
    label: number;
    id: string;
    unit_id: string;
    start_offset: number;
    end_offset: number;
    content_hash: string;
  }>(
    `SELECT label, id, unit_id, start_offset, end_offset, content_hash FROM index_chunks
     WHERE version = $1 ORDER BY label`,
    [version],
  );
  const manifest: IndexDescription = {
    ...description,
    units,
    chunks: chunkRows.rows.map((row) => ({
      label: row.label,
      id: row.id,
      unitId: row.unit_id,
      start: row.start_offset,
      end: row.end_offset,
      contentHash: row.content_hash,
    })),
  };
  const problem = findInconsistency(manifest);
  if (problem) throw corrupt(where, problem);
  const vectorStore = await openPostgresVectorStore({
    pool,
    version,
    dimensions: manifest.embedder.dimensions,
    efSearch: manifest.settings.hnsw.efSearch,
  });
  if (vectorStore.size !== manifest.chunks.length) {
    throw corrupt(where, `it has ${vectorStore.size} chunk vectors for ${manifest.chunks.length} chunks`);
  }
  return {
    version,
    location: where,
    manifest,
    units,
    chunks: chunksOf(manifest),
    vectorStore,
    sentences: await readSentences(pool, version, manifest, where),
    openLexical: async (base: Analyzer) =>
      openLexicalIndex(lexical, await openPostgresPostings(pool, version, lexical), base),
    loadStoredVectors: () => readStoredChunkVectors(pool, version, manifest),
  };
}

/** A written version as a loaded index, from what the writer has in hand (its rows need not be read back). */
export function loadedFromWritten(
  database: Database,
  version: string,
  written: Awaited<ReturnType<typeof writeVersionRows>>,
): LoadedIndex {
  const { full, lexical, vectorStore, sentences } = written;
  return {
    version,
    location: `${database.name} (index version ${version})`,
    manifest: full,
    units: full.units,
    chunks: chunksOf(full),
    vectorStore,
    sentences,
    openLexical: async (base: Analyzer) =>
      openLexicalIndex(lexical, await openPostgresPostings(database.pool, version, lexical), base),
    loadStoredVectors: () => readStoredChunkVectors(database.pool, version, full),
  };
}

export async function readVersionRow(
  pool: pg.Pool,
  version: string,
  where: string,
): Promise<{ description: VersionDescription; lexical: PostgresLexicalMetadata }> {
  const { rows } = await pool.query<{ description: unknown; lexical: unknown }>(
    'SELECT description, lexical FROM index_versions WHERE id = $1',
    [version],
  );
  const row = rows[0];
  if (!row) throw corrupt(where, 'the version is gone');
  const format = (row.description as { formatVersion?: unknown } | null)?.formatVersion;
  if (format !== INDEX_FORMAT_VERSION) {
    throw new BeschlussError(
      'INDEX_MISMATCH',
      `The index in ${where} has format version ${JSON.stringify(format)}, this program reads version ` +
        `${INDEX_FORMAT_VERSION}; ${REBUILD_HINT}.`,
      { details: { expected: INDEX_FORMAT_VERSION, received: format } },
    );
  }
  const description = versionDescriptionSchema.safeParse(row.description);
  if (!description.success) throw corrupt(where, `its description is invalid (${description.error.message})`);
  const lexical = lexicalMetadataSchema.safeParse(row.lexical);
  if (!lexical.success) throw corrupt(where, `its lexical metadata is invalid (${lexical.error.message})`);
  return { description: description.data, lexical: lexical.data };
}

async function readUnits(pool: pg.Pool, version: string): Promise<Unit[]> {
  const { rows } = await pool.query<{ unit: Unit }>(
    'SELECT unit FROM index_units WHERE version = $1 ORDER BY ordinal',
    [version],
  );
  return rows.map((row) => row.unit);
}

async function readSentences(
  pool: pg.Pool,
  version: string,
  manifest: IndexDescription,
  where: string,
): Promise<SentenceVectors> {
  const { rows } = await pool.query<{
    unit_ordinal: number;
    start_offset: number;
    end_offset: number;
    scale: number;
    vector: Buffer;
  }>(
    `SELECT unit_ordinal, start_offset, end_offset, scale, vector FROM index_sentences
     WHERE version = $1 ORDER BY row_number`,
    [version],
  );
  const { dimensions } = manifest.embedder;
  const bad = rows.find((row) => row.vector.length !== dimensions);
  if (bad)
    throw corrupt(where, `a sentence vector has ${bad.vector.length} dimensions, the index ${dimensions}`);
  // The same checked layout as the embedded sentences.i8 file.
  const encoded = encodeSentenceVectors(
    rows.map((row) => ({
      unitOrdinal: row.unit_ordinal,
      start: row.start_offset,
      end: row.end_offset,
      vector: {
        scale: row.scale,
        values: new Int8Array(row.vector.buffer, row.vector.byteOffset, dimensions),
      },
    })),
    dimensions,
  );
  return decodeSentenceVectors(encoded, {
    dimensions,
    unitLengths: manifest.units.map((unit) => unit.text.length),
    file: where,
  });
}

async function readStoredChunkVectors(
  pool: pg.Pool,
  version: string,
  manifest: Pick<IndexDescription, 'embedder' | 'chunks'>,
): Promise<StoredVectors> {
  const { dimensions } = manifest.embedder;
  const values = new Float32Array(manifest.chunks.length * dimensions);
  const { rows } = await pool.query<{ label: string; embedding: string }>(
    'SELECT label, embedding::text AS embedding FROM index_vectors WHERE version = $1',
    [version],
  );
  for (const row of rows)
    values.set(pgvector.fromSql(row.embedding) as number[], Number(row.label) * dimensions);
  return storedVectorsOf(values, manifest.embedder, manifest.chunks);
}

/** What a re-index may reuse of a version: its chunk vectors and sentence vectors with their units. */
export async function readReusable(database: Database, version: string): Promise<ReusableVectors> {
  const index = await readVersion(database, version);
  const sentences = index.units.flatMap((unit, ordinal) =>
    index.sentences.sentencesOf(ordinal).map((sentence) => ({
      unit,
      start: sentence.start,
      end: sentence.end,
      vector: index.sentences.quantized(sentence.row),
    })),
  );
  return {
    chunks: await index.loadStoredVectors(),
    sentences,
    contentSalt: index.manifest.settings.contentSalt,
  };
}

async function inBatches<T>(
  items: readonly T[],
  write: (batch: readonly T[], start: number) => Promise<void>,
) {
  for (let start = 0; start < items.length; start += BATCH) {
    await write(items.slice(start, start + BATCH), start);
  }
}

function corrupt(where: string, problem: string): BeschlussError {
  return new BeschlussError(
    'INDEX_CORRUPT',
    `The index in ${where} is corrupt: ${problem}; ${REBUILD_HINT}.`,
    {
      details: { database: where },
    },
  );
}
