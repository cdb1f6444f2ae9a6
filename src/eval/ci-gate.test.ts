// The CI gate: the in-process evaluation of eval/qa.jsonl on the bundled corpus (offline embedder, built once) must
// hold every threshold of eval/thresholds.json. Thresholds are only ever raised (see eval/README.md).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createGermanAnalyzer } from '../analysis/index.ts';
import { createOfflineEmbedder } from '../embed/offline.ts';
import { DEFAULT_CORPUS_DIR, EVAL_DIR } from '../paths.ts';
import { readQaSet } from './qa-set.ts';
import { runInProcessSuite, type SuiteResult } from './suite.ts';
import { checkThresholds, embedderMatches, type GateCheck, ThresholdsSchema } from './thresholds.ts';

// Read while the tests are collected, so every threshold becomes a test of its own and a failure names its metric.
const thresholds = ThresholdsSchema.parse(
  JSON.parse(readFileSync(path.join(EVAL_DIR, 'thresholds.json'), 'utf8')),
);
const bounds = [['overall', thresholds.overall] as const, ...Object.entries(thresholds.byType ?? {})].flatMap(
  ([scope, set]) =>
    (['min', 'max'] as const).flatMap((bound) =>
      Object.entries(set[bound] ?? {}).map(([metric, threshold]) => ({ scope, metric, bound, threshold })),
    ),
);

let result: SuiteResult;
let checks: GateCheck[];
beforeAll(async () => {
  const analyzer = await createGermanAnalyzer();
  result = await runInProcessSuite({
    entries: await readQaSet(path.join(EVAL_DIR, 'qa.jsonl')),
    file: 'eval/qa.jsonl',
    corpusDir: DEFAULT_CORPUS_DIR,
    analyzer,
    embedder: await createOfflineEmbedder({ analyzer }),
  });
  checks = checkThresholds(result.run.report, thresholds);
}, 60_000);

describe('evaluation gate (eval/thresholds.json)', () => {
  it('measures with the embedder the thresholds were set with', () => {
    expect(embedderMatches(thresholds, result.embedder)).toBe(true);
  });

  it.each(bounds)('$scope $metric stays $bound $threshold', ({ scope, metric, bound }) => {
    const check = checks.find(
      (candidate) => candidate.scope === scope && candidate.metric === metric && candidate.bound === bound,
    );
    expect(check?.measured, `${scope} ${metric} is not measured (no questions of that type?)`).not.toBeNull();
    const measured = check?.measured ?? Number.NaN;
    if (bound === 'min') expect(measured).toBeGreaterThanOrEqual((check?.threshold ?? 1) - 1e-9);
    else expect(measured).toBeLessThanOrEqual((check?.threshold ?? 0) + 1e-9);
  });
});
