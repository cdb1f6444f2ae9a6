import { mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { embedderId } from '../../embed/types.ts';
import { corpusHashOf, hashContent } from './hash.ts';
import type { IndexArtifact } from './index-artifact.ts';
import { indexStatus } from './index-status.ts';
import { buildArtifactInput, createRecordingEmbedder, imkCollections } from './testing/artifact-fixture.ts';
import { writeIndexArtifact } from './write-index-artifact.ts';

let directory: string;
let written: IndexArtifact;
let expected: { embedderId: string; corpusHash: string };
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'index-status-'));
  const embedder = createRecordingEmbedder();
  const input = await buildArtifactInput(imkCollections(), embedder);
  written = await writeIndexArtifact(directory, input);
  expected = { embedderId: embedderId(embedder), corpusHash: corpusHashOf(input.collections) };
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('indexStatus', () => {
  it('is missing for a folder without an index', async () => {
    expect(await indexStatus(path.join(directory, 'none'), expected)).toEqual({
      state: 'missing',
      reason: expect.stringContaining('there is no index'),
    });
  });

  it('is fresh for the same embedder, corpus and chunking', async () => {
    const status = await indexStatus(directory, {
      ...expected,
      chunking: { unit: 'characters', chunkSize: 100, chunkOverlap: 0 },
    });
    expect(status).toEqual({ state: 'fresh' });
  });

  it('is stale when the embedder changed, naming both', async () => {
    const status = await indexStatus(directory, { ...expected, embedderId: 'offline:hashed-terms:512' });
    expect(status).toMatchObject({
      state: 'stale',
      reason: expect.stringMatching(
        /"fixture:fixture-model:16", the embedder in use is "offline:hashed-terms:512"/,
      ),
    });
  });

  it('is stale when the corpus changed', async () => {
    const corpusHash = corpusHashOf(written.manifest.collections.slice(1));
    expect(await indexStatus(directory, { ...expected, corpusHash })).toMatchObject({
      state: 'stale',
      reason: expect.stringContaining('the corpus changed'),
    });
  });

  it('is stale when the chunking changed', async () => {
    const status = await indexStatus(directory, {
      ...expected,
      chunking: { unit: 'characters', chunkSize: 800, chunkOverlap: 0 },
    });
    expect(status).toMatchObject({
      state: 'stale',
      reason: expect.stringMatching(/chunk size 100\/overlap 0 characters, now 800\/0 characters/),
    });
  });

  it('is of another version when the format version differs', async () => {
    const manifestFile = path.join(written.buildDirectory, 'manifest.json');
    const manifest = JSON.parse(await readFile(manifestFile, 'utf8'));
    manifest.formatVersion = 99;
    await writeFile(manifestFile, JSON.stringify(manifest));
    expect(await indexStatus(directory, expected)).toEqual({
      state: 'other-version',
      reason: expect.stringContaining('format version 99'),
      file: manifestFile,
    });
  });

  it('is corrupt when a data file has the wrong size or the manifest is garbage', async () => {
    await truncate(path.join(written.buildDirectory, 'vectors.hnsw'), 100);
    expect(await indexStatus(directory, expected)).toEqual({
      state: 'corrupt',
      reason: expect.stringMatching(/vectors\.hnsw has 100 bytes/),
      file: path.join(written.buildDirectory, 'vectors.hnsw'),
    });
    await writeFile(path.join(written.buildDirectory, 'manifest.json'), 'not json');
    expect(await indexStatus(directory, expected)).toMatchObject({ state: 'corrupt' });
  });

  it('notices a flipped byte only when asked to verify checksums', async () => {
    const file = path.join(written.buildDirectory, 'lexical.bin');
    const bytes = await readFile(file);
    bytes[0] = (bytes[0] as number) ^ 0x01;
    await writeFile(file, bytes);
    expect((await indexStatus(directory, expected)).state).toBe('fresh');
    expect(await indexStatus(directory, expected, { verify: true })).toEqual({
      state: 'corrupt',
      reason: expect.stringContaining('lexical.bin does not match its checksum'),
      file,
    });
    expect(hashContent(bytes)).not.toBe(written.manifest.files.lexical.sha256);
  });
});
