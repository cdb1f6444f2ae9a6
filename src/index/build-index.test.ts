// The index build over a corpus folder: incremental re-embedding proven by counting embedder calls, skipped files,
// several meetings with overlapping TOP numbers kept apart.
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../analysis/index.ts';
import { splitSentences } from '../chunk/index.ts';
import { createEmbedder, createOfflineEmbedder } from '../embed/index.ts';
import { buildTinyBertModel } from '../embed/testing/tiny-model.ts';
import type { Embedder } from '../embed/types.ts';
import { DEFAULT_CORPUS_DIR } from '../paths.ts';
import { readIndexArtifact } from './artifact/index.ts';
import { buildIndex, embeddingTextOf } from './build-index.ts';

const REAL = path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt');
const SPRING = path.join(import.meta.dirname, '../corpus/fixtures/imk-2021-06-18.txt');

let analyzer: Analyzer;
let offline: Embedder;
beforeAll(async () => {
  analyzer = await createGermanAnalyzer();
  offline = await createOfflineEmbedder({ analyzer });
});

/** The offline embedder, counting every value it is asked to embed. */
function counting(embedder: Embedder) {
  const counter = { values: 0 };
  const wrapped: Embedder = {
    provider: embedder.provider,
    modelId: embedder.modelId,
    dimensions: embedder.dimensions,
    maxEmbeddingsPerCall: embedder.maxEmbeddingsPerCall,
    async doEmbed(options) {
      counter.values += options.values.length;
      return embedder.doEmbed(options);
    },
  };
  return { embedder: wrapped, counter };
}

let corpusDir: string;
let indexDir: string;
beforeEach(async () => {
  const root = await mkdtemp(path.join(os.tmpdir(), 'beschluss-build-'));
  corpusDir = path.join(root, 'corpus');
  indexDir = path.join(root, 'index');
  await mkdir(corpusDir);
});
afterEach(async () => {
  await rm(path.dirname(corpusDir), { recursive: true, force: true });
});

