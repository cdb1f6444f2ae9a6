import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EVAL_DIR } from '../paths.ts';
import { useTemporaryDirectory } from '../testing/temporary-directory.ts';
import { buildReport, NEAR_MISS_SLICE, type QuestionResult } from './aggregate.ts';
import type { QuestionScores } from './metrics.ts';
import { ABSTAINED_SCORES } from './testing/scores.ts';
import {
  checkThresholds,
  embedderMatches,
  proposeThresholds,
  raiseThresholds,
  readThresholds,
  type Thresholds,
} from './thresholds.ts';

const answered: QuestionScores = {
  hitAt1: 0,
  hitAtK: 1,
  recallAtK: 2 / 3,
  mrr: 0.5,
  contextPrecisionAtK: 0.2,
  contextRecallAtK: 2 / 3,
  citationPrecision: 1,
  goldCitationPrecision: 0.5,
  citationValidity: 1,
  goldCited: 1,
  statementCoverage: 1,
  mustMentionCoverage: 0.29,
  abstention: 'answered',
};
/** An unanswerable question answered anyway: only the citation metrics are defined. */
const missed: QuestionScores = {
  ...ABSTAINED_SCORES,
  citationPrecision: 1,
  citationValidity: 1,
  statementCoverage: 1,
  goldCitationPrecision: 0,
  abstention: 'missed-abstain',
};
const results: QuestionResult[] = [
  { id: 'q001', type: 'lookup', scores: answered },
  { id: 'q002', type: 'unanswerable', scores: missed },
  { id: 'q003', type: 'unanswerable', scores: { ...missed, abstention: 'correct-abstain' }, nearMiss: true },
];
const report = buildReport(results, { typeOrder: ['lookup', 'unanswerable'], slices: [NEAR_MISS_SLICE] });

describe('proposeThresholds', () => {
  const proposed = proposeThresholds(report, { embedder: 'offline:x:8', set: 'eval/heldout.jsonl' });

  it('rounds minima down and maxima up to two decimals, and names the embedder and set', () => {
    expect(proposed.overall.min?.recallAtK).toBe(0.66);
    expect(proposed.overall.min?.mustMentionCoverage).toBe(0.29);
    expect(proposed.overall.min?.answered).toBe(1);
    expect(proposed.overall.max?.missedAbstain).toBe(0.5);
    expect(proposed.byType?.lookup?.min?.hitAtK).toBe(1);
    expect(proposed.byType?.lookup?.min?.goldCited).toBe(1);
    expect(proposed.byType?.unanswerable?.min?.correctAbstain).toBe(0.5);
    expect(proposed).toMatchObject({ embedder: 'offline:x:8', set: 'eval/heldout.jsonl' });
  });

  it('proposes minima for the slices too', () => {
    expect(proposed.byType?.['unanswerable/near-miss']?.min?.correctAbstain).toBe(1);
  });

  it('leaves out metrics that are undefined for a row, and minima of 0 that would gate nothing', () => {
    expect(proposed.byType?.unanswerable?.min?.hitAtK).toBeUndefined();
    expect(proposed.byType?.unanswerable?.min?.goldCitationPrecision).toBeUndefined();
    expect(proposed.overall.max?.falseAbstain).toBe(0);
  });

  it('proposes thresholds the report it came from passes', () => {
    const checks = checkThresholds(report, proposed);
    expect(checks.length).toBeGreaterThan(10);
    expect(checks.filter((check) => !check.passed)).toEqual([]);
  });
});

describe('checkThresholds', () => {
  const thresholds: Thresholds = {
    embedder: 'offline:x:8',
    set: 'eval/heldout.jsonl',
    overall: { min: { hitAtK: 0.9, mrr: 0.6 }, max: { missedAbstain: 0.4 } },
    byType: {
      followup: { min: { hitAtK: 0.5 } },
      'unanswerable/near-miss': { min: { correctAbstain: 1 } },
    },
  };

  it('fails a minimum the run falls below and a maximum it rises above, and passes the rest', () => {
    const checks = checkThresholds(report, thresholds);
    const outcome = Object.fromEntries(
      checks.map((check) => [`${check.scope}.${check.metric}`, check.passed]),
    );
    expect(outcome).toEqual({
      'overall.hitAtK': true,
      'overall.mrr': false,
      'overall.missedAbstain': false,
      'followup.hitAtK': false,
      'unanswerable/near-miss.correctAbstain': true,
    });
  });

  it('fails a check it cannot measure (a type the run has no questions of) with measured null', () => {
    const check = checkThresholds(report, thresholds).find((entry) => entry.scope === 'followup');
    expect(check).toMatchObject({ measured: null, passed: false, bound: 'min', threshold: 0.5 });
  });
});

