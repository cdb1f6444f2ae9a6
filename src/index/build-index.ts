// Builds the persisted index from a corpus folder: parse every collection, chunk, embed only what changed (stored
// vectors of unchanged chunks are reused), build the lexical index (term statistics included), write atomically.
import { readFile } from 'node:fs/promises';
import { type Analyzer, buildLexicon, createAnalyzer } from '../analysis/index.ts';
import { chunkUnits, splitSentences } from '../chunk/index.ts';
import {
  defaultExtractors,
  listCollectionFiles,
  type MeetingConflict,
  RULE_TEXT,
  readCorpusDir,
  type TextExtractors,
} from '../corpus/index.ts';
import { embedderForAnalyzer, lexiconDependency } from '../embed/index.ts';
import { type Embedder, embedAll, embedderId } from '../embed/types.ts';
import { BeschlussError } from '../errors.ts';
import { type Chunk, type Collection, type Unit, unitsOf } from '../model.ts';
import {
  type ChunkingSettings,
  hashContent,
  planEmbeddings,
  type QuantizedVector,
  quantize,
  type SkippedFileEntry,
  type StoredVectors,
  type WriteStage,
} from './artifact/index.ts';
import { createLexicalIndex } from './lexical/index.ts';
import { createFileIndexStore, type IndexStore, type LoadedIndex } from './store/index.ts';
import type { HnswSettings } from './vector/index.ts';

/**
 * Bump when the parser, the chunker or the embedded text change in a way the corpus files do not show: it is part of
 * every collection's content hash, so an index built by an older pipeline counts as stale.
 */
export const PIPELINE_VERSION = 1;

/** Chunking for an embedder that cannot count its tokens (the offline one, a server): characters. */
export const DEFAULT_CHUNKING: ChunkingSettings = { unit: 'characters', chunkSize: 1000, chunkOverlap: 100 };

/** Tokens an instruction prefix ("passage: ") takes at most, counted with the text a chunk's length includes. */
const PREFIX_TOKENS = 8;

/** Tokens a chunk may repeat from the previous one of its unit, when chunks are counted in model tokens. */
const TOKEN_OVERLAP = 48;

/**
 * How units are cut for an embedder: by its own tokens up to its window where it can count them (so no chunk is cut
 * off by the model), else by characters.
 */
export function chunkingFor(embedder: Pick<Embedder, 'maxInputTokens' | 'countTokens'>): ChunkingSettings {
  if (embedder.maxInputTokens === undefined || embedder.countTokens === undefined) return DEFAULT_CHUNKING;
  return { unit: 'tokens', chunkSize: embedder.maxInputTokens, chunkOverlap: TOKEN_OVERLAP };
}

export type BuildStage = 'read' | 'analyse' | 'chunk' | 'embed' | WriteStage;

export interface BuildProgress {
  stage: BuildStage;
  done: number;
  total: number;
}

export interface BuildIndexOptions {
  corpusDir: string;
  /** The store the new version is written to (and whose active version's vectors are reused). */
  store?: IndexStore;
  /** Shorthand for the embedded store of this folder, when no store is given. */
  indexDir?: string;
  embedder: Embedder;
  /** An analyzer of the bundled lexicon: the index gets its own, with the acronyms its corpus defines. */
  analyzer: Analyzer;
  chunking?: ChunkingSettings;
  hnsw?: Partial<HnswSettings>;
  extractors?: TextExtractors;
  onProgress?: (progress: BuildProgress) => void;
}

export interface BuildReport {
  units: number;
  meetings: number;
  /** Chunks sent to the embedder. */
  embedded: number;
  /** Chunks whose stored vector was reused. */
  reused: number;
  /** Sentences with a vector, and how many of them had to be embedded (the others reuse a stored or chunk vector). */
  sentences: number;
  sentencesEmbedded: number;
  /** Units of the previous index that are gone. */
  removedUnits: number;
  errors: Array<{ file: string; code: string; message: string }>;
  /** Meetings found in more than one corpus file: the file indexed and the ones not, by the documented rule. */
  conflicts: MeetingConflict[];
  durationMs: number;
}

