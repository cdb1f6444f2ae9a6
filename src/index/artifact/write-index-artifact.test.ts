import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { embedderId } from '../../embed/types.ts';
import { createExactVectorStore, type HnswVectorStore, loadExactVectorStore } from '../vector/index.ts';
import { corpusHashOf, hashContent } from './hash.ts';
import { readIndexArtifact } from './read-index-artifact.ts';
import {
  buildArtifactInput,
  chunksOfUnits,
  createRecordingEmbedder,
  type FixtureInput,
  fixtureCollection,
  imkCollections,
} from './testing/artifact-fixture.ts';
import { type WriteStage, writeIndexArtifact } from './write-index-artifact.ts';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'index-artifact-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function listBuilds(indexDirectory: string): Promise<string[]> {
  return (await readdir(path.join(indexDirectory, 'builds'))).sort();
}

describe('writeIndexArtifact', () => {
  it('writes an index that reads back with the same units, chunks, lexical file and vectors', async () => {
    const embedder = createRecordingEmbedder();
    const collections = imkCollections();
    const input = await buildArtifactInput(collections, embedder);
    const written = await writeIndexArtifact(directory, input, { builtAt: new Date('2024-05-01T10:00:00Z') });
    const read = await readIndexArtifact(directory, { expectedEmbedderId: embedderId(embedder) });

    expect(read.manifest).toEqual(written.manifest);
    expect(read.manifest.builtAt).toBe('2024-05-01T10:00:00.000Z');
    expect(read.manifest.embedder).toEqual({
      id: 'fixture:fixture-model:16',
      provider: 'fixture',
      modelId: 'fixture-model',
      dimensions: 16,
    });
    expect(read.manifest.corpusHash).toBe(corpusHashOf(input.collections));
    expect(read.manifest.settings).toEqual({
      chunking: { unit: 'characters', chunkSize: 100, chunkOverlap: 0 },
      contentSalt: '',
      vectorStore: 'hnsw',
      hnsw: { m: 32, efConstruction: 200, efSearch: 200 },
    });
    expect(read.units).toEqual(input.units);
    expect(read.chunks.map(({ label, contentHash, ...chunk }) => chunk)).toEqual(chunksOfUnits(collections));
    expect(read.chunks.map((chunk) => chunk.label)).toEqual(read.chunks.map((_, position) => position));
    expect(Buffer.from(read.lexical).equals(input.lexical)).toBe(true);

    expect(read.vectorStore.size).toBe(read.chunks.length);
    const stored = await read.loadStoredVectors();
    for (const chunk of read.chunks) {
      const vector = input.vectors.get(chunk.id) as ArrayLike<number>;
      expect(Array.from(stored.get(chunk.contentHash) ?? [])).toEqual(Array.from(Float32Array.from(vector)));
      expect((await read.vectorStore.search(vector, 1))[0]).toEqual({
        label: chunk.label,
        score: expect.closeTo(1, 5),
      });
      expect(await written.vectorStore.search(vector, 3)).toEqual(await read.vectorStore.search(vector, 3));
    }
    expect(stored.get(hashContent('a text that was never embedded'))).toBeUndefined();
  });

  it('stores a chunk split from a long unit with its offsets, and derives its text from the unit', async () => {
    const input = await buildArtifactInput(imkCollections(), createRecordingEmbedder());
    await writeIndexArtifact(directory, input);
    const read = await readIndexArtifact(directory);
    const pieces = read.chunks.filter((chunk) => chunk.unitId === 'imk-2020-12-10/46/2');
    expect(pieces.map((chunk) => chunk.id)).toEqual(['imk-2020-12-10/46/2#0', 'imk-2020-12-10/46/2#1']);
    const unit = read.units.find((candidate) => candidate.id === 'imk-2020-12-10/46/2');
    expect(pieces.map((chunk) => chunk.text).join('')).toBe(unit?.text);
    const manifestJson = await readFile(path.join(read.buildDirectory, 'manifest.json'), 'utf8');
    expect(JSON.parse(manifestJson).chunks[0]).not.toHaveProperty('text');
  });

  it('leaves CURRENT, one build folder and no lock or temp files behind, replacing the previous build', async () => {
    const embedder = createRecordingEmbedder();
    await writeIndexArtifact(directory, await buildArtifactInput(imkCollections(), embedder));
    const [first] = await listBuilds(directory);
    await writeIndexArtifact(directory, await buildArtifactInput(imkCollections().slice(0, 1), embedder));
    const builds = await listBuilds(directory);
    expect(builds).toHaveLength(1);
    expect(builds[0]).not.toBe(first);
    expect((await readdir(directory)).sort()).toEqual(['CURRENT', 'builds']);
    expect((await readdir(path.join(directory, 'builds', builds[0] as string))).sort()).toEqual([
      'embeddings.f32',
      'lexical.bin',
      'manifest.json',
      'sentences.i8',
      'vectors.hnsw',
    ]);
    expect(JSON.parse(await readFile(path.join(directory, 'CURRENT'), 'utf8')).build).toBe(builds[0]);
  });

  it('writes and loads an index with another vector store through its seams, the exact one', async () => {
    const embedder = createRecordingEmbedder();
    const input = await buildArtifactInput(imkCollections(), embedder);
    await writeIndexArtifact(directory, input, {
      createVectorStore: ({ dimensions }) => createExactVectorStore({ dimensions }),
    });
    const read = await readIndexArtifact(directory, {
      loadVectorStore: (file) => loadExactVectorStore(file),
    });
    expect(read.manifest.settings.vectorStore).toBe('exact');
    expect(read.manifest.files.vectors.name).toBe('vectors.exact');
    expect(read.vectorStore.kind).toBe('exact');
    for (const chunk of read.chunks) {
      const vector = input.vectors.get(chunk.id) as ArrayLike<number>;
      expect((await read.vectorStore.search(vector, 1))[0]).toEqual({
        label: chunk.label,
        score: expect.closeTo(1, 5),
      });
    }
    // The default (HNSW) cannot read the exact store's file: refused before it is tried.
    await expect(readIndexArtifact(directory)).rejects.toMatchObject({
      code: 'INDEX_MISMATCH',
      message: expect.stringContaining('holds a "exact" vector store, which the "hnsw" store cannot load'),
    });
  });

  it('refuses a loader whose store is of another kind than the index holds', async () => {
    await writeIndexArtifact(
      directory,
      await buildArtifactInput(imkCollections(), createRecordingEmbedder()),
    );
    const exactStore = createExactVectorStore({ dimensions: 16 });
    await expect(
      readIndexArtifact(directory, { loadVectorStore: async () => exactStore }),
    ).rejects.toMatchObject({ code: 'INDEX_MISMATCH', details: { expected: 'exact', received: 'hnsw' } });
  });

  it('writes an index of an empty corpus that reads back empty', async () => {
    const embedder = createRecordingEmbedder();
    await writeIndexArtifact(directory, await buildArtifactInput([], embedder));
    const read = await readIndexArtifact(directory);
    expect(read.units).toEqual([]);
    expect(read.vectorStore.size).toBe(0);
    expect(await read.vectorStore.search(new Array(16).fill(0.25), 5)).toEqual([]);
  });

  it('reports progress through every stage, ending with the switch', async () => {
    const stages: string[] = [];
    await writeIndexArtifact(
      directory,
      await buildArtifactInput(imkCollections(), createRecordingEmbedder()),
      {
        onProgress: ({ stage, done, total }) => stages.push(`${stage} ${done}/${total}`),
      },
    );
    expect(stages).toEqual([
      'vectors 0/6',
      'vectors 6/6',
      'embeddings 0/1',
      'embeddings 1/1',
      'sentences 0/1',
      'sentences 1/1',
      'lexical 0/1',
      'lexical 1/1',
      'manifest 0/1',
      'manifest 1/1',
      'switch 0/1',
      'switch 1/1',
    ]);
  });

  it.each([
    ['ENOSPC', 'STORAGE_FULL', 'der Datenträger ist voll'],
    ['EROFS', 'STORAGE_READ_ONLY', 'schreibgeschützt'],
  ])(
    'reports %s while writing as %s naming the folder, and keeps the old index live',
    async (code, expected, words) => {
      const embedder = createRecordingEmbedder();
      const before = await writeIndexArtifact(
        directory,
        await buildArtifactInput(imkCollections(), embedder),
      );
      const input = await buildArtifactInput(imkCollections(), embedder);
      const failing = writeIndexArtifact(directory, input, {
        createVectorStore: ({ dimensions }) => {
          const store = createExactVectorStore({ dimensions });
          const refused = async () =>
            Promise.reject(Object.assign(new Error(`${code}: simulated`), { code }));
          return new Proxy(store, {
            get: (target, property) => {
              if (property === 'save') return refused;
              const value = Reflect.get(target, property);
              return typeof value === 'function' ? value.bind(target) : value;
            },
          });
        },
      });
      await expect(failing).rejects.toMatchObject({
        code: expected,
        message: expect.stringContaining(words),
        details: { folder: directory, errno: code },
      });
      expect((await readIndexArtifact(directory)).manifest).toEqual(before.manifest);
      expect(await listBuilds(directory)).toHaveLength(1);
      expect((await readdir(directory)).sort()).toEqual(['CURRENT', 'builds']);
    },
  );

  it('records the given HNSW settings', async () => {
    const input = await buildArtifactInput(imkCollections(), createRecordingEmbedder());
    await writeIndexArtifact(directory, input, { hnsw: { m: 8, efSearch: 50 } });
    const read = await readIndexArtifact(directory);
    expect(read.manifest.settings.hnsw).toEqual({ m: 8, efConstruction: 200, efSearch: 50 });
    expect((read.vectorStore as HnswVectorStore).settings).toEqual({
      m: 8,
      efConstruction: 200,
      efSearch: 50,
    });
  });

  describe('refuses inconsistent input before writing anything', () => {
    const cases: Array<[string, (input: FixtureInput) => void, RegExp]> = [
      ['a chunk without a vector', (input) => input.vectors.clear(), /has no vector/],
      [
        'a vector of the wrong dimension',
        (input) => {
          input.vectors.set(input.chunks[0]?.id as string, [1, 0]);
        },
        /has 2 dimensions .* holds 16-dimensional/,
      ],
      [
        'a chunk whose text is not its unit text',
        (input) => {
          Object.assign(input.chunks[1] as object, { text: 'anders' });
        },
        /is not its unit's text/,
      ],
      ['a unit in no collection', (input) => input.collections.pop(), /belong to no collection/],
      [
        'a chunk of an unknown unit',
        (input) => {
          Object.assign(input.chunks[0] as object, { unitId: 'imk-2020-12-10/99/1' });
        },
        /not in the index/,
      ],
      [
        'a negative chunk overlap',
        (input) => {
          input.chunking.chunkOverlap = -1;
        },
        /settings\.chunking\.chunkOverlap/,
      ],
    ];
    for (const [name, damage, message] of cases) {
      it(name, async () => {
        const embedder = createRecordingEmbedder();
        await writeIndexArtifact(directory, await buildArtifactInput(imkCollections().slice(1), embedder));
        const before = await readIndexArtifact(directory);
        const input = await buildArtifactInput(imkCollections(), embedder);
        damage(input);
        await expect(writeIndexArtifact(directory, input)).rejects.toThrow(message);
        expect((await readIndexArtifact(directory)).manifest).toEqual(before.manifest);
        expect(await listBuilds(directory)).toEqual([path.basename(before.buildDirectory)]);
      });
    }
  });

  describe('re-indexing', () => {
    it('embeds only the chunks of a changed collection, reusing the stored vectors of the others', async () => {
      const embedder = createRecordingEmbedder();
      const [first, second] = imkCollections() as [
        ReturnType<typeof fixtureCollection>,
        ReturnType<typeof fixtureCollection>,
      ];
      await writeIndexArtifact(directory, await buildArtifactInput([first, second], embedder));
      const previous = await readIndexArtifact(directory);
      embedder.embedded.length = 0;

      const changedText = 'Die IMK nimmt die Polizeiliche Kriminalstatistik 2021 zur Kenntnis.';
      const changed = fixtureCollection(second.meeting.id, second.meeting.date, [
        {
          ...(second.meeting.items[0] as (typeof second.meeting.items)[0]),
          paragraphs: [{ para: '1', text: changedText }],
        },
      ]);
      const input = await buildArtifactInput([first, changed], embedder, previous);
      expect(embedder.embedded).toEqual([changedText]);
      await writeIndexArtifact(directory, input);
      const next = await readIndexArtifact(directory);
      expect(next.units.find((unit) => unit.id === 'imk-2021-06-18/9/1')?.text).toBe(changedText);
      expect(next.manifest.corpusHash).not.toBe(previous.manifest.corpusHash);
      const reusedChunk = next.chunks.find((chunk) => chunk.id === 'imk-2020-12-10/46/1#0');
      const previousVectors = await previous.loadStoredVectors().catch(() => undefined);
      // The previous build is gone once the new one is live; its vectors were taken over unchanged.
      expect(previousVectors).toBeUndefined();
      expect(
        Array.from((await next.loadStoredVectors()).get(reusedChunk?.contentHash as string) ?? []),
      ).toEqual(
        Array.from(Float32Array.from(input.vectors.get('imk-2020-12-10/46/1#0') as ArrayLike<number>)),
      );
    });

    it('embeds only the chunks of an added collection and drops the units of a removed one', async () => {
      const embedder = createRecordingEmbedder();
      const [first, second] = imkCollections() as [
        ReturnType<typeof fixtureCollection>,
        ReturnType<typeof fixtureCollection>,
      ];
      await writeIndexArtifact(directory, await buildArtifactInput([first], embedder));
      embedder.embedded.length = 0;
      await writeIndexArtifact(
        directory,
        await buildArtifactInput([first, second], embedder, await readIndexArtifact(directory)),
      );
      expect(embedder.embedded).toEqual([
        'Die IMK nimmt die Polizeiliche Kriminalstatistik 2020 zur Kenntnis.',
      ]);

      embedder.embedded.length = 0;
      await writeIndexArtifact(
        directory,
        await buildArtifactInput([second], embedder, await readIndexArtifact(directory)),
      );
      expect(embedder.embedded).toEqual([]);
      const read = await readIndexArtifact(directory);
      expect(read.units.map((unit) => unit.id)).toEqual(['imk-2021-06-18/9/1']);
      expect(read.manifest.collections.map((collection) => collection.meetingId)).toEqual(['imk-2021-06-18']);
      expect(read.vectorStore.size).toBe(1);
    });

    it('re-embeds everything when the embedder changed', async () => {
      await writeIndexArtifact(
        directory,
        await buildArtifactInput(imkCollections(), createRecordingEmbedder()),
      );
      const other = createRecordingEmbedder({ modelId: 'other-model' });
      const input = await buildArtifactInput(imkCollections(), other, await readIndexArtifact(directory));
      expect(other.embedded).toHaveLength(input.chunks.length);
    });
  });

  describe('atomic replacement', () => {
    const stages: WriteStage[] = ['vectors', 'embeddings', 'lexical', 'manifest', 'switch'];
    for (const failingStage of stages) {
      it(`keeps the previous index live when writing fails at the ${failingStage} stage`, async () => {
        const embedder = createRecordingEmbedder();
        await writeIndexArtifact(directory, await buildArtifactInput(imkCollections().slice(0, 1), embedder));
        const before = await readIndexArtifact(directory);
        const input = await buildArtifactInput(imkCollections(), embedder);
        await expect(
          writeIndexArtifact(directory, input, {
            onProgress: ({ stage, done }) => {
              if (stage === failingStage && done === 0) throw new Error(`failure during ${stage}`);
            },
          }),
        ).rejects.toThrow(`failure during ${failingStage}`);
        const after = await readIndexArtifact(directory);
        expect(after.manifest).toEqual(before.manifest);
        expect(after.buildDirectory).toBe(before.buildDirectory);
        expect(await listBuilds(directory)).toEqual([path.basename(before.buildDirectory)]);
        // The lock was released: the next write goes through.
        await writeIndexArtifact(directory, input);
        expect((await readIndexArtifact(directory)).units).toHaveLength(input.units.length);
      });
    }

    it('keeps the new index live when something fails after the switch', async () => {
      const embedder = createRecordingEmbedder();
      await writeIndexArtifact(directory, await buildArtifactInput(imkCollections().slice(0, 1), embedder));
      const input = await buildArtifactInput(imkCollections(), embedder);
      await expect(
        writeIndexArtifact(directory, input, {
          onProgress: ({ stage, done }) => {
            if (stage === 'switch' && done === 1) throw new Error('failure after the switch');
          },
        }),
      ).rejects.toThrow('failure after the switch');
      const after = await readIndexArtifact(directory);
      expect(after.units).toEqual(input.units);
      expect(await listBuilds(directory)).toEqual([path.basename(after.buildDirectory)]);
    });

    it('ignores a stray half-written build and temp files, and the next write removes them', async () => {
      const embedder = createRecordingEmbedder();
      await writeIndexArtifact(directory, await buildArtifactInput(imkCollections(), embedder));
      const live = await readIndexArtifact(directory);
      const stray = path.join(directory, 'builds', '29991231T235959999Z-deadbeef');
      await mkdir(stray);
      await writeFile(path.join(stray, 'vectors.hnsw'), 'half of a graph');
      await writeFile(path.join(stray, 'manifest.json'), '{"formatVersion": 1, "units": [');
      await writeFile(
        path.join(directory, '.CURRENT.tmp-1234-abcd'),
        '{"build": "29991231T235959999Z-deadbeef"',
      );

      const read = await readIndexArtifact(directory);
      expect(read.buildDirectory).toBe(live.buildDirectory);
      expect(read.manifest).toEqual(live.manifest);

      await writeIndexArtifact(directory, await buildArtifactInput(imkCollections(), embedder));
      const builds = await listBuilds(directory);
      expect(builds).toHaveLength(1);
      expect(builds).not.toContain('29991231T235959999Z-deadbeef');
      expect((await readdir(directory)).sort()).toEqual(['CURRENT', 'builds']);
    });

    it('survives a writer process that dies before switching, taking over its stale lock', async () => {
      const embedder = createRecordingEmbedder();
      await writeIndexArtifact(directory, await buildArtifactInput(imkCollections().slice(0, 1), embedder));
      const before = await readIndexArtifact(directory);

      // .mts: the temp folder has no package.json saying the script is an ES module.
      const script = path.join(directory, 'crashing-writer.mts');
      const fixtureUrl = new URL('./testing/artifact-fixture.ts', import.meta.url).href;
      const writerUrl = new URL('./write-index-artifact.ts', import.meta.url).href;
      await writeFile(
        script,
        [
          `import { buildArtifactInput, createRecordingEmbedder, imkCollections } from ${JSON.stringify(fixtureUrl)};`,
          `import { writeIndexArtifact } from ${JSON.stringify(writerUrl)};`,
          'const input = await buildArtifactInput(imkCollections(), createRecordingEmbedder());',
          `await writeIndexArtifact(${JSON.stringify(directory)}, input, {`,
          "  onProgress: ({ stage, done }) => { if (stage === 'switch' && done === 0) process.exit(3); },",
          '});',
        ].join('\n'),
      );
      const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8' });
      expect(child.stderr).toBe('');
      expect(child.status).toBe(3);

      // Everything of the new build was written, but CURRENT still names the old one, and the dead writer's lock remains.
      expect(await listBuilds(directory)).toHaveLength(2);
      expect(JSON.parse(await readFile(path.join(directory, 'LOCK'), 'utf8')).pid).toBe(child.pid);
      const after = await readIndexArtifact(directory);
      expect(after.manifest).toEqual(before.manifest);

      const input = await buildArtifactInput(imkCollections(), embedder);
      await writeIndexArtifact(directory, input);
      expect(await listBuilds(directory)).toHaveLength(1);
      expect((await readIndexArtifact(directory)).units).toEqual(input.units);
    });
  });
});
