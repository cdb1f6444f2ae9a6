// A short, stable content hash: what names a lexicon and the files it was read from.
import { createHash } from 'node:crypto';

/** 16 hex digits of the sha256 of the parts, in order (each closed by a separator, so bytes cannot move between parts). */
export function digestOf(parts: Iterable<string | Uint8Array>): string {
  const hash = createHash('sha256');
  for (const part of parts) {
    hash.update(part);
    hash.update('\u0000');
  }
  return hash.digest('hex').slice(0, 16);
}
