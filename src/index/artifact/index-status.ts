// Whether the index folder holds an index fit for the current embedder and corpus: the server's build-or-load test.
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { BeschlussError } from '../../errors.ts';
import { BUILDS_DIRECTORY, CURRENT_FILE, readCurrentPointer } from './index-layout.ts';
import type { ChunkingSettings, IndexManifest } from './manifest.ts';
import { checkDataFiles, openManifest } from './read-index-artifact.ts';

export type IndexStatus =
  | { state: 'missing'; reason: string }
  /** Damaged: a file missing, cut short or changed, or builds without the CURRENT naming the live one. */
  | { state: 'corrupt'; reason: string; file?: string }
  /** A file in another format version than this program reads. */
  | { state: 'other-version'; reason: string; file?: string }
  /** Built by another embedder, from another corpus, with other chunking, or in another format: rebuild it. */
  | { state: 'stale'; reason: string }
  | { state: 'fresh' };

export interface IndexExpectation {
  embedderId: string;
  corpusHash: string;
  /** When given, an index chunked differently is stale too. */
  chunking?: ChunkingSettings;
}

/**
 * Reads only CURRENT and the manifest and checks that the data files exist with their recorded sizes; with
 * `verify` also their checksums. Never throws for a damaged index: that is the 'corrupt' state.
 */
export async function indexStatus(
  indexDirectory: string,
  expected: IndexExpectation,
  options: { verify?: boolean } = {},
): Promise<IndexStatus> {
  let manifest: IndexManifest;
  try {
    const pointer = await readCurrentPointer(indexDirectory);
    if (!pointer) return await withoutPointer(indexDirectory);
    const opened = await openManifest(indexDirectory, pointer, options.verify ?? false);
    manifest = opened.manifest;
    await checkDataFiles(opened.directory, manifest, options.verify ?? false);
  } catch (error) {
    const file = fileNamedBy(error);
    if (BeschlussError.is(error, 'INDEX_MISMATCH')) return { state: 'stale', reason: error.message };
    if (BeschlussError.is(error, 'INDEX_VERSION'))
      return { state: 'other-version', reason: error.message, ...file };
    if (BeschlussError.is(error, 'INDEX_CORRUPT'))
      return { state: 'corrupt', reason: error.message, ...file };
    throw error;
  }
  const reason = staleness(manifest, expected);
  return reason ? { state: 'stale', reason } : { state: 'fresh' };
}

/** Why an index of this description is stale for the expectation, or undefined when it is fresh. */
export function staleness(
  manifest: Pick<IndexManifest, 'embedder' | 'corpusHash' | 'settings'>,
  expected: IndexExpectation,
): string | undefined {
  if (manifest.embedder.id !== expected.embedderId) {
    return `the index was built with the embedder "${manifest.embedder.id}", the embedder in use is "${expected.embedderId}"`;
  }
  if (manifest.corpusHash !== expected.corpusHash) {
    return `the corpus changed (index built from corpus ${manifest.corpusHash.slice(0, 12)}…, now ${expected.corpusHash.slice(0, 12)}…)`;
  }
  const chunking = expected.chunking;
  if (
    chunking &&
    (chunking.unit !== manifest.settings.chunking.unit ||
      chunking.chunkSize !== manifest.settings.chunking.chunkSize ||
      chunking.chunkOverlap !== manifest.settings.chunking.chunkOverlap)
  ) {
    return (
      `the chunking changed (index built with chunk size ${manifest.settings.chunking.chunkSize}/overlap ` +
      `${manifest.settings.chunking.chunkOverlap} ${manifest.settings.chunking.unit}, now ` +
      `${chunking.chunkSize}/${chunking.chunkOverlap} ${chunking.unit})`
    );
  }
  return undefined;
}

/**
 * No CURRENT: a folder without builds holds no index yet; builds without CURRENT are damage (CURRENT deleted, or a
 * first build cut off before its switch), which INDEX_ON_CORRUPT=fail must not silently rebuild over.
 */
async function withoutPointer(indexDirectory: string): Promise<IndexStatus> {
  const builds = await readdir(path.join(indexDirectory, BUILDS_DIRECTORY)).catch(() => [] as string[]);
  if (builds.length === 0) return { state: 'missing', reason: `there is no index in ${indexDirectory}` };
  const file = path.join(indexDirectory, CURRENT_FILE);
  return {
    state: 'corrupt',
    reason:
      `The index is corrupt: ${file} is missing although ${path.join(indexDirectory, BUILDS_DIRECTORY)} holds ` +
      `${builds.length === 1 ? 'a build' : `${builds.length} builds`} (CURRENT deleted, or a build cut off before ` +
      'its switch); run `npx beschluss index` to rebuild it',
    file,
  };
}

function fileNamedBy(error: unknown): { file?: string } {
  const file = BeschlussError.is(error) ? error.details?.file : undefined;
  return typeof file === 'string' ? { file } : {};
}
