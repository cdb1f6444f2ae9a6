// Writes a complete index into a fresh build folder and switches CURRENT to it; a crash leaves the old index live.
import { mkdir, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import type { Embedder } from '../../embed/types.ts';
import { embedderId } from '../../embed/types.ts';
import { BeschlussError } from '../../errors.ts';
import type { Chunk, Unit } from '../../model.ts';
import {
  lowOnSpace,
  storageError,
  storageFailure,
  writeFileAtomic,
  writeViaTempFile,
} from '../../storage/index.ts';
import {
  assertVector,
  type CreateVectorStore,
  createHnswVectorStore,
  DEFAULT_HNSW_SETTINGS,
  type HnswSettings,
} from '../vector/index.ts';
import { corpusHashOf, hashContent, hashFile } from './hash.ts';
import { chunksOf, type IndexArtifact, storedVectorsLoader } from './index-artifact.ts';
import {
  buildDirectory,
  EMBEDDINGS_FILE,
  LEXICAL_FILE,
  MANIFEST_FILE,
  newBuildName,
  readCurrentPointer,
  removeOtherBuilds,
  SENTENCES_FILE,
  vectorFileName,
  writeCurrentPointer,
} from './index-layout.ts';
import { acquireIndexLock } from './index-lock.ts';
import {
  type ChunkingSettings,
  type CollectionEntry,
  type ConflictEntry,
  type DataFileEntry,
  findInconsistency,
  INDEX_FORMAT_VERSION,
  type IndexManifest,
  manifestSchema,
  type SkippedFileEntry,
} from './manifest.ts';
import { decodeSentenceVectors, encodeSentenceVectors, type QuantizedVector } from './sentence-vectors.ts';
import { encodeEmbeddings } from './stored-vectors.ts';

export interface IndexArtifactInput {
  embedder: Pick<Embedder, 'provider' | 'modelId' | 'dimensions' | 'identity'>;
  /** Every unit must be listed by exactly one collection. */
  collections: CollectionEntry[];
  /** Corpus files that could not be read (default none). */
  skipped?: SkippedFileEntry[];
  /** Meetings found in several files, and which one was kept (default none). */
  conflicts?: ConflictEntry[];
  units: Unit[];
  /**
   * In any order; a chunk's position becomes its vector label. `contentHash` is the sha256 of exactly what was
   * embedded (default: `hashContent(chunk.text)`); include anything else the embedded text carried (a title, say).
   */
  chunks: ReadonlyArray<Chunk & { contentHash?: string }>;
  /** One vector per chunk, by chunk id. */
  vectors: ReadonlyMap<string, ArrayLike<number>>;
  /** The encoded lexical index (src/index/lexical), stored and returned as is. */
  lexical: Uint8Array;
  /** A vector per sentence of the units (any order); each must lie inside its unit's text. */
  sentences: ReadonlyArray<{ unitId: string; start: number; end: number; vector: QuantizedVector }>;
  chunking: ChunkingSettings;
  /** What the content hashes were salted with (manifest settings.contentSalt). Default ''. */
  contentSalt?: string;
}

export type WriteStage = 'vectors' | 'embeddings' | 'sentences' | 'lexical' | 'manifest' | 'switch';

export interface WriteIndexArtifactOptions {
  /** HNSW parameters, recorded in the manifest; defaults: DEFAULT_HNSW_SETTINGS. */
  hnsw?: Partial<HnswSettings>;
  /** The vector store a build fills and saves; default an HNSW store with the `hnsw` settings. */
  createVectorStore?: CreateVectorStore;
  /** Called with done = 0 when a stage starts and done = total when it ends; 'vectors' also every 1000 vectors. */
  onProgress?: (progress: { stage: WriteStage; done: number; total: number }) => void;
  /** Recorded as builtAt; default: now. */
  builtAt?: Date;
}

const PROGRESS_EVERY = 1000;

const createDefaultVectorStore: CreateVectorStore = ({ dimensions, capacity, hnsw }) =>
  createHnswVectorStore({ dimensions, initialCapacity: Math.max(1, capacity), ...hnsw });
/** Building the graph is synchronous native work; yielding now and then keeps a server answering meanwhile. */
const YIELD_EVERY = 256;

/**
 * Writes the index into `indexDirectory/builds/<new>/`, then points `indexDirectory/CURRENT` at it and deletes the
 * other builds. Until CURRENT is switched the previous index stays live, whatever fails. Returns the new index,
 * already in memory. A full disk, a read-only one or a missing folder is a storage error naming the folder
 * (STORAGE_FULL, STORAGE_READ_ONLY, STORAGE_FOLDER_MISSING).
 */
export async function writeIndexArtifact(
  indexDirectory: string,
  input: IndexArtifactInput,
  options: WriteIndexArtifactOptions = {},
): Promise<IndexArtifact> {
  const where = { folder: indexDirectory, subject: { de: 'der Index', en: 'the index' } };
  try {
    return await writeLocked(indexDirectory, input, options);
  } catch (error) {
    const mapped = storageError(error, where);
    if (mapped) throw mapped;
    // hnswlib reports no errno: a file it left short on a disk without room is a full disk.
    if (await lowOnSpace(indexDirectory)) throw storageFailure('STORAGE_FULL', where, { cause: error });
    throw error;
  }
}

async function writeLocked(
  indexDirectory: string,
  input: IndexArtifactInput,
  options: WriteIndexArtifactOptions,
): Promise<IndexArtifact> {
  const { onProgress, builtAt = new Date(), createVectorStore = createDefaultVectorStore } = options;
  const prepared = prepareIndexVersion(input, options.hnsw ?? {}, builtAt);
  await mkdir(indexDirectory, { recursive: true });
  const releaseLock = await acquireIndexLock(indexDirectory);
  try {
    // Left-overs of a crashed writer would only take space; the live build is kept whatever happens.
    const previous = await readCurrentPointer(indexDirectory).catch(() => undefined);
    await removeOtherBuilds(indexDirectory, previous?.build);
    const build = newBuildName(builtAt);
    const directory = buildDirectory(indexDirectory, build);
    await mkdir(directory, { recursive: true });
    let switched = false;
    try {
      const result = await writeBuild(directory, input, prepared, { createVectorStore, onProgress });
      onProgress?.({ stage: 'switch', done: 0, total: 1 });
      await writeCurrentPointer(indexDirectory, { build, manifestSha256: result.manifestSha256 });
      switched = true;
      await removeOtherBuilds(indexDirectory, build).catch(() => undefined);
      onProgress?.({ stage: 'switch', done: 1, total: 1 });
      return result.index;
    } catch (error) {
      // Once CURRENT names the new build it is the live index and must stay.
      if (!switched) await rm(directory, { recursive: true, force: true }).catch(() => undefined);
      throw error;
    }
  } finally {
    await releaseLock();
  }
}

/** A version checked and laid out, ready to be written to any store. */
export interface PreparedIndexVersion {
  /** The manifest without `files`, which are known only once written; settings.vectorStore is still 'pending'. */
  manifest: Omit<IndexManifest, 'files'>;
  rows: ArrayLike<number>[];
  /** The encoded sentence vectors file. */
  sentences: Uint8Array;
}

/** Everything is checked before the first byte is written (to a build folder or a database). */
export function prepareIndexVersion(
  input: IndexArtifactInput,
  hnsw: Partial<HnswSettings>,
  builtAt: Date,
): PreparedIndexVersion {
  const { embedder } = input;
  const settings: HnswSettings = {
    m: hnsw.m ?? DEFAULT_HNSW_SETTINGS.m,
    efConstruction: hnsw.efConstruction ?? DEFAULT_HNSW_SETTINGS.efConstruction,
    efSearch: hnsw.efSearch ?? DEFAULT_HNSW_SETTINGS.efSearch,
  };
  const rows: ArrayLike<number>[] = [];
  const chunks = input.chunks.map((chunk, label) => {
    const vector = input.vectors.get(chunk.id);
    if (!vector) throw invalidInput(`chunk ${chunk.id} has no vector`);
    assertVector(vector, embedder.dimensions);
    rows.push(vector);
    return {
      id: chunk.id,
      unitId: chunk.unitId,
      start: chunk.start,
      end: chunk.end,
      label,
      contentHash: chunk.contentHash ?? hashContent(chunk.text),
    };
  });
  const placeholderFile = { name: 'placeholder', bytes: 0, sha256: '0'.repeat(64) };
  const candidate = {
    formatVersion: INDEX_FORMAT_VERSION,
    builtAt: builtAt.toISOString(),
    embedder: {
      id: embedderId(embedder),
      provider: embedder.provider,
      modelId: embedder.modelId,
      dimensions: embedder.dimensions,
      ...(embedder.identity ?? {}),
    },
    corpusHash: corpusHashOf([...input.collections, ...(input.skipped ?? [])]),
    // The store's kind is known once writeBuild has made it: a placeholder, as for the files.
    settings: {
      chunking: input.chunking,
      contentSalt: input.contentSalt ?? '',
      vectorStore: 'pending',
      hnsw: settings,
    },
    collections: input.collections,
    skipped: input.skipped ?? [],
    conflicts: input.conflicts ?? [],
    units: input.units,
    chunks,
    files: {
      vectors: placeholderFile,
      embeddings: placeholderFile,
      lexical: placeholderFile,
      sentences: placeholderFile,
    },
  };
  const parsed = manifestSchema.safeParse(candidate);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw invalidInput(`${issue?.path.join('.') || 'input'}: ${issue?.message ?? 'invalid'}`);
  }
  const problem = findInconsistency(parsed.data);
  if (problem) throw invalidInput(problem);
  const texts = chunksOf(parsed.data);
  input.chunks.forEach((chunk, label) => {
    if (texts[label]?.text !== chunk.text) {
      throw invalidInput(
        `chunk ${chunk.id}'s text is not its unit's text from ${chunk.start} to ${chunk.end}`,
      );
    }
  });
  const { files: _placeholders, ...manifest } = parsed.data;
  const ordinalOf = new Map(parsed.data.units.map((unit, ordinal) => [unit.id, ordinal]));
  const sentences = input.sentences.map((sentence) => {
    const unitOrdinal = ordinalOf.get(sentence.unitId);
    const unit = unitOrdinal === undefined ? undefined : parsed.data.units[unitOrdinal];
    if (unitOrdinal === undefined || unit === undefined) {
      throw invalidInput(`a sentence belongs to unit ${sentence.unitId}, which is not in the index`);
    }
    if (!(sentence.start < sentence.end && sentence.end <= unit.text.length)) {
      throw invalidInput(
        `a sentence of ${sentence.unitId} spans ${sentence.start}..${sentence.end}, outside its text`,
      );
    }
    return { unitOrdinal, start: sentence.start, end: sentence.end, vector: sentence.vector };
  });
  return { manifest, rows, sentences: encodeSentenceVectors(sentences, embedder.dimensions) };
}

