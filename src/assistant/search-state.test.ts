// The search state of an index works with the lexicon the index was built with: restored from the index, replaced
// with the index on a rebuild, and never left behind in the analyzer it was opened with.
import { appendFile, copyFile, mkdir, mkdtemp, readFile, rm, unlink } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../analysis/index.ts';
import { createOfflineEmbedder, type OfflineEmbedder } from '../embed/index.ts';
import type { Embedder } from '../embed/types.ts';
import { buildIndex, loadLexicalIndex } from '../index/index.ts';
import { DATA_DIR, DEFAULT_CORPUS_DIR } from '../paths.ts';
import { openSearchState } from './search-state.ts';

const REAL = path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt');
const SPRING = path.join(import.meta.dirname, '../corpus/fixtures/imk-2021-06-18.txt');

let analyzer: Analyzer;
let offline: OfflineEmbedder;
beforeAll(async () => {
  analyzer = await createGermanAnalyzer();
  offline = await createOfflineEmbedder({ analyzer });
});

let root: string;
let corpusDir: string;
let indexDir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'beschluss-state-'));
  corpusDir = path.join(root, 'corpus');
  indexDir = path.join(root, 'index');
  await mkdir(corpusDir);
  await copyFile(REAL, path.join(corpusDir, 'imk-2020-12-10.txt'));
  await copyFile(SPRING, path.join(corpusDir, 'imk-2021-06-18.txt'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

const build = (embedder: Embedder = offline) => buildIndex({ corpusDir, indexDir, embedder, analyzer });
const shorts = (state: { analyzer: Analyzer }) => state.analyzer.lexicon.learned.map((entry) => entry.short);

describe('openSearchState', () => {
  it("analyses and embeds queries with the index's lexicon, leaving the analyzer it was given unchanged", async () => {
    const state = await openSearchState((await build()).index, { analyzer, embedder: offline });
    expect(shorts(state)).toContain('NWR');
    expect(state.analyzer.terms('Nationales Waffenregister')).toContain('nwr');
    expect((state.embedder as OfflineEmbedder).lexiconId).toBe(state.analyzer.lexicon.id);
    expect(analyzer.lexicon.learned).toEqual([]);
    expect(offline.lexiconId).toBe(analyzer.lexicon.id);
  });

  it('drops the acronyms of a removed file when the index is rebuilt', async () => {
    const before = await openSearchState((await build()).index, { analyzer, embedder: offline });
    await unlink(path.join(corpusDir, 'imk-2020-12-10.txt'));
    const after = await openSearchState((await build()).index, { analyzer, embedder: offline });
    expect(shorts(before)).toContain('NWR');
    expect(shorts(after)).not.toContain('NWR');
    expect(after.analyzer.terms('Nationales Waffenregister')).not.toContain('nwr');
    expect(after.analyzer.lexicon.id).not.toBe(before.analyzer.lexicon.id);
  });

  it("salts the offline embedder's content hashes with the lexicon id, a model's with nothing", async () => {
    const { index } = await build();
    const state = await openSearchState(index, { analyzer, embedder: offline });
    expect(index.manifest.settings.contentSalt).toBe(state.analyzer.lexicon.id);
    const model: Embedder = {
      provider: 'test-model',
      modelId: 'fixed',
      dimensions: 8,
      maxEmbeddingsPerCall: 64,
      doEmbed: async ({ values }) => ({ embeddings: values.map(() => [1, 0, 0, 0, 0, 0, 0, 0]) }),
    };
    await rm(indexDir, { recursive: true, force: true });
    expect((await build(model)).index.manifest.settings.contentSalt).toBe('');
  });

  it('calls an index of other bundled data stale (INDEX_MISMATCH), one of another lexical format INDEX_VERSION', async () => {
    const { index } = await build();
    const glossary = path.join(root, 'abkuerzungen.tsv');
    await copyFile(path.join(DATA_DIR, 'lexicon', 'abkuerzungen.tsv'), glossary);
    await appendFile(glossary, 'GLZ\tGemeinsames Lagezentrum\n');
    const other = await createGermanAnalyzer({ abbreviationsFile: glossary });
    await expect(openSearchState(index, { analyzer: other, embedder: offline })).rejects.toThrow(
      expect.objectContaining({ code: 'INDEX_MISMATCH' }),
    );
    // A lexical file of the format before lexicons were kept in it (version 2 in its header).
    const lexicalFile = path.join(index.location, 'lexical.bin');
    const bytes = new Uint8Array(await readFile(lexicalFile));
    new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).setUint32(4, 2, true);
    const old = { ...index, openLexical: async (base: Analyzer) => loadLexicalIndex(bytes, { base }) };
    await expect(openSearchState(old, { analyzer, embedder: offline })).rejects.toThrow(
      expect.objectContaining({ code: 'INDEX_VERSION', message: expect.stringMatching(/rebuild/) }),
    );
  });
});
