// The behaviour every IndexStore must show (files in a folder, PostgreSQL): no version before the first build, the
// version a build wrote is the one served, a new build switches to a new version and reuses the vectors of the one
// before, the corpus conflicts are kept with the version, and a failed write leaves the active version serving.
import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../../../analysis/index.ts';
import { createOfflineEmbedder } from '../../../embed/index.ts';
import { type Embedder, embedderId } from '../../../embed/types.ts';
import { DEFAULT_CORPUS_DIR } from '../../../paths.ts';
import { corpusHashOf } from '../../artifact/index.ts';
import { buildIndex, chunkingFor, corpusFileHashes } from '../../build-index.ts';
import type { IndexStore } from '../index-store.ts';

const SPRING = path.join(import.meta.dirname, '../../../corpus/fixtures/imk-2021-06-18.txt');

/** `create` gives an empty store each time it is called. */
export function describeIndexStoreContract(name: string, create: () => Promise<IndexStore>): void {
  describe(`${name} (IndexStore contract)`, () => {
    let analyzer: Analyzer;
    let embedder: Embedder;
    let corpusDir: string;
    beforeAll(async () => {
      analyzer = await createGermanAnalyzer();
      embedder = await createOfflineEmbedder({ analyzer });
      corpusDir = await mkdtemp(path.join(os.tmpdir(), 'beschluss-store-corpus-'));
      await mkdir(corpusDir, { recursive: true });
      await copyFile(
        path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt'),
        path.join(corpusDir, 'imk-2020-12-10.txt'),
      );
      await copyFile(SPRING, path.join(corpusDir, 'imk-2021-06-18.txt'));
    }, 60_000);
    afterAll(() => rm(corpusDir, { recursive: true, force: true }));

    const build = (store: IndexStore) => buildIndex({ corpusDir, store, embedder, analyzer });
    const expectation = async () => ({
      embedderId: embedderId(embedder),
      corpusHash: corpusHashOf(
        [...(await corpusFileHashes(corpusDir)).values()].map((contentHash) => ({ contentHash })),
      ),
      chunking: chunkingFor(embedder),
    });

    it('has no version before the first build', async () => {
      const store = await create();
      expect((await store.status(await expectation())).state).toBe('missing');
      await expect(store.read()).rejects.toMatchObject({ code: 'INDEX_MISSING' });
      expect(await store.activeVersion()).toBeUndefined();
      expect(await store.liveUnitIds()).toEqual([]);
      expect(await store.reusableVectors({ embedderId: embedderId(embedder) })).toBeUndefined();
      await store.close();
    });

    it('serves the version it built: fresh for its corpus and embedder, stale for another', async () => {
      const store = await create();
      const { index: written } = await build(store);
      const read = await store.read({ expectedEmbedderId: embedderId(embedder), verify: true });
      expect(read.version).toBe(written.version);
      expect(await store.activeVersion()).toBe(written.version);
      expect(read.units).toEqual(written.units);
      expect(read.chunks).toEqual(written.chunks);
      expect(read.sentences.size).toBe(written.sentences.size);
      expect(await store.liveUnitIds()).toEqual(written.units.map((unit) => unit.id));
      const [query] = (await embedder.doEmbed({ values: ['Nationales Waffenregister'], inputType: 'query' }))
        .embeddings;
      const nearest = await read.vectorStore.search(query as number[], 3);
      expect(nearest.map((match) => read.chunks[match.label]?.unitId)).toContain('imk-2020-12-10/22/1');
      const lexical = await read.openLexical(analyzer);
      expect((await lexical.search('Waffenregister', { k: 1 }))[0]?.id).toMatch(/\/22\//);
      const expected = await expectation();
      expect((await store.status(expected, { verify: true })).state).toBe('fresh');
      expect((await store.status({ ...expected, embedderId: 'other:model:8' })).state).toBe('stale');
      expect((await store.status({ ...expected, corpusHash: '0'.repeat(64) })).state).toBe('stale');
      await expect(store.read({ expectedEmbedderId: 'other:model:8' })).rejects.toMatchObject({
        code: 'INDEX_MISMATCH',
      });
      await store.close();
    });

    it('switches to a new version and reuses the vectors of the one before', async () => {
      const store = await create();
      const first = await build(store);
      await rm(path.join(corpusDir, 'imk-2021-06-18.txt'));
      try {
        const second = await build(store);
        expect(second.index.version).not.toBe(first.index.version);
        expect(await store.activeVersion()).toBe(second.index.version);
        expect(second.report.embedded).toBe(0);
        expect(second.report.reused).toBe(second.index.chunks.length);
        expect(second.report.removedUnits).toBe(first.index.units.length - second.index.units.length);
        expect((await store.read()).units.map((unit) => unit.id)).toEqual(
          second.index.units.map((unit) => unit.id),
        );
        expect(await store.reusableVectors({ embedderId: 'other:model:8' })).toBeUndefined();
      } finally {
        await copyFile(SPRING, path.join(corpusDir, 'imk-2021-06-18.txt'));
        await store.close();
      }
    });

    it('keeps the corpus conflicts with the version, so every server reports them', async () => {
      const store = await create();
      const corrected = path.join(corpusDir, 'imk-2021-06-18-korrigiert.txt');
      await copyFile(SPRING, corrected);
      try {
        const { index, report } = await build(store);
        const expected = [
          {
            meeting: 'imk-2021-06-18',
            kept: corrected,
            ignored: [path.join(corpusDir, 'imk-2021-06-18.txt')],
            rule: 'correction-marker',
          },
        ];
        expect(report.conflicts).toEqual(expected);
        expect(index.manifest.conflicts).toEqual(expected);
        expect((await store.read()).manifest.conflicts).toEqual(expected);
      } finally {
        await rm(corrected);
        await store.close();
      }
    });

    it('keeps the active version serving when a write fails', async () => {
      const store = await create();
      const { index } = await build(store);
      const broken = {
        embedder,
        collections: index.manifest.collections,
        units: index.units,
        chunks: index.chunks,
        vectors: new Map(),
        lexical: new Uint8Array(),
        sentences: [],
        chunking: index.manifest.settings.chunking,
      };
      await expect(store.write(broken)).rejects.toMatchObject({ code: 'INTERNAL' });
      expect(await store.activeVersion()).toBe(index.version);
      expect((await store.read()).units).toHaveLength(index.units.length);
      await store.close();
    });
  });
}
