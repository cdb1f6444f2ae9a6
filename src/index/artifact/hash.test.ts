import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusHashOf, hashContent, hashFile } from './hash.ts';

describe('hashContent', () => {
  it('is the sha256 hex of the UTF-8 bytes, the same for a text and its bytes', () => {
    expect(hashContent('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(hashContent('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    expect(hashContent('Beschluss über Abschiebungshaft')).toBe(
      hashContent(new TextEncoder().encode('Beschluss über Abschiebungshaft')),
    );
  });
});

describe('hashFile', () => {
  it('equals hashContent of the file bytes', async () => {
    const directory = await mkdtemp(path.join(tmpdir(), 'hash-'));
    try {
      const file = path.join(directory, 'data.bin');
      const bytes = new Uint8Array(200_000).map((_, index) => (index * 31) % 251);
      await writeFile(file, bytes);
      expect(await hashFile(file)).toBe(hashContent(bytes));
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('corpusHashOf', () => {
  const hashArbitrary = fc.string({ minLength: 1, maxLength: 8 }).map(hashContent);

  it('does not depend on the order of the collections', () => {
    fc.assert(
      fc.property(fc.array(hashArbitrary, { maxLength: 6 }), (hashes) => {
        const collections = hashes.map((contentHash) => ({ contentHash }));
        expect(corpusHashOf([...collections].reverse())).toBe(corpusHashOf(collections));
      }),
    );
  });

  it('changes when a collection is added, removed or changed', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(hashArbitrary, { minLength: 2, maxLength: 6 }),
        hashArbitrary,
        (hashes, other) => {
          fc.pre(!hashes.includes(other));
          const collections = hashes.map((contentHash) => ({ contentHash }));
          const before = corpusHashOf(collections);
          expect(corpusHashOf([...collections, { contentHash: other }])).not.toBe(before);
          expect(corpusHashOf(collections.slice(1))).not.toBe(before);
          expect(corpusHashOf([{ contentHash: other }, ...collections.slice(1)])).not.toBe(before);
        },
      ),
    );
  });
});
