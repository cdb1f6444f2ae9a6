// Start-up of the assistant: build when missing, load when fresh, rebuild when stale or corrupt (or refuse), and
// reindex without a restart.
import { appendFile, copyFile, mkdir, mkdtemp, readdir, rm, truncate, utimes } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../analysis/index.ts';
import { loadConfig } from '../config.ts';
import { createOfflineEmbedder } from '../embed/index.ts';
import type { Embedder } from '../embed/types.ts';
import { createMemoryLogger } from '../logger.ts';
import { DATA_DIR, DEFAULT_CORPUS_DIR } from '../paths.ts';
import { createAssistant } from './create.ts';

const REAL = path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt');
const SPRING = path.join(import.meta.dirname, '../corpus/fixtures/imk-2021-06-18.txt');

let analyzer: Analyzer;
let offline: Embedder;
let embedded = 0;
let counting: Embedder;
beforeAll(async () => {
  analyzer = await createGermanAnalyzer();
  offline = await createOfflineEmbedder({ analyzer });
  counting = {
    provider: offline.provider,
    modelId: offline.modelId,
    dimensions: offline.dimensions,
    maxEmbeddingsPerCall: offline.maxEmbeddingsPerCall,
    async doEmbed(options) {
      if (options.inputType === 'passage') embedded += options.values.length;
      return offline.doEmbed(options);
    },
  };
});

let root: string;
let corpusDir: string;
let indexDir: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'beschluss-assistant-'));
  corpusDir = path.join(root, 'corpus');
  indexDir = path.join(root, 'index');
  await mkdir(corpusDir);
  await copyFile(REAL, path.join(corpusDir, 'imk-2020-12-10.txt'));
  embedded = 0;
});
afterEach(() => rm(root, { recursive: true, force: true }));

function start(
  environment: Record<string, string> = {},
  parts: { embedder?: Embedder; analyzer?: Analyzer } = {},
) {
  const logger = createMemoryLogger();
  const config = loadConfig({ CORPUS_DIR: corpusDir, INDEX_DIR: indexDir, ...environment });
  return {
    logger,
    assistant: createAssistant({
      config,
      logger,
      analyzer: parts.analyzer ?? analyzer,
      embedder: parts.embedder ?? counting,
    }),
  };
}

async function buildFolder(): Promise<string> {
  const builds = await readdir(path.join(indexDir, 'builds'));
  return path.join(indexDir, 'builds', builds[0] as string);
}

