// The index manifest: its zod schema, format version and the cross-checks a loaded manifest must pass.
import { z } from 'zod';
import { BeschlussError } from '../../errors.ts';
import type { Chunk, Unit } from '../../model.ts';
import { REBUILD_HINT } from '../rebuild-hint.ts';
import { corpusHashOf } from './hash.ts';

/**
 * Bump whenever the layout of the index folder, the manifest or a data file's format changes; an index of another
 * version is rebuilt. 3: the vector store is named in the manifest (files.vectors, settings.vectorStore) and the
 * lexical index is a file of our own format (src/index/lexical/lexical-format.ts) instead of MiniSearch's JSON.
 */
export const INDEX_FORMAT_VERSION = 3;

const sha256Schema = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase sha256 hex digest');

const dataFileSchema = z.object({
  /** File name inside the build folder. */
  name: z.string().regex(/^[a-z0-9][a-z0-9.-]*$/),
  bytes: z.number().int().nonnegative(),
  sha256: sha256Schema,
});

const unitSchema = z.object({
  id: z.string().min(1),
  meeting: z.string().min(1),
  top: z.string().min(1),
  para: z.string().min(1),
  kind: z.enum(['paragraph', 'note']),
  title: z.string(),
  text: z.string(),
  date: z.string(),
  itemParagraphCount: z.number().int().nonnegative(),
}) satisfies z.ZodType<Unit>;

/** A chunk as stored: its text is not repeated, it is `unit.text.slice(start, end)`. */
const storedChunkSchema = z.object({
  id: z.string().min(1),
  unitId: z.string().min(1),
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  /** Label of its vector in the HNSW file and row in the embeddings file; equals its position in `chunks`. */
  label: z.number().int().nonnegative(),
  /** sha256 of what was embedded; an unchanged hash lets a re-index reuse the stored vector. */
  contentHash: sha256Schema,
});

const meetingSummarySchema = z.object({
  id: z.string().min(1),
  date: z.string(),
  number: z.number().int().positive().optional(),
  title: z.string(),
});

const collectionSchema = z.object({
  file: z.string(),
  meetingId: z.string().min(1),
  /** The meeting's summary (the catalog and the table of contents need it without re-parsing). */
  meeting: meetingSummarySchema,
  /** sha256 of the collection file's bytes. */
  contentHash: sha256Schema,
  unitIds: z.array(z.string()),
});

export const manifestSchema = z.object({
  formatVersion: z.literal(INDEX_FORMAT_VERSION),
  builtAt: z.iso.datetime(),
  embedder: z.object({
    /** `embedderId()` of src/embed/types.ts: an index refuses to be queried by another embedder. */
    id: z.string().min(1),
    provider: z.string().min(1),
    modelId: z.string().min(1),
    dimensions: z.number().int().positive(),
    /** Which weights of the model (e.g. "q8"), their file's sha256 and the runtime: all part of `id` too. */
    dtype: z.string().min(1).optional(),
    weightsSha256: sha256Schema.optional(),
    runtime: z.string().min(1).optional(),
    activations: z.string().min(1).optional(),
  }),
  /** `corpusHashOf([...collections, ...skipped])`. */
  corpusHash: sha256Schema,
  settings: z.object({
    chunking: z.object({
      /** What chunkSize and chunkOverlap count: characters, or the embedding model's tokens. */
      unit: z.enum(['characters', 'tokens']),
      chunkSize: z.number().int().positive(),
      chunkOverlap: z.number().int().nonnegative(),
    }),
    /**
     * Mixed into every content hash of an embedded text: what the vectors depend on besides the text (the offline
     * embedder's lexicon id), so that a re-index reuses only vectors that would come out the same.
     */
    contentSalt: z.string().default(''),
    /** The kind of vector store that wrote files.vectors (VectorStore.kind): only that kind can load it. */
    vectorStore: z.string().regex(/^[a-z0-9-]+$/),
    hnsw: z.object({
      m: z.number().int().positive(),
      efConstruction: z.number().int().positive(),
      efSearch: z.number().int().positive(),
    }),
  }),
  collections: z.array(collectionSchema),
  /**
   * Files of the corpus folder that could not be read, with their content hashes: they count in the corpus hash (a
   * fixed file makes the index stale) but contribute no units.
   */
  skipped: z
    .array(z.object({ file: z.string(), contentHash: sha256Schema, code: z.string(), message: z.string() }))
    .default([]),
  /** Meetings found in more than one file: the file kept by the rule (src/corpus/meeting-conflicts.ts), the others. */
  conflicts: z
    .array(
      z.object({
        meeting: z.string(),
        kept: z.string(),
        ignored: z.array(z.string()),
        rule: z.enum(['correction-marker', 'newest-modification', 'content-hash']),
      }),
    )
    .default([]),
  units: z.array(unitSchema),
  chunks: z.array(storedChunkSchema),
  files: z.object({
    /** The vector store's file, `vectors.<kind>` (an hnswlib graph by default). */
    vectors: dataFileSchema,
    embeddings: dataFileSchema,
    lexical: dataFileSchema,
    /** One int8 vector per sentence of every unit (src/index/artifact/sentence-vectors.ts). */
    sentences: dataFileSchema,
  }),
});