/**
 * The text embedded for a chunk or a sentence: the item title gives a paragraph its topic ("Die IMK nimmt den Bericht
 * …") and a sentence the item it speaks of ("Dies beinhaltet …"). A unit of one sentence thus embeds the same text
 * for both, and its sentence reuses the chunk's vector.
 */
export function embeddingTextOf(unit: Unit, piece: Pick<Chunk, 'text'>): string {
  return `${embeddingContextOf(unit)}${piece.text}`;
}

function embeddingContextOf(unit: Unit): string {
  const label = unit.kind === 'note' ? `${unit.para}: ` : '';
  return `${unit.title}\n${label}`;
}

/** Content hash of a collection file as the index records it (bytes plus the pipeline version). */
export function collectionHash(bytes: Uint8Array): string {
  return hashContent(Buffer.concat([Buffer.from(`pipeline ${PIPELINE_VERSION}\n`), bytes]));
}

/** Hashes of every collection file in the folder, for the corpus hash (readable or not). */
export async function corpusFileHashes(
  corpusDir: string,
  extractors: TextExtractors = defaultExtractors(),
): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const file of await listCollectionFiles(corpusDir, extractors)) {
    hashes.set(file, collectionHash(await readFile(file)));
  }
  return hashes;
}

export async function buildIndex(
  options: BuildIndexOptions,
): Promise<{ index: LoadedIndex; report: BuildReport }> {
  const started = performance.now();
  const { corpusDir, onProgress } = options;
  const extractors = options.extractors ?? defaultExtractors();
  const hashes = await corpusFileHashes(corpusDir, extractors);
  onProgress?.({ stage: 'read', done: 0, total: hashes.size });
  const { collections, errors, conflicts } = await readCorpusDir(corpusDir, { extractors });
  onProgress?.({ stage: 'read', done: hashes.size, total: hashes.size });
  return buildIndexFrom({ ...options, collections, errors, conflicts, fileHashes: hashes, started });
}

export interface BuildIndexFromOptions extends Omit<BuildIndexOptions, 'corpusDir' | 'extractors'> {
  /** Parsed collections (a collection's `file` names its entry in fileHashes, if any). */
  collections: Collection[];
  /** Files that could not be read. Default none. */
  errors?: BeschlussError[];
  /** Meetings found in more than one file (the files not kept are recorded as skipped). Default none. */
  conflicts?: MeetingConflict[];
  /** Content hashes of the corpus files by path (collectionHash); a collection without one is hashed from its data. */
  fileHashes?: Map<string, string>;
  /** When the build started (performance.now()), for the report's duration. Default now. */
  started?: number;
}

