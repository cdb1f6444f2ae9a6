// sha256 helpers: content hashes of texts and files, and the corpus hash over the collections' hashes.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

/** sha256 of a text (as UTF-8) or of bytes, as lowercase hex. */
export function hashContent(content: string | Uint8Array): string {
  return createHash('sha256').update(content).digest('hex');
}

/** sha256 of a file's bytes, streamed so large files are not held in memory. */
export async function hashFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** The corpus identity: independent of file names and order, changed by any change to any collection's content. */
export function corpusHashOf(collections: ReadonlyArray<{ contentHash: string }>): string {
  const hashes = collections.map((collection) => collection.contentHash).sort();
  return hashContent(`corpus\n${hashes.join('\n')}`);
}
