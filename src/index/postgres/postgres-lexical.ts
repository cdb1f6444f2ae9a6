// The lexical index of one version in PostgreSQL: the postings of the project's own BM25+ index (the same terms of
// the same German analysis, laid out by bm25.ts) as rows, scored by the same formula in SQL, so both stores rank alike.
import type pg from 'pg';
import { BeschlussError } from '../../errors.ts';
import {
  type Bm25Hit,
  type Bm25SearchOptions,
  decodeLexicalIndex,
  type LexicalMetadata,
  type PostingsSearcher,
  type WeightedQueryTerm,
} from '../lexical/index.ts';
import { searchInWindows } from '../vector/index.ts';

/** Kept with the version (index_versions.lexical): everything of the index but its postings. */
export interface PostgresLexicalMetadata extends LexicalMetadata {
  parameters: { k1: number; b: number; delta: number };
  fields: string[];
  boosts: number[];
  statisticsFields: string[];
  documentCount: number;
  /** Mean length of each field over the documents (BM25 normalises by it). */
  averageLengths: number[];
}

/** Rows per INSERT statement. */
const BATCH = 20_000;
const decoder = new TextDecoder();

/**
 * Writes the postings of an encoded lexical index (lexical-format.ts, as an index build makes it) into the rows of a
 * version, and returns the metadata to keep with the version.
 */
export async function writePostgresLexical(
  pool: pg.Pool,
  version: string,
  bytes: Uint8Array,
): Promise<PostgresLexicalMetadata> {
  const payload = decodeLexicalIndex(bytes);
  const { bm25 } = payload;
  const fieldCount = bm25.fields.length;
  const documentCount = bm25.documentIds.length;
  const averageLengths = bm25.fields.map((_, field) => {
    let sum = 0;
    for (let document = 0; document < documentCount; document++) {
      sum += bm25.fieldLengths[document * fieldCount + field] as number;
    }
    return documentCount === 0 ? 0 : sum / documentCount;
  });
  await insertBatches(pool, documentCount, (start, end) => ({
    sql: `INSERT INTO index_documents (version, ordinal, unit_id, field_lengths)
          SELECT $1, ordinal, unit_id, string_to_array(lengths, ',')::integer[]
          FROM unnest($2::integer[], $3::text[], $4::text[]) AS row (ordinal, unit_id, lengths)`,
    values: [
      version,
      range(start, end),
      bm25.documentIds.slice(start, end),
      range(start, end).map((document) =>
        Array.from(bm25.fieldLengths.subarray(document * fieldCount, (document + 1) * fieldCount)).join(','),
      ),
    ],
  }));
  const termCount = bm25.termOffsets.length - 1;
  const terms = range(0, termCount).map((term) =>
    decoder.decode(
      bm25.termBytes.subarray(bm25.termOffsets[term] as number, bm25.termOffsets[term + 1] as number),
    ),
  );
  const runStart = (term: number, field: number) => bm25.postingOffsets[term * fieldCount + field] as number;
  await insertBatches(pool, termCount, (start, end) => ({
    sql: `INSERT INTO index_terms (version, term, document_frequency, field_documents)
          SELECT $1, term, frequency, string_to_array(fields, ',')::integer[]
          FROM unnest($2::text[], $3::integer[], $4::text[]) AS row (term, frequency, fields)`,
    values: [
      version,
      terms.slice(start, end),
      Array.from(bm25.documentFrequencies.subarray(start, end)),
      range(start, end).map((term) =>
        range(0, fieldCount)
          .map((field) => runStart(term, field + 1) - runStart(term, field))
          .join(','),
      ),
    ],
  }));
  await writePostings(pool, version, bm25, terms);
  return {
    analyzer: payload.analyzer,
    lexicon: payload.lexicon,
    vocabulary: payload.vocabulary,
    parameters: { ...bm25.parameters },
    fields: [...bm25.fields],
    boosts: [...bm25.boosts],
    statisticsFields: [...bm25.statisticsFields],
    documentCount,
    averageLengths,
  };
}

/** One row per term, field and document, in batches (a corpus of 100k units has millions). */
async function writePostings(
  pool: pg.Pool,
  version: string,
  bm25: ReturnType<typeof decodeLexicalIndex>['bm25'],
  terms: readonly string[],
): Promise<void> {
  const fieldCount = bm25.fields.length;
  let batch = empty();
  const flush = async () => {
    if (batch.terms.length === 0) return;
    await pool.query(
      `INSERT INTO index_postings (version, term, field, document, frequency, length)
       SELECT $1, * FROM unnest($2::text[], $3::smallint[], $4::integer[], $5::integer[], $6::integer[])`,
      [version, batch.terms, batch.fields, batch.documents, batch.frequencies, batch.lengths],
    );
    batch = empty();
  };
  for (const [term, text] of terms.entries()) {
    for (let field = 0; field < fieldCount; field++) {
      const start = bm25.postingOffsets[term * fieldCount + field] as number;
      const end = bm25.postingOffsets[term * fieldCount + field + 1] as number;
      for (let posting = start; posting < end; posting++) {
        const document = bm25.postingDocuments[posting] as number;
        batch.terms.push(text);
        batch.fields.push(field);
        batch.documents.push(document);
        batch.frequencies.push(bm25.postingFrequencies[posting] as number);
        batch.lengths.push(bm25.fieldLengths[document * fieldCount + field] as number);
      }
    }
    if (batch.terms.length >= BATCH) await flush();
  }
  await flush();
}

