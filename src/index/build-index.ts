// Builds the persisted index from a corpus folder: parse every collection, chunk, embed only what changed (stored
// vectors of unchanged chunks are reused), build the lexical index and term statistics, write atomically.
import { readFile } from 'node:fs/promises';
import type { Analyzer } from '../analysis/index.ts';
import { computeTermStatistics } from '../answer/term-statistics.ts';
import { chunkUnits } from '../chunk/index.ts';
import {
  defaultExtractors,
  listCollectionFiles,
  readCorpusDir,
  type TextExtractors,
} from '../corpus/index.ts';
import { type Embedder, embedAll, embedderId } from '../embed/types.ts';
import { BeschlussError } from '../errors.ts';
import { type Chunk, type Unit, unitsOf } from '../model.ts';
import { planEmbeddings } from './embedding-plan.ts';
import { hashContent } from './hash.ts';
import type { HnswSettings } from './hnsw-vector-store.ts';
import { readCurrentPointer } from './index-layout.ts';
import { createLexicalIndex } from './lexical.ts';
import type { LoadedIndex } from './loaded-index.ts';
import type { ChunkingSettings, SkippedFileEntry } from './manifest.ts';
import { openManifest } from './read-index-artifact.ts';
import { readStoredVectors } from './read-stored-vectors.ts';
import { type WriteStage, writeIndexArtifact } from './write-index-artifact.ts';

/**
 * Bump when the parser, the chunker or the embedded text change in a way the corpus files do not show: it is part of
 * every collection's content hash, so an index built by an older pipeline counts as stale.
 */
export const PIPELINE_VERSION = 1;

export const DEFAULT_CHUNKING: ChunkingSettings = { chunkSize: 1000, chunkOverlap: 100 };

export type BuildStage = 'read' | 'embed' | WriteStage;

export interface BuildProgress {
  stage: BuildStage;
  done: number;
  total: number;
}

export interface BuildIndexOptions {
  corpusDir: string;
  indexDir: string;
  embedder: Embedder;
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
  /** Units of the previous index that are gone. */
  removedUnits: number;
  errors: Array<{ file: string; code: string; message: string }>;
  durationMs: number;
}

/** The text embedded for a chunk: the item title gives a paragraph its topic ("Die IMK nimmt den Bericht …"). */
export function embeddingTextOf(unit: Unit, chunk: Chunk): string {
  const label = unit.kind === 'note' ? `${unit.para}: ` : '';
  return `${unit.title}\n${label}${chunk.text}`;
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
  const { corpusDir, indexDir, embedder, analyzer, chunking = DEFAULT_CHUNKING, onProgress } = options;
  const extractors = options.extractors ?? defaultExtractors();
  const hashes = await corpusFileHashes(corpusDir, extractors);
  onProgress?.({ stage: 'read', done: 0, total: hashes.size });
  const { collections, errors } = await readCorpusDir(corpusDir, { extractors });
  onProgress?.({ stage: 'read', done: hashes.size, total: hashes.size });

  const units = collections.flatMap((collection) => unitsOf(collection.meeting));
  const unitsById = new Map(units.map((unit) => [unit.id, unit]));
  // The lexical index learns the abbreviations the corpus defines ("Nationales Waffenregister (NWR)") before anything
  // is embedded, since the offline embedder reads them through the shared analyzer.
  const lexical = createLexicalIndex({ analyzer, units });
  const statistics = computeTermStatistics(units, analyzer);
  const salt =
    embedder.provider === 'offline'
      ? hashContent(JSON.stringify(analyzer.learnedAbbreviations().map((entry) => [entry.short, entry.long])))
      : '';

  const chunks = await chunkUnits(units, {
    maxChars: chunking.chunkSize,
    overlapChars: chunking.chunkOverlap,
  });
  const prepared = chunks.map((chunk) => {
    const text = embeddingTextOf(unitsById.get(chunk.unitId) as Unit, chunk);
    return { ...chunk, embeddingText: text, contentHash: hashContent(`${salt}\n${text}`) };
  });
  const stored = await readStoredVectors(indexDir).catch(() => undefined);
  const plan = planEmbeddings(prepared, { stored, embedderId: embedderId(embedder) });
  onProgress?.({ stage: 'embed', done: 0, total: plan.toEmbed.length });
  const fresh = await embedAll(
    embedder,
    plan.toEmbed.map((chunk) => chunk.embeddingText),
    'passage',
    { onProgress: (done, total) => onProgress?.({ stage: 'embed', done, total }) },
  );
  const vectors = new Map<string, ArrayLike<number>>(plan.reused);
  plan.toEmbed.forEach((chunk, position) => {
    const vector = fresh[position];
    if (!vector)
      throw new BeschlussError('EMBEDDER_FAILED', `The embedder returned no vector for chunk ${chunk.id}.`);
    vectors.set(chunk.id, vector);
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
    skipped.push({
      file,
      contentHash,
      code: error?.code ?? 'FILE_UNSUPPORTED',
      message: error?.message ?? 'not read',
    });
  }

  const previousUnitIds = await previousUnits(indexDir);
  const index = await writeIndexArtifact(
    indexDir,
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
      units,
      chunks: prepared.map(({ embeddingText: _text, ...chunk }) => chunk),
      vectors,
      lexicalJson: JSON.stringify({ lexical: lexical.toJSON(), statistics: statistics.toJSON() }),
      chunking,
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
      removedUnits: previousUnitIds.filter((id) => !current.has(id)).length,
      errors: reported,
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

async function previousUnits(indexDir: string): Promise<string[]> {
  try {
    const pointer = await readCurrentPointer(indexDir);
    if (!pointer) return [];
    const { manifest } = await openManifest(indexDir, pointer, false);
    return manifest.units.map((unit) => unit.id);
  } catch {
    return [];
  }
}
