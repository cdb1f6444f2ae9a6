// The in-process suite end to end on the bundled corpus with a made-up set: main run, baselines, calibration.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGermanAnalyzer } from '../analysis/index.ts';
import { createOfflineEmbedder } from '../embed/offline.ts';
import { DEFAULT_CORPUS_DIR } from '../paths.ts';
import { runInProcessSuite, type SuiteResult } from './suite.ts';
import { MADE_UP_SET } from './testing/made-up-set.ts';

let temporaryDirectory: string;
let result: SuiteResult;
const progress: string[] = [];
beforeAll(async () => {
  temporaryDirectory = await mkdtemp(path.join(os.tmpdir(), 'beschluss-suite-'));
  const analyzer = await createGermanAnalyzer();
  result = await runInProcessSuite({
    entries: MADE_UP_SET,
    file: 'set.jsonl',
    corpusDir: DEFAULT_CORPUS_DIR,
    analyzer,
    embedder: await createOfflineEmbedder({ analyzer }),
    baselines: { embedders: [], unavailable: [{ provider: 'transformers', reason: 'no model folder' }] },
    calibrate: true,
    temporaryDirectory,
    onProgress: (message) => progress.push(message),
  });
}, 60_000);
afterAll(() => rm(temporaryDirectory, { recursive: true, force: true }));

describe('runInProcessSuite', () => {
  it('runs every question over a temporary index and removes it afterwards', async () => {
    expect(result.run.records.map((record) => record.entry.id)).toEqual(MADE_UP_SET.map((entry) => entry.id));
    expect(result.build?.units).toBeGreaterThan(100);
    expect(result.embedder).toMatch(/^offline:/);
    expect(await readdir(temporaryDirectory)).toEqual([]);
    expect(progress[0]).toMatch(/^building a temporary index of .* with offline:/);
  });

  it('finds a unit named by reference first', () => {
    const reference = result.run.records.find((record) => record.entry.type === 'citation');
    expect(reference?.result.scores.hitAt1).toBe(1);
    expect(reference?.citedIds).toEqual(['imk-2020-12-10/43/1']);
  });

  it('runs lexical only once and vector only and hybrid per embedder, hybrid matching the main run', () => {
    const baselines = result.baselines?.results ?? [];
    expect(baselines.map((entry) => [entry.mode, entry.embedder])).toEqual([
      ['lexical', null],
      ['vector', result.embedder],
      ['hybrid', result.embedder],
    ]);
    expect(baselines[2]?.report.overall.metrics).toEqual(result.run.report.overall.metrics);
    expect(result.baselines?.unavailable).toEqual([{ provider: 'transformers', reason: 'no model folder' }]);
  });

  it('calibrates both thresholds, the sweep reproducing every outcome of the run at the default threshold', () => {
    const calibration = result.calibration;
    expect(calibration?.abstain.agreement).toEqual({
      matching: MADE_UP_SET.length,
      total: MADE_UP_SET.length,
    });
    expect(calibration?.abstain.calibration.rows).toHaveLength(21);
    const counts = calibration?.support.calibration.best.counts;
    expect(counts?.positives).toBeGreaterThan(0);
    expect(counts?.randomNegatives).toBe(counts?.positives);
  });
});