function empty() {
  return {
    terms: [] as string[],
    fields: [] as number[],
    documents: [] as number[],
    frequencies: [] as number[],
    lengths: [] as number[],
  };
}

/**
 * The postings of a version, searched in SQL. Document frequencies (which the answerer asks for synchronously) are
 * read into memory once.
 */
export async function openPostgresPostings(
  pool: pg.Pool,
  version: string,
  metadata: PostgresLexicalMetadata,
): Promise<PostingsSearcher> {
  const frequencies = new Map<string, number>();
  const { rows } = await pool.query<{ term: string; document_frequency: number }>(
    'SELECT term, document_frequency FROM index_terms WHERE version = $1',
    [version],
  );
  for (const row of rows) frequencies.set(row.term, row.document_frequency);
  const { parameters, boosts, averageLengths, documentCount } = metadata;
  const scored = async (terms: readonly WeightedQueryTerm[], limit: number): Promise<Bm25Hit[]> => {
    const result = await pool.query<{ id: string; score: number }>(BM25_SQL, [
      version,
      terms.map((term) => term.term),
      terms.map((term) => term.weight),
      boosts,
      documentCount,
      parameters.delta,
      parameters.k1,
      parameters.b,
      averageLengths,
      limit,
    ]);
    return result.rows.map((row) => ({ id: row.id, score: Number(row.score) }));
  };
  return {
    documentCount,
    documentFrequency: (term) => frequencies.get(term) ?? 0,
    async search(terms, options: Bm25SearchOptions) {
      const { k, filter } = options;
      if (k <= 0 || terms.length === 0 || documentCount === 0) return [];
      try {
        if (!filter) return await scored(terms, Math.min(k, documentCount));
        return await searchInWindows((window) => scored(terms, window), {
          k,
          size: documentCount,
          accepts: (hit) => filter(hit.id),
          firstWindow: 4 * k,
        });
      } catch (error) {
        if (error instanceof BeschlussError) throw error;
        throw new BeschlussError(
          'DATABASE_UNAVAILABLE',
          `The lexical search failed: ${(error as Error).message}`,
          {
            cause: error,
          },
        );
      }
    },
  };
}

/**
 * BM25+ exactly as bm25.ts scores it: per query term (numbered, so a repeated term counts twice, as there) and field,
 * weight × boost × idf of the field's postings × (delta + tf·(k1+1) / (tf + k1·(1 − b + b·length/average))), summed
 * per document and multiplied by the number of query terms it matches; best first, equal scores in document order.
 */
const BM25_SQL = `
  WITH query AS (
    SELECT term, weight, position FROM unnest($2::text[], $3::float8[]) WITH ORDINALITY AS q (term, weight, position)
  ),
  parts AS (
    SELECT p.document, q.position,
      q.weight * ($4::float8[])[p.field + 1]
        * ln(1 + ($5::float8 - t.field_documents[p.field + 1] + 0.5) / (t.field_documents[p.field + 1] + 0.5))
        * ($6::float8 + p.frequency * ($7::float8 + 1)
           / (p.frequency + $7::float8 * (1 - $8::float8 + $8::float8 * p.length / ($9::float8[])[p.field + 1])))
        AS score
    FROM query q
    JOIN index_terms t ON t.version = $1 AND t.term = q.term
    JOIN index_postings p ON p.version = $1 AND p.term = q.term
  ),
  best AS (
    SELECT document, sum(score) * count(DISTINCT position) AS score FROM parts
    GROUP BY document ORDER BY score DESC, document LIMIT $10
  )
  SELECT d.unit_id AS id, s.score FROM best s
  JOIN index_documents d ON d.version = $1 AND d.ordinal = s.document
  ORDER BY s.score DESC, s.document`;

async function insertBatches(
  pool: pg.Pool,
  count: number,
  statement: (start: number, end: number) => { sql: string; values: unknown[] },
): Promise<void> {
  for (let start = 0; start < count; start += BATCH) {
    const { sql, values } = statement(start, Math.min(count, start + BATCH));
    await pool.query(sql, values);
  }
}

function range(start: number, end: number): number[] {
  return Array.from({ length: Math.max(0, end - start) }, (_, index) => start + index);
}