async function writeBuild(
  directory: string,
  input: IndexArtifactInput,
  prepared: PreparedIndexVersion,
  options: Pick<Required<WriteIndexArtifactOptions>, 'createVectorStore'> &
    Pick<WriteIndexArtifactOptions, 'onProgress'>,
): Promise<{ index: IndexArtifact; manifestSha256: string }> {
  const { onProgress } = options;
  const { rows } = prepared;
  const { dimensions } = prepared.manifest.embedder;

  const total = rows.length;
  onProgress?.({ stage: 'vectors', done: 0, total });
  const vectorStore = options.createVectorStore({
    dimensions,
    capacity: total,
    hnsw: prepared.manifest.settings.hnsw,
  });
  if (!/^[a-z0-9-]+$/.test(vectorStore.kind)) {
    throw invalidInput(`the vector store's kind "${vectorStore.kind}" is not a lower-case file name part`);
  }
  const manifest = {
    ...prepared.manifest,
    settings: { ...prepared.manifest.settings, vectorStore: vectorStore.kind },
  };
  for (const [label, row] of rows.entries()) {
    await vectorStore.add(label, row);
    if ((label + 1) % PROGRESS_EVERY === 0) onProgress?.({ stage: 'vectors', done: label + 1, total });
    if ((label + 1) % YIELD_EVERY === 0) await yieldToEventLoop();
  }
  const vectorFile = vectorFileName(vectorStore.kind);
  // The store writes a plain file; the temp name and rename keep a half-written one out of the build folder.
  await writeViaTempFile(path.join(directory, vectorFile), (tempFile) => vectorStore.save(tempFile));
  onProgress?.({ stage: 'vectors', done: total, total });

  onProgress?.({ stage: 'embeddings', done: 0, total: 1 });
  const embeddings = encodeEmbeddings(rows, dimensions);
  await writeFileAtomic(
    path.join(directory, EMBEDDINGS_FILE),
    new Uint8Array(embeddings.buffer, embeddings.byteOffset, embeddings.byteLength),
  );
  onProgress?.({ stage: 'embeddings', done: 1, total: 1 });

  onProgress?.({ stage: 'sentences', done: 0, total: 1 });
  await writeFileAtomic(path.join(directory, SENTENCES_FILE), prepared.sentences);
  onProgress?.({ stage: 'sentences', done: 1, total: 1 });

  onProgress?.({ stage: 'lexical', done: 0, total: 1 });
  await writeFileAtomic(path.join(directory, LEXICAL_FILE), input.lexical);
  onProgress?.({ stage: 'lexical', done: 1, total: 1 });

  onProgress?.({ stage: 'manifest', done: 0, total: 1 });
  const files = {
    vectors: await describeFile(directory, vectorFile),
    embeddings: await describeFile(directory, EMBEDDINGS_FILE),
    lexical: await describeFile(directory, LEXICAL_FILE),
    sentences: await describeFile(directory, SENTENCES_FILE),
  };
  const complete: IndexManifest = { ...manifest, files };
  const manifestJson = JSON.stringify(complete);
  await writeFileAtomic(path.join(directory, MANIFEST_FILE), manifestJson);
  onProgress?.({ stage: 'manifest', done: 1, total: 1 });

  const index: IndexArtifact = {
    buildDirectory: directory,
    manifest: complete,
    units: complete.units,
    chunks: chunksOf(complete),
    vectorStore,
    lexical: input.lexical,
    sentences: decodeSentenceVectors(prepared.sentences, {
      dimensions,
      unitLengths: complete.units.map((unit) => unit.text.length),
      file: path.join(directory, SENTENCES_FILE),
    }),
    loadStoredVectors: storedVectorsLoader(directory, complete),
  };
  return { index, manifestSha256: hashContent(manifestJson) };
}

async function describeFile(directory: string, name: string): Promise<DataFileEntry> {
  const file = path.join(directory, name);
  return { name, bytes: (await stat(file)).size, sha256: await hashFile(file) };
}

function invalidInput(problem: string): BeschlussError {
  return new BeschlussError('INTERNAL', `Cannot write the index: ${problem}.`, { details: { problem } });
}