/** The index build after reading: analysis, chunks, embeddings (reusing stored ones), sentence vectors, files. */
export async function buildIndexFrom(
  options: BuildIndexFromOptions,
): Promise<{ index: LoadedIndex; report: BuildReport }> {
  const { onProgress, collections, errors = [], conflicts = [] } = options;
  const store = storeOf(options);
  const hashes = options.fileHashes ?? new Map<string, string>();
  const started = options.started ?? performance.now();
  onProgress?.({ stage: 'analyse', done: 0, total: 1 });
  const units = collections.flatMap((collection) => unitsOf(collection.meeting));
  const unitsById = new Map(units.map((unit) => [unit.id, unit]));
  // This index's lexicon: the bundled one with the acronyms the corpus defines ("Nationales Waffenregister (NWR)").
  // Its analyzer builds the lexical index (which keeps the lexicon in its file), the offline embedder embeds with
  // it, and its id goes into the content hashes of vectors that depend on it.
  const lexicon = buildLexicon(
    options.analyzer.lexicon,
    units.flatMap((unit) => [unit.title, unit.text]),
  );
  const analyzer = createAnalyzer(lexicon);
  const embedder = embedderForAnalyzer(options.embedder, analyzer);
  // Only its file is kept: the search state opens the index from the same bytes the artifact stores.
  const lexical = createLexicalIndex({ analyzer, units }).encode();
  const salt = lexiconDependency(embedder);

  onProgress?.({ stage: 'analyse', done: 1, total: 1 });
  onProgress?.({ stage: 'chunk', done: 0, total: 1 });
  const chunking = options.chunking ?? chunkingFor(embedder);
  const reservedTokens = new Map<string, number>();
  const countTokens = embedder.countTokens;
  const chunks = await chunkUnits(units, {
    maxChars: chunking.chunkSize,
    overlapChars: chunking.chunkOverlap,
    ...(chunking.unit === 'tokens' && countTokens !== undefined
      ? {
          lengthOf: (text: string) => countTokens(text, 'passage') - 2,
          // The title and label, the prefix and the two special tokens come with every chunk of the unit; the units
          // of an item share them, so each is counted once.
          reservedFor: (unit: Unit) => {
            const context = embeddingContextOf(unit);
            let reserved = reservedTokens.get(context);
            if (reserved === undefined) {
              reserved = countTokens(context, 'passage') + 2;
              reservedTokens.set(context, reserved);
            }
            return reserved;
          },
          // A model's word pieces cover at least one character each: a text with fewer characters than the window
          // (beside the prefix's few tokens) fits without running the tokenizer.
          fitsUnmeasured: (text: string, size: number) => text.length + PREFIX_TOKENS <= size,
        }
      : {}),
  });
  const hashOf = (text: string) => hashContent(`${salt}\n${text}`);
  const prepared = chunks.map((chunk) => {
    const text = embeddingTextOf(unitsById.get(chunk.unitId) as Unit, chunk);
    return { ...chunk, embeddingText: text, contentHash: hashOf(text) };
  });
  const sentenceSpans = units.flatMap((unit) =>
    splitSentences(unit.text).map((sentence) => {
      const text = embeddingTextOf(unit, sentence);
      return {
        unitId: unit.id,
        start: sentence.start,
        end: sentence.end,
        embeddingText: text,
        contentHash: hashOf(text),
      };
    }),
  );

  onProgress?.({ stage: 'chunk', done: 1, total: 1 });
  const previous = await readPreviousVectors(store, embedderId(embedder));
  const plan = planEmbeddings(prepared, { stored: previous.chunks, embedderId: embedderId(embedder) });
  // A sentence reuses a stored sentence vector, else the vector of a chunk with the same embedded text; the rest is
  // embedded together with the new chunks, each distinct text once, sorted by length across both.
  const chunkHashes = new Set(prepared.map((chunk) => chunk.contentHash));
  const sentencesToEmbed = sentenceSpans.filter(
    (sentence) => !previous.sentences.has(sentence.contentHash) && !chunkHashes.has(sentence.contentHash),
  );
  const texts = new Map<string, string>();
  for (const item of [...plan.toEmbed, ...sentencesToEmbed]) texts.set(item.contentHash, item.embeddingText);
  const textHashes = [...texts.keys()];
  onProgress?.({ stage: 'embed', done: 0, total: textHashes.length });
  const fresh = await embedAll(
    embedder,
    textHashes.map((hash) => texts.get(hash) as string),
    'passage',
    { onProgress: (done, total) => onProgress?.({ stage: 'embed', done, total }) },
  );
  const freshByHash = new Map<string, number[]>();
  textHashes.forEach((hash, position) => {
    const vector = fresh[position];
    if (!vector)
      throw new BeschlussError('EMBEDDER_FAILED', `The embedder returned no vector for text ${position}.`);
    freshByHash.set(hash, vector);
  });
  const vectors = new Map<string, ArrayLike<number>>(plan.reused);
  for (const chunk of plan.toEmbed) vectors.set(chunk.id, freshByHash.get(chunk.contentHash) as number[]);
  const chunkVectorByHash = new Map(prepared.map((chunk) => [chunk.contentHash, vectors.get(chunk.id)]));
  const sentences = sentenceSpans.map((sentence) => {
    const stored = previous.sentences.get(sentence.contentHash);
    const vector =
      stored ??
      quantize(
        (chunkVectorByHash.get(sentence.contentHash) ??
          freshByHash.get(sentence.contentHash)) as ArrayLike<number>,
      );
    return { unitId: sentence.unitId, start: sentence.start, end: sentence.end, vector };
  });

  const fileOf = new Map(collections.map((collection) => [collection.meeting.id, collection.file]));
  const skipped: SkippedFileEntry[] = [];
  const reported = errors.map((error) => ({
    file: fileOfError(error, hashes),
    code: error.code,
    message: error.message,
  }));
  for (const [file, contentHash] of hashes) {
    if ([...fileOf.values()].includes(file)) continue;
    const error = reported.find((entry) => entry.file === file);
    const conflict = conflicts.find((entry) => entry.ignored.includes(file));
    skipped.push({
      file,
      contentHash,
      code: error?.code ?? (conflict ? 'CORPUS_DUPLICATE_MEETING' : 'FILE_UNSUPPORTED'),
      message:
        error?.message ??
        (conflict
          ? `${file}: meeting ${conflict.meeting} is also in ${conflict.kept}, which is indexed: ${RULE_TEXT[conflict.rule]}`
          : 'not read'),
    });
  }

  const previousUnitIds = await store.liveUnitIds();
  const index = await store.write(
    {
      embedder,
      collections: collections.map((collection) => ({
        file: collection.file,
        meetingId: collection.meeting.id,
        meeting: summaryOf(collection.meeting),
        contentHash:
          hashes.get(collection.file) ?? collectionHash(Buffer.from(JSON.stringify(collection.meeting))),
        unitIds: unitsOf(collection.meeting).map((unit) => unit.id),
      })),
      skipped,
      conflicts,
      units,
      chunks: prepared.map(({ embeddingText: _text, ...chunk }) => chunk),
      vectors,
      lexical,
      sentences,
      chunking,
      contentSalt: salt,
    },
    {
      ...(options.hnsw ? { hnsw: options.hnsw } : {}),
      onProgress: (progress) => onProgress?.(progress),
    },
  );
  const current = new Set(units.map((unit) => unit.id));
  return {
    index,
    report: {
      units: units.length,
      meetings: collections.length,
      embedded: plan.toEmbed.length,
      reused: plan.reused.size,
      sentences: sentences.length,
      sentencesEmbedded: sentencesToEmbed.length,
      removedUnits: previousUnitIds.filter((id) => !current.has(id)).length,
      errors: reported,
      conflicts,
      durationMs: Math.round(performance.now() - started),
    },
  };
}

