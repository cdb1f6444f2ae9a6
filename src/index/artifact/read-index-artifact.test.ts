import { mkdtemp, readFile, rm, stat, truncate, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { embedderId } from '../../embed/types.ts';
import type { HnswVectorStore } from '../vector/index.ts';
import { hashContent, hashFile } from './hash.ts';
import type { IndexArtifact } from './index-artifact.ts';
import type { IndexManifest } from './manifest.ts';
import { readIndexArtifact } from './read-index-artifact.ts';
import { buildArtifactInput, createRecordingEmbedder, imkCollections } from './testing/artifact-fixture.ts';
import { writeIndexArtifact } from './write-index-artifact.ts';

let directory: string;
let written: IndexArtifact;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'index-read-'));
  written = await writeIndexArtifact(
    directory,
    await buildArtifactInput(imkCollections(), createRecordingEmbedder()),
  );
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

function dataFile(name: 'vectors' | 'embeddings' | 'lexical'): string {
  return path.join(written.buildDirectory, written.manifest.files[name].name);
}

/** Replaces the manifest and re-points CURRENT at its new checksum, so only the damage itself is noticed. */
async function rewriteManifest(change: (manifest: Record<string, unknown>) => void): Promise<void> {
  const file = path.join(written.buildDirectory, 'manifest.json');
  const manifest = JSON.parse(await readFile(file, 'utf8'));
  change(manifest);
  const json = JSON.stringify(manifest);
  await writeFile(file, json);
  const pointerFile = path.join(directory, 'CURRENT');
  const pointer = JSON.parse(await readFile(pointerFile, 'utf8'));
  await writeFile(pointerFile, JSON.stringify({ ...pointer, manifestSha256: hashContent(json) }));
}

async function flipByte(file: string, position: number): Promise<void> {
  const bytes = await readFile(file);
  bytes[position] = (bytes[position] as number) ^ 0xff;
  await writeFile(file, bytes);
}

/** Makes the manifest agree with a damaged data file's size and checksum, as a careless copy tool might. */
async function acceptDataFile(name: 'vectors' | 'embeddings' | 'lexical'): Promise<void> {
  const file = dataFile(name);
  const bytes = (await stat(file)).size;
  const sha256 = await hashFile(file);
  await rewriteManifest((manifest) => {
    (manifest as unknown as IndexManifest).files[name] = { name: path.basename(file), bytes, sha256 };
  });
}