describe('buildIndex', () => {
  it('embeds every chunk once, then nothing when nothing changed', async () => {
    await copyFile(REAL, path.join(corpusDir, 'imk-2020-12-10.txt'));
    const { embedder, counter } = counting(offline);
    const first = await buildIndex({ corpusDir, indexDir, embedder, analyzer });
    expect(first.report).toMatchObject({
      units: 107,
      meetings: 1,
      embedded: 107,
      reused: 0,
      removedUnits: 0,
    });
    // Sentences of one-sentence units embed the same text as their chunk and take its vector.
    expect(first.report.sentences).toBeGreaterThan(107);
    expect(first.report.sentencesEmbedded).toBeGreaterThan(0);
    expect(first.report.sentencesEmbedded).toBeLessThan(first.report.sentences - 50);
    const firstCount = counter.values;
    expect(firstCount).toBe(107 + first.report.sentencesEmbedded);
    const second = await buildIndex({ corpusDir, indexDir, embedder, analyzer });
    expect(second.report).toMatchObject({ embedded: 0, reused: 107, sentencesEmbedded: 0 });
    expect(counter.values).toBe(firstCount);
  });

  it('embeds only the units of an added collection and drops those of a removed one', async () => {
    await copyFile(REAL, path.join(corpusDir, 'imk-2020-12-10.txt'));
    const { embedder, counter } = counting(offline);
    await buildIndex({ corpusDir, indexDir, embedder, analyzer });
    const firstCount = counter.values;
    await copyFile(SPRING, path.join(corpusDir, 'imk-2021-06-18.txt'));
    const added = await buildIndex({ corpusDir, indexDir, embedder, analyzer });
    const springUnits = added.index.units.filter((unit) => unit.meeting === 'imk-2021-06-18').length;
    expect(springUnits).toBeGreaterThan(0);
    expect(added.report.meetings).toBe(2);
    expect(counter.values - firstCount).toBe(added.report.embedded + added.report.sentencesEmbedded);
    // The spring collection defines no new abbreviation, so the real corpus' vectors stay valid and are reused.
    expect(added.report.reused).toBe(107);
    await rm(path.join(corpusDir, 'imk-2021-06-18.txt'));
    const before = counter.values;
    const removed = await buildIndex({ corpusDir, indexDir, embedder, analyzer });
    expect(removed.report).toMatchObject({ units: 107, embedded: 0, removedUnits: springUnits });
    expect(counter.values).toBe(before);
  });

  it('re-embeds only the changed paragraph of a changed collection', async () => {
    const file = path.join(corpusDir, 'imk-2020-12-10.txt');
    await copyFile(REAL, file);
    const { embedder, counter } = counting(offline);
    await buildIndex({ corpusDir, indexDir, embedder, analyzer });
    const before = counter.values;
    const text = await readFile(file, 'utf8');
    await writeFile(
      file,
      text.replace(
        'Die IMK nimmt den mündlichen Bericht des Vertreters des Landes Hessen',
        'Die IMK nimmt den schriftlichen Bericht des Vertreters des Landes Hessen',
      ),
    );
    const changed = await buildIndex({ corpusDir, indexDir, embedder, analyzer });
    expect(changed.report.embedded).toBe(1);
    // Its one sentence embeds the same text as its chunk.
    expect(changed.report.sentencesEmbedded).toBe(0);
    expect(counter.values).toBe(before + 1);
    expect(changed.index.units.find((unit) => unit.id === 'imk-2020-12-10/48/1')?.text).toContain(
      'schriftlichen',
    );
  });

  it('stores a vector for every sentence of every unit, the one its text in the item embeds to', async () => {
    await copyFile(REAL, path.join(corpusDir, 'imk-2020-12-10.txt'));
    const { index } = await buildIndex({ corpusDir, indexDir, embedder: offline, analyzer });
    const reread = await readIndexArtifact(indexDir);
    let checked = 0;
    for (const [ordinal, unit] of index.units.entries()) {
      const sentences = splitSentences(unit.text);
      const stored = reread.sentences.sentencesOf(ordinal);
      expect(stored.map(({ start, end }) => [start, end])).toEqual(
        sentences.map(({ start, end }) => [start, end]),
      );
      if (sentences.length < 3) continue;
      const [sentence] = sentences.slice(1, 2);
      const row = stored[1]?.row ?? -1;
      const { embeddings } = await offline.doEmbed({
        values: [embeddingTextOf(unit, sentence as { text: string })],
        inputType: 'passage',
      });
      expect(reread.sentences.similarity(row, embeddings[0] as number[])).toBeGreaterThan(0.995);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(3);
  });

  it('keeps two meetings with overlapping TOP numbers apart', async () => {
    await copyFile(REAL, path.join(corpusDir, 'imk-2020-12-10.txt'));
    await copyFile(SPRING, path.join(corpusDir, 'imk-2021-06-18.txt'));
    const { index } = await buildIndex({ corpusDir, indexDir, embedder: offline, analyzer });
    const fourteen = index.units.filter((unit) => unit.top === '14' || unit.top.split('/').includes('14'));
    expect(new Set(fourteen.map((unit) => unit.meeting))).toEqual(
      new Set(['imk-2020-12-10', 'imk-2021-06-18']),
    );
    expect(new Set(index.units.map((unit) => unit.id)).size).toBe(index.units.length);
    expect(index.manifest.collections.map((collection) => collection.meeting.date).sort()).toEqual([
      '2020-12-10',
      '2021-06-18',
    ]);
  });

  it('indexes the readable files and reports the broken one by name', async () => {
    await copyFile(REAL, path.join(corpusDir, 'imk-2020-12-10.txt'));
    await writeFile(path.join(corpusDir, 'kaputt.pdf'), 'not a pdf at all');
    const { index, report } = await buildIndex({ corpusDir, indexDir, embedder: offline, analyzer });
    expect(index.units).toHaveLength(107);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.file).toBe(path.join(corpusDir, 'kaputt.pdf'));
    expect(report.errors[0]?.code).toBe('PDF_INVALID');
    expect(index.manifest.skipped.map((entry) => entry.file)).toEqual([path.join(corpusDir, 'kaputt.pdf')]);
  });

  it('refuses an empty corpus folder with a clear error', async () => {
    await expect(buildIndex({ corpusDir, indexDir, embedder: offline, analyzer })).rejects.toMatchObject({
      code: 'CORPUS_EMPTY',
    });
  });
});

describe('reproducible builds', () => {
  /** The live build's data files (everything but the manifest, which records when it was built). */
  async function dataFiles(directory: string): Promise<Record<string, Buffer>> {
    const { buildDirectory, manifest } = await readIndexArtifact(directory);
    const files: Record<string, Buffer> = {};
    for (const entry of Object.values(manifest.files)) {
      files[entry.name] = await readFile(path.join(buildDirectory, entry.name));
    }
    return files;
  }

  it('writes the same data files when a re-index adds a meeting as a cold build of both (int8 model)', async () => {
    const modelDir = path.join(path.dirname(corpusDir), 'models');
    await buildTinyBertModel(modelDir, { modelName: 'tiny-e5' });
    // The q8 graph quantizes activations; a text's vector must not depend on what it is embedded with.
    const { embedder: model } = await createEmbedder({
      kind: 'transformers',
      model: 'tiny-e5',
      modelDir,
      dtype: 'q8',
      logger: { info: () => {}, warn: () => {} },
    });
    await copyFile(REAL, path.join(corpusDir, 'imk-2020-12-10.txt'));
    await buildIndex({ corpusDir, indexDir, embedder: model, analyzer });
    await copyFile(SPRING, path.join(corpusDir, 'imk-2021-06-18.txt'));
    const incremental = await buildIndex({ corpusDir, indexDir, embedder: model, analyzer });
    expect(incremental.report.reused).toBeGreaterThan(0);

    const coldDir = path.join(path.dirname(corpusDir), 'cold');
    const cold = await buildIndex({ corpusDir, indexDir: coldDir, embedder: model, analyzer });
    expect(cold.report.reused).toBe(0);
    expect(await dataFiles(indexDir)).toEqual(await dataFiles(coldDir));
  });
});