export type IndexManifest = z.infer<typeof manifestSchema>;

/** The manifest without its files: what describes an index version in any store (files or PostgreSQL). */
export const indexDescriptionSchema = manifestSchema.omit({ files: true });
export type IndexDescription = z.infer<typeof indexDescriptionSchema>;
export type CollectionEntry = z.infer<typeof collectionSchema>;
export type SkippedFileEntry = z.infer<typeof manifestSchema>['skipped'][number];
export type ConflictEntry = z.infer<typeof manifestSchema>['conflicts'][number];
export type StoredChunk = z.infer<typeof storedChunkSchema>;
export type ChunkingSettings = IndexManifest['settings']['chunking'];
export type DataFileEntry = z.infer<typeof dataFileSchema>;

/** A chunk of a loaded index: the model's Chunk plus where its vector is. */
export interface IndexedChunk extends Chunk {
  label: number;
  contentHash: string;
}

/**
 * Parses manifest JSON. The format version is checked before the schema, so a manifest of another version is
 * reported as INDEX_VERSION rather than INDEX_CORRUPT.
 */
export function parseManifest(json: string, file: string): IndexManifest {
  let data: unknown;
  try {
    data = JSON.parse(json);
  } catch (error) {
    throw corruptManifest(file, `it is not valid JSON (${(error as Error).message})`, error);
  }
  const isRecord = typeof data === 'object' && data !== null && !Array.isArray(data);
  const version = isRecord ? (data as { formatVersion?: unknown }).formatVersion : undefined;
  if (version !== undefined && version !== INDEX_FORMAT_VERSION) {
    throw new BeschlussError(
      'INDEX_VERSION',
      `The index manifest ${file} has format version ${JSON.stringify(version)}, this program reads version ` +
        `${INDEX_FORMAT_VERSION}; ${REBUILD_HINT}.`,
      { details: { file, expected: INDEX_FORMAT_VERSION, received: version } },
    );
  }
  const parsed = manifestSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length ? issue.path.join('.') : 'the top level';
    throw corruptManifest(file, `${where}: ${issue?.message ?? 'invalid'}`, parsed.error);
  }
  assertManifestConsistent(parsed.data, file);
  return parsed.data;
}

/** The checks the schema cannot express: references between units, chunks and collections, labels and hashes. */
export function assertManifestConsistent(manifest: IndexManifest, file: string): void {
  const problem = findInconsistency(manifest);
  if (problem) throw corruptManifest(file, problem);
}

/** The first reference, label or hash that does not fit, described; undefined when all fit. */
export function findInconsistency(manifest: Omit<IndexManifest, 'files'>): string | undefined {
  const units = new Map<string, Unit>();
  for (const unit of manifest.units) {
    if (units.has(unit.id)) return `unit ${unit.id} appears twice`;
    units.set(unit.id, unit);
  }
  const collected = new Set<string>();
  for (const collection of manifest.collections) {
    for (const unitId of collection.unitIds) {
      if (!units.has(unitId))
        return `collection ${collection.file} lists unit ${unitId}, which is not in the index`;
      if (collected.has(unitId)) return `unit ${unitId} belongs to more than one collection`;
      collected.add(unitId);
    }
  }
  if (collected.size !== units.size) return `${units.size - collected.size} units belong to no collection`;
  if (corpusHashOf([...manifest.collections, ...manifest.skipped]) !== manifest.corpusHash) {
    return 'the corpus hash does not match the hashes of its collections';
  }
  const chunkIds = new Set<string>();
  for (const [position, chunk] of manifest.chunks.entries()) {
    if (chunk.label !== position) return `chunk ${chunk.id} has label ${chunk.label} at position ${position}`;
    if (chunkIds.has(chunk.id)) return `chunk ${chunk.id} appears twice`;
    chunkIds.add(chunk.id);
    const unit = units.get(chunk.unitId);
    if (!unit) return `chunk ${chunk.id} belongs to unit ${chunk.unitId}, which is not in the index`;
    if (chunk.start >= chunk.end || chunk.end > unit.text.length) {
      return `chunk ${chunk.id} spans ${chunk.start}..${chunk.end}, outside its unit's ${unit.text.length} characters`;
    }
  }
  return undefined;
}

function corruptManifest(file: string, problem: string, cause?: unknown): BeschlussError {
  return new BeschlussError(
    'INDEX_CORRUPT',
    `The index manifest ${file} is corrupt: ${problem}; ${REBUILD_HINT}.`,
    {
      details: { file },
      cause,
    },
  );
}
