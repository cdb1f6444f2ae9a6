import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BeschlussError } from '../../errors.ts';
import { INDEX_FORMAT_VERSION, parseManifest } from './manifest.ts';
import { buildArtifactInput, createRecordingEmbedder, imkCollections } from './testing/artifact-fixture.ts';
import { writeIndexArtifact } from './write-index-artifact.ts';

let directory: string;
let manifestJson: string;
beforeAll(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'manifest-'));
  const written = await writeIndexArtifact(
    directory,
    await buildArtifactInput(imkCollections(), createRecordingEmbedder()),
  );
  manifestJson = await readFile(path.join(written.buildDirectory, 'manifest.json'), 'utf8');
});
afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('parseManifest', () => {
  it('parses a manifest the writer produced', () => {
    const manifest = parseManifest(manifestJson, 'manifest.json');
    expect(manifest.formatVersion).toBe(INDEX_FORMAT_VERSION);
    expect(manifest.units).toHaveLength(5);
  });

  it('either accepts a damaged manifest or reports it as INDEX_CORRUPT or INDEX_VERSION, naming the file', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: manifestJson.length - 1 }),
        fc.integer({ min: 0, max: 40 }),
        fc.string({ maxLength: 3 }),
        (start, deleted, inserted) => {
          const damaged = manifestJson.slice(0, start) + inserted + manifestJson.slice(start + deleted);
          try {
            parseManifest(damaged, '/index/builds/x/manifest.json');
          } catch (error) {
            expect(error).toBeInstanceOf(BeschlussError);
            expect(['INDEX_CORRUPT', 'INDEX_VERSION']).toContain((error as BeschlussError).code);
            expect((error as BeschlussError).message).toContain('/index/builds/x/manifest.json');
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('reports a JSON value that is not an object as corrupt', () => {
    for (const json of ['null', '42', '"text"', '[]', '{}']) {
      expect(() => parseManifest(json, 'm.json')).toThrow(/m\.json is corrupt/);
    }
  });
});
