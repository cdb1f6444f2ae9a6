import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../analysis/index.ts';
import { loadConfig } from '../config.ts';
import { createOfflineEmbedder } from '../embed/index.ts';
import { createMemoryLogger } from '../logger.ts';
import { DEFAULT_CORPUS_DIR } from '../paths.ts';
import {
  createGateEmbedder,
  type EmbedderRequest,
  embedderRequestOf,
  formatGate,
  type GateOptions,
  measureHeldOut,
  runGate,
} from './gate.ts';
import { writeMadeUpSet } from './testing/made-up-set.ts';

describe('embedderRequestOf', () => {
  it('reads a provider, a provider with its model, and a whole embedder id', () => {
    expect(embedderRequestOf('offline')).toEqual({ kind: 'offline' });
    expect(embedderRequestOf('offline:offline-german-hash-v1:512')).toEqual({ kind: 'offline' });
    expect(embedderRequestOf('transformers:Xenova/multilingual-e5-small')).toEqual({
      kind: 'transformers',
      model: 'Xenova/multilingual-e5-small',
    });
    expect(embedderRequestOf('transformers:Xenova/multilingual-e5-small:384;dtype=q8')).toEqual({
      kind: 'transformers',
      model: 'Xenova/multilingual-e5-small',
    });
  });

  it('refuses "auto" and unknown providers: the gate names its embedder', () => {
    expect(() => embedderRequestOf('auto')).toThrow(
      /thresholds name the embedder "auto"; expected transformers/,
    );
    expect(() => embedderRequestOf('word2vec:x')).toThrow(/"word2vec:x"/);
  });
});

describe('createGateEmbedder', () => {
  it('creates exactly the kind asked for, and fails rather than fall back when a model does not load', async () => {
    const directory = await mkdtemp(path.join(os.tmpdir(), 'beschluss-gate-models-'));
    try {
      const create = createGateEmbedder({
        analyzer: await createGermanAnalyzer(),
        logger: createMemoryLogger(),
        config: loadConfig({ MODEL_DIR: directory }),
      });
      expect((await create({ kind: 'offline' })).provider).toBe('offline');
      await expect(create({ kind: 'transformers', model: 'nobody/no-model' })).rejects.toThrow(/no-model/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe('runGate', () => {
  let directory: string;
  let analyzer: Analyzer;
  let set: { file: string; dispose: () => Promise<void> };
  const requests: EmbedderRequest[] = [];

  beforeAll(async () => {
    directory = await mkdtemp(path.join(os.tmpdir(), 'beschluss-gate-'));
    analyzer = await createGermanAnalyzer();
    set = await writeMadeUpSet();
  });
  afterAll(async () => {
    await set?.dispose();
    await rm(directory, { recursive: true, force: true });
  });

  async function gateWith(thresholds: Record<string, unknown>): Promise<GateOptions> {
    const thresholdsFile = path.join(directory, `thresholds-${requests.length}.json`);
    await writeFile(thresholdsFile, JSON.stringify({ set: set.file, ...thresholds }));
    return {
      thresholdsFile,
      heldOutFile: set.file,
      corpusDir: DEFAULT_CORPUS_DIR,
      analyzer,
      temporaryDirectory: directory,
      createEmbedder: async (request) => {
        requests.push(request);
        // Always the offline embedder, so a request for another one shows as a mismatch without loading a model.
        return createOfflineEmbedder({ analyzer });
      },
    };
  }

  it('runs the held-out set with the embedder the thresholds name and passes when every threshold holds', async () => {
    const options = await gateWith({
      embedder: 'offline',
      overall: { min: { hitAtK: 0.5, answered: 0.5 }, max: { missedAbstain: 1 } },
      byType: { citation: { min: { goldCited: 1 } } },
    });
    const result = await runGate(options);
    expect(requests.at(-1)).toEqual({ kind: 'offline' });
    expect(result.failures).toEqual([]);
    expect(result.checks.map((check) => `${check.scope} ${check.metric}`)).toEqual([
      'overall hitAtK',
      'overall answered',
      'overall missedAbstain',
      'citation goldCited',
    ]);
    expect(formatGate(result)).toMatch(/^eval gate: .*set\.jsonl with offline:/);
    expect(formatGate(result)).toContain('ok   overall hitAtK ≥ 0.5 (measured ');
    expect(formatGate(result).trimEnd().split('\n').at(-1)).toBe('All 4 thresholds hold.');
  }, 60_000);

  it('names every failed threshold and a run with another embedder than the thresholds’', async () => {
    const options = await gateWith({
      embedder: 'transformers:Xenova/multilingual-e5-small',
      overall: { min: { hitAtK: 0.5 } },
      byType: { paraphrase: { min: { hitAtK: 0.5 } } },
    });
    const result = await runGate(options);
    expect(requests.at(-1)).toEqual({ kind: 'transformers', model: 'Xenova/multilingual-e5-small' });
    expect(result.failures).toEqual([
      expect.stringMatching(
        /^the thresholds were measured with transformers:Xenova\/multilingual-e5-small; this run used offline:/,
      ),
      'paraphrase hitAtK ≥ 0.5 (measured not measured)',
    ]);
    const text = formatGate(result);
    expect(text).toContain('FAIL paraphrase hitAtK ≥ 0.5 (measured not measured)');
    expect(text).toContain('2 failed:\n  - the thresholds were measured with');
  }, 60_000);

  it('refuses thresholds that name another set than the held-out one', async () => {
    const options = await gateWith({ embedder: 'offline', overall: {} });
    await expect(
      measureHeldOut({ ...options, heldOutFile: path.join(directory, 'heldout.jsonl') }),
    ).rejects.toMatchObject({
      code: 'EVAL_SET_INVALID',
      message: expect.stringContaining('the gate measures the held-out set'),
    });
  });
});
