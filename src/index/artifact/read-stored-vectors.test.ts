// Reading what a re-index may reuse from the live build: chunk and sentence vectors, unit ids.
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readLiveUnitIds, readStoredVectors } from './read-stored-vectors.ts';
import { buildArtifactInput, createRecordingEmbedder, imkCollections } from './testing/artifact-fixture.ts';
import { writeIndexArtifact } from './write-index-artifact.ts';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'stored-vectors-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('readStoredVectors', () => {
  it('returns the vector of every chunk by content hash, with the embedder that made it', async () => {
    const input = await buildArtifactInput(imkCollections(), createRecordingEmbedder());
    await writeIndexArtifact(directory, input);
    const stored = (await readStoredVectors(directory))?.chunks;
    expect(stored?.embedderId).toBe('fixture:fixture-model:16');
    expect(stored?.size).toBe(input.chunks.length);
    for (const chunk of input.chunks) {
      expect(Array.from(stored?.get(chunk.contentHash) ?? [])).toEqual(
        Array.from(Float32Array.from(input.vectors.get(chunk.id) as ArrayLike<number>)),
      );
    }
  });

  it('returns every sentence vector with its unit and offsets, and the content salt', async () => {
    const input = await buildArtifactInput(imkCollections(), createRecordingEmbedder());
    await writeIndexArtifact(directory, { ...input, contentSalt: 'salt' });
    const stored = await readStoredVectors(directory);
    expect(stored?.contentSalt).toBe('salt');
    expect(stored?.sentences.map((sentence) => [sentence.unit.id, sentence.start, sentence.end])).toEqual(
      input.sentences.map((sentence) => [sentence.unitId, sentence.start, sentence.end]),
    );
    expect(Array.from(stored?.sentences[0]?.vector.values ?? [])).toEqual(
      Array.from(input.sentences[0]?.vector.values ?? []),
    );
  });

  it('returns undefined for an index made by another embedder', async () => {
    await writeIndexArtifact(
      directory,
      await buildArtifactInput(imkCollections(), createRecordingEmbedder()),
    );
    expect(await readStoredVectors(directory, { embedderId: 'another' })).toBeUndefined();
    expect(await readStoredVectors(directory, { embedderId: 'fixture:fixture-model:16' })).toBeDefined();
  });

  it('returns undefined without an index or with a damaged embeddings file', async () => {
    expect(await readStoredVectors(directory)).toBeUndefined();
    const written = await writeIndexArtifact(
      directory,
      await buildArtifactInput(imkCollections(), createRecordingEmbedder()),
    );
    const file = path.join(written.buildDirectory, 'embeddings.f32');
    const bytes = await readFile(file);
    bytes[0] = (bytes[0] as number) ^ 0x80;
    await writeFile(file, bytes);
    expect(await readStoredVectors(directory)).toBeUndefined();
  });
});

describe('readLiveUnitIds', () => {
  it('lists the units of the live build, none without an index', async () => {
    expect(await readLiveUnitIds(directory)).toEqual([]);
    const input = await buildArtifactInput(imkCollections(), createRecordingEmbedder());
    await writeIndexArtifact(directory, input);
    expect(await readLiveUnitIds(directory)).toEqual(input.units.map((unit) => unit.id));
  });
});