describe('readIndexArtifact', () => {
  it('refuses a folder without an index as INDEX_MISSING, saying how to build one', async () => {
    for (const empty of [
      path.join(directory, 'nothing-here'),
      await mkdtemp(path.join(directory, 'empty-')),
    ]) {
      await expect(readIndexArtifact(empty)).rejects.toMatchObject({
        code: 'INDEX_MISSING',
        message: expect.stringContaining('run `npx beschluss index` or start the server'),
      });
    }
  });

  it('loads with verify off as with verify on', async () => {
    const fast = await readIndexArtifact(directory, { verify: false });
    expect(fast.manifest).toEqual(written.manifest);
    expect(fast.vectorStore.size).toBe(written.chunks.length);
  });

  it('applies an efSearch override', async () => {
    const { vectorStore } = await readIndexArtifact(directory, { efSearch: 17 });
    expect((vectorStore as HnswVectorStore).settings.efSearch).toBe(17);
  });

  describe('INDEX_CORRUPT', () => {
    const corruptions: Array<[string, () => Promise<void>, RegExp, { verifyOnly?: boolean }?]> = [
      [
        'a truncated HNSW file',
        () => truncate(dataFile('vectors'), 500),
        /vectors\.hnsw has 500 bytes, the manifest says/,
      ],
      [
        'a truncated HNSW file whose size and checksum the manifest was made to accept',
        async () => {
          await truncate(dataFile('vectors'), 1000);
          await acceptDataFile('vectors');
        },
        /HNSW file .*vectors\.hnsw is corrupt/,
      ],
      [
        'a flipped byte in the HNSW file',
        () => flipByte(dataFile('vectors'), 300),
        /vectors\.hnsw does not match its checksum/,
        { verifyOnly: true },
      ],
      [
        'a flipped byte in the embeddings file',
        () => flipByte(dataFile('embeddings'), 10),
        /embeddings\.f32 does not match its checksum/,
        { verifyOnly: true },
      ],
      [
        'a flipped byte in the lexical file',
        () => flipByte(dataFile('lexical'), 3),
        /lexical\.bin does not match its checksum/,
        { verifyOnly: true },
      ],
      ['a deleted data file', () => unlink(dataFile('embeddings')), /embeddings\.f32 is missing/],
      [
        'a deleted manifest',
        () => unlink(path.join(written.buildDirectory, 'manifest.json')),
        /manifest .*manifest\.json named by CURRENT is missing/,
      ],
      [
        'garbage instead of the manifest',
        () => rewriteManifestText('{"formatVersion": 1, "units": [ garbage'),
        /manifest\.json is corrupt: it is not valid JSON/,
      ],
      [
        'a manifest edited behind CURRENT’s back',
        async () => {
          const file = path.join(written.buildDirectory, 'manifest.json');
          const manifest = JSON.parse(await readFile(file, 'utf8'));
          manifest.units[0].text = 'Ein anderer Text.';
          await writeFile(file, JSON.stringify(manifest));
        },
        /does not match the checksum recorded in CURRENT/,
        { verifyOnly: true },
      ],
      [
        'a manifest missing its units',
        () =>
          rewriteManifest((manifest) => {
            delete manifest.units;
          }),
        /manifest\.json is corrupt: units:/,
      ],
      [
        'a manifest whose chunk labels are out of order',
        () =>
          rewriteManifest((manifest) => {
            const chunks = (manifest as unknown as IndexManifest).chunks;
            [chunks[0], chunks[1]] = [chunks[1] as (typeof chunks)[0], chunks[0] as (typeof chunks)[0]];
          }),
        /has label 1 at position 0/,
      ],
      [
        'a manifest whose corpus hash does not fit its collections',
        () =>
          rewriteManifest((manifest) => {
            manifest.corpusHash = hashContent('another corpus');
          }),
        /corpus hash does not match/,
      ],
      [
        'a manifest claiming another dimension than the HNSW file holds',
        () =>
          rewriteManifest((manifest) => {
            (manifest as unknown as IndexManifest).embedder.dimensions = 32;
          }),
        /holds 6 vectors of 16 dimensions, the manifest 6 of 32/,
      ],
      [
        'a garbled CURRENT',
        () => writeFile(path.join(directory, 'CURRENT'), 'builds/../../etc'),
        /index pointer .*CURRENT is corrupt/,
      ],
    ];

    for (const [name, damage, message, { verifyOnly = false } = {}] of corruptions) {
      it(`reports ${name}${verifyOnly ? ' (when verifying)' : ''}`, async () => {
        await damage();
        await expect(readIndexArtifact(directory)).rejects.toMatchObject({
          code: 'INDEX_CORRUPT',
          message: expect.stringMatching(message),
        });
        await expect(readIndexArtifact(directory)).rejects.toThrow(/rebuild/);
        if (!verifyOnly) {
          await expect(readIndexArtifact(directory, { verify: false })).rejects.toMatchObject({
            code: 'INDEX_CORRUPT',
          });
        }
      });
    }

    it('still catches a flipped embeddings byte without verify, when the stored vectors are loaded', async () => {
      await flipByte(dataFile('embeddings'), 10);
      const loaded = await readIndexArtifact(directory, { verify: false });
      await expect(loaded.loadStoredVectors()).rejects.toMatchObject({
        code: 'INDEX_CORRUPT',
        message: expect.stringMatching(/embeddings\.f32 does not match its checksum/),
      });
    });

    it('never hands a truncated HNSW file to hnswlib, wherever it is cut', async () => {
      const original = await readFile(dataFile('vectors'));
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: original.byteLength - 1 }), async (length) => {
          await writeFile(dataFile('vectors'), original.subarray(0, length));
          await acceptDataFile('vectors');
          await expect(readIndexArtifact(directory, { verify: false })).rejects.toMatchObject({
            code: 'INDEX_CORRUPT',
          });
        }),
        { numRuns: 40 },
      );
    });
  });

  describe('INDEX_VERSION and INDEX_MISMATCH', () => {
    it('refuses another format version, naming both versions', async () => {
      await rewriteManifest((manifest) => {
        manifest.formatVersion = 0;
      });
      await expect(readIndexArtifact(directory)).rejects.toMatchObject({
        code: 'INDEX_VERSION',
        message: expect.stringMatching(
          /format version 0, this program reads version 3; run `npx beschluss index`/,
        ),
      });
    });

    it('refuses an index built by another embedder, naming both embedder ids', async () => {
      const inUse = embedderId({
        provider: 'transformers',
        modelId: 'Xenova/multilingual-e5-small',
        dimensions: 384,
      });
      await expect(readIndexArtifact(directory, { expectedEmbedderId: inUse })).rejects.toMatchObject({
        code: 'INDEX_MISMATCH',
        message: expect.stringMatching(
          /built with the embedder "fixture:fixture-model:16" but the embedder in use is "transformers:Xenova\/multilingual-e5-small:384"/,
        ),
        details: { expected: inUse, received: 'fixture:fixture-model:16' },
      });
      expect(
        (await readIndexArtifact(directory, { expectedEmbedderId: 'fixture:fixture-model:16' })).units,
      ).toHaveLength(5);
    });
  });
});

async function rewriteManifestText(text: string): Promise<void> {
  await writeFile(path.join(written.buildDirectory, 'manifest.json'), text);
  const pointerFile = path.join(directory, 'CURRENT');
  const pointer = JSON.parse(await readFile(pointerFile, 'utf8'));
  await writeFile(pointerFile, JSON.stringify({ ...pointer, manifestSha256: hashContent(text) }));
}
