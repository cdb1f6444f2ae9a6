// What a re-index may reuse from the live build (no HNSW load): its chunk and sentence vectors, and its units.
import type { Unit } from '../../model.ts';
import { storedVectorsLoader } from './index-artifact.ts';
import { readCurrentPointer } from './index-layout.ts';
import { openManifest, readSentenceVectors } from './read-index-artifact.ts';
import type { QuantizedVector } from './sentence-vectors.ts';
import type { StoredVectors } from './stored-vectors.ts';

/** A stored sentence vector with the unit and offsets it was embedded from. */
export interface StoredSentence {
  unit: Unit;
  start: number;
  end: number;
  vector: QuantizedVector;
}

export interface ReusableVectors {
  /** Chunk vectors by the content hash of what was embedded. */
  chunks: StoredVectors;
  sentences: StoredSentence[];
  /** What the live build's content hashes were salted with (manifest settings.contentSalt). */
  contentSalt: string;
}

/**
 * Undefined when there is no index, it cannot be read (damaged, another format) or (with `embedderId`) another
 * embedder made it: the re-index then embeds everything, which is always correct, only slower.
 */
export async function readStoredVectors(
  indexDirectory: string,
  options: { embedderId?: string } = {},
): Promise<ReusableVectors | undefined> {
  try {
    const pointer = await readCurrentPointer(indexDirectory);
    if (!pointer) return undefined;
    const { directory, manifest } = await openManifest(indexDirectory, pointer, true);
    if (options.embedderId !== undefined && manifest.embedder.id !== options.embedderId) return undefined;
    const chunks = await storedVectorsLoader(directory, manifest)();
    const stored = await readSentenceVectors(directory, manifest);
    const sentences = manifest.units.flatMap((unit, ordinal) =>
      stored.sentencesOf(ordinal).map((sentence) => ({
        unit,
        start: sentence.start,
        end: sentence.end,
        vector: stored.quantized(sentence.row),
      })),
    );
    return { chunks, sentences, contentSalt: manifest.settings.contentSalt };
  } catch {
    // Whatever is wrong with the live build (missing, damaged, another format, unreadable): a re-index embeds
    // everything anew instead, so `beschluss index` repairs any damaged index.
    return undefined;
  }
}

/** Unit ids of the live build; none when there is no index or its manifest cannot be read. */
export async function readLiveUnitIds(indexDirectory: string): Promise<string[]> {
  try {
    const pointer = await readCurrentPointer(indexDirectory);
    if (!pointer) return [];
    const { manifest } = await openManifest(indexDirectory, pointer, false);
    return manifest.units.map((unit) => unit.id);
  } catch {
    return [];
  }
}
