import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildArtifactInput, createRecordingEmbedder, imkCollections } from './artifact-fixture.ts';
import { readStoredVectors } from './read-stored-vectors.ts';
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
    const stored = await readStoredVectors(directory);
    expect(stored?.embedderId).toBe('fixture:fixture-model:16');
    expect(stored?.size).toBe(input.chunks.length);
    for (const chunk of input.chunks) {
      expect(Array.from(stored?.get(chunk.contentHash) ?? [])).toEqual(
        Array.from(Float32Array.from(input.vectors.get(chunk.id) as ArrayLike<number>)),
      );
    }
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