describe('raiseThresholds', () => {
  const heldOut = (overall: Thresholds['overall'], byType: Thresholds['byType']): Thresholds => ({
    embedder: 'offline',
    set: 'eval/heldout.jsonl',
    overall,
    byType,
  });
  const current = heldOut(
    { min: { hitAtK: 0.8, mrr: 0.7, goldCited: 0.5 }, max: { falseAbstain: 0.3, missedAbstain: 0.2 } },
    { lookup: { min: { hitAtK: 0.9 } } },
  );
  const measured = heldOut(
    { min: { hitAtK: 0.85, mrr: 0.65, recallAtK: 0.6 }, max: { falseAbstain: 0.25, missedAbstain: 0.3 } },
    { lookup: { min: { hitAtK: 0.95 } }, paraphrase: { min: { hitAtK: 0.5 } } },
  );
  const { thresholds, raised, worse } = raiseThresholds(current, measured);

  it('raises minima, lowers maxima and adds minima for metrics and types not gated yet', () => {
    expect(thresholds.overall.min).toEqual({ hitAtK: 0.85, mrr: 0.7, goldCited: 0.5, recallAtK: 0.6 });
    expect(thresholds.overall.max).toEqual({ falseAbstain: 0.25, missedAbstain: 0.2 });
    expect(thresholds.byType).toEqual({
      lookup: { min: { hitAtK: 0.95 } },
      paraphrase: { min: { hitAtK: 0.5 } },
    });
    expect(raised).toContain('overall hitAtK ≥ 0.8 → 0.85');
    expect(raised).toContain('overall falseAbstain ≤ 0.3 → 0.25');
    expect(raised).toContain('paraphrase hitAtK ≥ – → 0.5');
  });

  it('never relaxes a threshold, and lists every metric measured below its threshold', () => {
    expect(worse).toEqual([
      'overall mrr: measured 0.65, threshold 0.7',
      'overall missedAbstain: measured 0.3, threshold 0.2',
      'overall goldCited: measured below 0.01 or not at all, threshold 0.5',
    ]);
  });
});

describe('embedderMatches', () => {
  it('matches the same embedder id, and every id of a named provider, but not another provider', () => {
    expect(embedderMatches({ embedder: 'offline' }, 'offline:offline-german-hash-v1+de-analysis-2:512')).toBe(
      true,
    );
    expect(embedderMatches({ embedder: 'offline:hash:512' }, 'offline:hash:512')).toBe(true);
    expect(embedderMatches({ embedder: 'offline:hash:512' }, 'offline:hash:256')).toBe(false);
    expect(embedderMatches({ embedder: 'offline' }, 'transformers:Xenova/multilingual-e5-small:384')).toBe(
      false,
    );
  });
});

describe('readThresholds', () => {
  const file = useTemporaryDirectory('beschluss-thresholds-');

  it('reads the committed eval/thresholds.json: held-out with the bundled model', async () => {
    const thresholds = await readThresholds(path.join(EVAL_DIR, 'thresholds.json'));
    expect(thresholds.set).toBe('eval/heldout.jsonl');
    expect(thresholds.embedder).toMatch(/^transformers:/);
    expect(Object.keys(thresholds.overall.min ?? {}).length).toBeGreaterThan(5);
  });

  it('names the file and the problem for a missing file, bad JSON and an unknown metric', async () => {
    await expect(readThresholds(file('none.json'))).rejects.toThrow(/none\.json: cannot read/);
    const badJson = file('bad.json');
    await writeFile(badJson, '{ nope');
    await expect(readThresholds(badJson)).rejects.toThrow(/bad\.json: not JSON/);
    const unknown = file('unknown.json');
    await writeFile(unknown, JSON.stringify({ embedder: 'e', set: 's', overall: { min: { speed: 1 } } }));
    await expect(readThresholds(unknown)).rejects.toThrow(/unknown\.json: not valid thresholds/);
  });
});
