// The stored vectors of the live build alone (no HNSW load), for a re-index to reuse.
import { BeschlussError } from '../errors.ts';
import { readCurrentPointer } from './index-layout.ts';
import { storedVectorsLoader } from './loaded-index.ts';
import { openManifest } from './read-index-artifact.ts';
import type { StoredVectors } from './stored-vectors.ts';

/**
 * Undefined when there is no index or it is damaged or of another format: the re-index then embeds everything,
 * which is always correct, only slower.
 */
export async function readStoredVectors(indexDirectory: string): Promise<StoredVectors | undefined> {
  try {
    const pointer = await readCurrentPointer(indexDirectory);
    if (!pointer) return undefined;
    const { directory, manifest } = await openManifest(indexDirectory, pointer, true);
    return await storedVectorsLoader(directory, manifest)();
  } catch (error) {
    if (BeschlussError.is(error, 'INDEX_CORRUPT') || BeschlussError.is(error, 'INDEX_MISMATCH'))
      return undefined;
    throw error;
  }
}