describe('createAssistant', () => {
  it('builds the index on first start and loads it without embedding on the next', async () => {
    const first = start();
    const assistant = await first.assistant;
    // 107 chunks and the sentences of the units with more than one (the others share their chunk's text).
    expect(embedded).toBeGreaterThan(107);
    const firstBuild = embedded;
    expect(first.logger.entries.map((entry) => entry.message)).toContain('no index yet, building it');
    const health = assistant.health();
    expect(health).toMatchObject({ status: 'ok', units: 107, meetings: 1, answerer: 'extractive' });
    expect(health.embedder).toMatch(/^offline:/);

    const second = start();
    await second.assistant;
    expect(embedded).toBe(firstBuild);
    expect(second.logger.entries.map((entry) => entry.message)).toContain('index loaded');
  });

  it('loads, not rebuilds, an index an embedder built that counts its own tokens (chunked by tokens)', async () => {
    const tokenCounting: Embedder = {
      ...counting,
      maxInputTokens: 512,
      countTokens: (value) => value.split(/\s+/).length + 2,
      doEmbed: (options) => counting.doEmbed(options),
    };
    await (await start({}, { embedder: tokenCounting }).assistant).close();
    const builtOnce = embedded;
    const second = start({}, { embedder: tokenCounting });
    await second.assistant;
    expect(second.logger.entries.map((entry) => entry.message)).toContain('index loaded');
    expect(embedded).toBe(builtOnce);
  });

  it('rebuilds a stale index when the corpus changed', async () => {
    await (await start().assistant).close();
    await copyFile(SPRING, path.join(corpusDir, 'imk-2021-06-18.txt'));
    const restarted = start();
    const assistant = await restarted.assistant;
    expect(restarted.logger.entries.map((entry) => entry.message)).toContain('index is stale, rebuilding it');
    expect(assistant.health().meetings).toBe(2);
    expect(assistant.catalog.multiMeeting).toBe(true);
  });

  it('rebuilds an index built with other bundled data (a changed glossary)', async () => {
    await (await start().assistant).close();
    const glossary = path.join(root, 'abkuerzungen.tsv');
    await copyFile(path.join(DATA_DIR, 'lexicon', 'abkuerzungen.tsv'), glossary);
    await appendFile(glossary, 'GLZ\tGemeinsames Lagezentrum\n');
    const restarted = start({}, { analyzer: await createGermanAnalyzer({ abbreviationsFile: glossary }) });
    const assistant = await restarted.assistant;
    expect(restarted.logger.entries).toContainEqual(
      expect.objectContaining({
        message: 'index is stale, rebuilding it',
        reason: expect.stringMatching(/bundled lexicon/),
      }),
    );
    expect(assistant.health().units).toBe(107);
  });

  it('detects a truncated index by checksum and rebuilds it', async () => {
    await (await start().assistant).close();
    await truncate(path.join(await buildFolder(), 'vectors.hnsw'), 100);
    const restarted = start();
    const assistant = await restarted.assistant;
    expect(
      restarted.logger.entries.find((entry) => entry.message === 'index is corrupt, rebuilding it'),
    ).toBeDefined();
    expect(assistant.health().units).toBe(107);
    const answer = await assistant.answerer.answer({ question: 'TOP 21 Ziffer 2' });
    expect(answer.statements[0]?.citations[0]?.top).toBe('21');
  });

  it('refuses to serve a corrupt index when told to fail', async () => {
    await (await start().assistant).close();
    await appendFile(path.join(await buildFolder(), 'lexical.bin'), ' ');
    await expect(start({ INDEX_ON_CORRUPT: 'fail' }).assistant).rejects.toMatchObject({
      code: 'INDEX_CORRUPT',
    });
  });

  it('picks up a new collection on reindex without a restart', async () => {
    const assistant = await start().assistant;
    const before = embedded;
    await copyFile(SPRING, path.join(corpusDir, 'imk-2021-06-18.txt'));
    const result = await assistant.reindex();
    expect(result.meetings).toBe(2);
    expect(result.reused).toBe(107);
    expect(embedded - before).toBe(result.embedded + result.sentencesEmbedded);
    expect(assistant.health().meetings).toBe(2);
    const sources = await assistant.retriever.search('Digitale Spuren im Netz', { k: 3 });
    expect(sources.some((source) => source.meeting === 'imk-2021-06-18')).toBe(true);
  });

  it('reports two files of one meeting in its health and indexes the one the rule keeps, not the first by name', async () => {
    // The correction sorts last by name and is older; its marker decides.
    const corrected = path.join(corpusDir, 'imk-2020-12-10-korrigiert.txt');
    await copyFile(REAL, corrected);
    await appendFile(corrected, '\n');
    await utimes(corrected, new Date('2021-01-01'), new Date('2021-01-01'));
    const started = start();
    const assistant = await started.assistant;
    expect(assistant.health().conflicts).toEqual([
      {
        meeting: 'imk-2020-12-10',
        kept: 'imk-2020-12-10-korrigiert.txt',
        ignored: ['imk-2020-12-10.txt'],
        rule: 'correction-marker',
      },
    ]);
    // Issue 19's fields stay beside them.
    expect(assistant.health()).toMatchObject({ indexStore: 'files', indexVersion: expect.any(String) });
    expect(started.logger.entries).toContainEqual(
      expect.objectContaining({
        message: 'meeting in more than one corpus file; one is indexed by the rule',
      }),
    );
    // After a restart that loads the index, the health still says so.
    await assistant.close();
    const again = await start().assistant;
    expect(again.health().conflicts?.[0]?.kept).toBe('imk-2020-12-10-korrigiert.txt');
    const withoutConflict = await (async () => {
      await rm(corrected);
      return (await start().assistant).health();
    })();
    expect(withoutConflict.conflicts).toBeUndefined();
  });

  it('fails clearly when the corpus folder holds no collection', async () => {
    await rm(path.join(corpusDir, 'imk-2020-12-10.txt'));
    await expect(start().assistant).rejects.toMatchObject({ code: 'CORPUS_EMPTY' });
  });
});