function summaryOf(meeting: { id: string; date: string; number?: number; title: string }) {
  return {
    id: meeting.id,
    date: meeting.date,
    title: meeting.title,
    ...(meeting.number === undefined ? {} : { number: meeting.number }),
  };
}

function fileOfError(error: BeschlussError, hashes: Map<string, string>): string {
  const file = error.details?.file;
  if (typeof file === 'string') return file;
  return [...hashes.keys()].find((candidate) => error.message.startsWith(`${candidate}:`)) ?? '';
}

/**
 * The live build's chunk vectors and sentence vectors by content hash, for reuse; none when there is no index, it is
 * damaged, of another format, or made by another embedder (then everything is embedded: always correct, only slower).
 */
async function readPreviousVectors(
  store: IndexStore,
  currentEmbedderId: string,
): Promise<{ chunks: StoredVectors | undefined; sentences: Map<string, QuantizedVector> }> {
  const sentences = new Map<string, QuantizedVector>();
  const stored = await store.reusableVectors({ embedderId: currentEmbedderId });
  if (!stored) return { chunks: undefined, sentences };
  for (const sentence of stored.sentences) {
    const text = embeddingTextOf(sentence.unit, {
      text: sentence.unit.text.slice(sentence.start, sentence.end),
    });
    sentences.set(hashContent(`${stored.contentSalt}\n${text}`), sentence.vector);
  }
  return { chunks: stored.chunks, sentences };
}

function storeOf(options: { store?: IndexStore; indexDir?: string }): IndexStore {
  if (options.store) return options.store;
  if (options.indexDir === undefined) {
    throw new BeschlussError('INTERNAL', 'An index build needs a store or an index folder.');
  }
  return createFileIndexStore(options.indexDir);
}
