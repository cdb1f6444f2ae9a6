// The in-process suite end to end on the bundled corpus with a made-up set split in two: every set with every
// embedder on one index per embedder, baselines, calibration on the tuning set only.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../analysis/index.ts';
import { createOfflineEmbedder, type OfflineEmbedder } from '../embed/index.ts';
import { DEFAULT_CORPUS_DIR } from '../paths.ts';
import { type EvalSet, runInProcessSuite, type SuiteResult, tuningSet } from './suite.ts';
import { MADE_UP_SET } from './testing/made-up-set.ts';

const SETS: EvalSet[] = [
  { name: 'dev', file: 'dev.jsonl', entries: MADE_UP_SET.slice(0, 2), heldOut: false },
  { name: 'held-out', file: 'heldout.jsonl', entries: MADE_UP_SET.slice(2), heldOut: true },
];

let temporaryDirectory: string;
let analyzer: Analyzer;
let result: SuiteResult;
const progress: string[] = [];
/** Counts the texts each embedder embeds, to tell how often an index is built. */
const embedded = new Map<string, number>();

/** Counting also when re-bound to the analyzer of the index it embeds for. */
function counting(embedder: OfflineEmbedder): OfflineEmbedder {
  return {
    ...embedder,
    withAnalyzer: (other) => counting(embedder.withAnalyzer(other)),
    async doEmbed(options) {
      embedded.set(
        `${embedder.dimensions}`,
        (embedded.get(`${embedder.dimensions}`) ?? 0) + options.values.length,
      );
      return embedder.doEmbed(options);
    },
  };
}

beforeAll(async () => {
  temporaryDirectory = await mkdtemp(path.join(os.tmpdir(), 'beschluss-suite-'));
  analyzer = await createGermanAnalyzer();
  const wide = await createOfflineEmbedder({ analyzer });
  const narrow = await createOfflineEmbedder({ analyzer, dimensions: 256 });
  result = await runInProcessSuite({
    sets: SETS,
    corpusDir: DEFAULT_CORPUS_DIR,
    analyzer,
    embedders: [counting(wide), counting(narrow), wide],
    baselines: true,
    calibrate: true,
    temporaryDirectory,
    onProgress: (message) => progress.push(message),
  });
}, 120_000);
afterAll(() => rm(temporaryDirectory, { recursive: true, force: true }));

describe('runInProcessSuite', () => {
  it('runs every set with every embedder (a repeated one once), embedders outer, and removes the indexes', async () => {
    expect(result.runs.map((run) => [run.set, run.embedder.split(':').at(-1)])).toEqual([
      ['dev', '512'],
      ['held-out', '512'],
      ['dev', '256'],
      ['held-out', '256'],
    ]);
    expect(result.embedders.map((embedder) => embedder.build?.units)).toEqual([107, 107]);
    expect(result.sets.map((set) => [set.name, set.questions, set.heldOut])).toEqual([
      ['dev', 2, false],
      ['held-out', 2, true],
    ]);
    expect(await readdir(temporaryDirectory)).toEqual([]);
    expect(progress.filter((message) => message.startsWith('building a temporary index'))).toHaveLength(2);
  });

  it('builds each embedder’s index once for both sets: the passages are embedded once per embedder', () => {
    const units = result.embedders[0]?.build?.units ?? 0;
    // Building embeds every unit; the sets embed their questions on top (far fewer than a second build would).
    for (const dimensions of ['512', '256']) {
      const count = embedded.get(dimensions) ?? 0;
      expect(count).toBeGreaterThanOrEqual(units);
      expect(count).toBeLessThan(2 * units);
    }
  });

  it('finds a unit named by reference first', () => {
    const dev = result.runs[0]?.run.records ?? [];
    const reference = dev.find((record) => record.entry.type === 'citation');
    expect(reference?.result.scores.hitAt1).toBe(1);
    expect(reference?.citedIds).toEqual(['imk-2020-12-10/43/1']);
  });

  it('runs lexical only and vector only beside each hybrid run on the same index', () => {
    for (const run of result.runs) {
      expect(run.baselines?.map((baseline) => [baseline.mode, baseline.embedder])).toEqual([
        ['lexical', null],
        ['vector', run.embedder],
      ]);
      expect(run.baselines?.[0]?.report.overall.questions).toBe(2);
    }
  });

  it('calibrates on the dev set with the first embedder only, reproducing every outcome of that run', () => {
    const calibration = result.calibration;
    expect(calibration?.set).toBe('dev');
    expect(calibration?.embedder).toBe(result.runs[0]?.embedder);
    expect(calibration?.result.abstain.agreement).toEqual({ matching: 2, total: 2 });
    expect(calibration?.result.abstain.calibration.rows).toHaveLength(21);
    expect(progress.filter((message) => message.includes('calibrating'))).toEqual([
      'dev: calibrating the abstain and support thresholds',
    ]);
  });
});

describe('tuningSet', () => {
  it('is the first set that is not held out, and an error when every set is held out', async () => {
    expect(tuningSet(SETS).name).toBe('dev');
    expect(() => tuningSet([SETS[1] as EvalSet])).toThrow(/calibration needs a set that is not held out/);
    await expect(
      runInProcessSuite({
        sets: [SETS[1] as EvalSet],
        corpusDir: DEFAULT_CORPUS_DIR,
        analyzer,
        embedders: [await createOfflineEmbedder({ analyzer })],
        calibrate: true,
      }),
    ).rejects.toMatchObject({ code: 'INVALID_REQUEST' });
  });
});
