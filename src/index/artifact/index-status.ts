// Whether the index folder holds an index fit for the current embedder and corpus: the server's build-or-load test.
import { BeschlussError } from '../../errors.ts';
import { readCurrentPointer } from './index-layout.ts';
import type { ChunkingSettings, IndexManifest } from './manifest.ts';
import { checkDataFiles, openManifest } from './read-index-artifact.ts';

export type IndexStatus =
  | { state: 'missing'; reason: string }
  | { state: 'corrupt'; reason: string }
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
    if (!pointer) return { state: 'missing', reason: `there is no index in ${indexDirectory}` };
    const opened = await openManifest(indexDirectory, pointer, options.verify ?? false);
    manifest = opened.manifest;
    await checkDataFiles(opened.directory, manifest, options.verify ?? false);
  } catch (error) {
    if (BeschlussError.is(error, 'INDEX_MISMATCH')) return { state: 'stale', reason: error.message };
    if (BeschlussError.is(error, 'INDEX_CORRUPT')) return { state: 'corrupt', reason: error.message };
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
