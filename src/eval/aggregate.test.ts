import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  aggregateRow,
  buildReport,
  mean,
  NEAR_MISS_SLICE,
  percentile,
  type QuestionResult,
} from './aggregate.ts';
import type { QuestionScores } from './metrics.ts';
import { ABSTAINED_SCORES } from './testing/scores.ts';

const undefinedScores: QuestionScores = ABSTAINED_SCORES;

function result(
  id: string,
  type: string,
  scores: Partial<QuestionScores>,
  latencyMs?: number,
): QuestionResult {
  const question: QuestionResult = { id, type, scores: { ...undefinedScores, ...scores } };
  if (latencyMs !== undefined) question.latencyMs = latencyMs;
  return question;
}

describe('mean', () => {
  it('averages values and is null for none', () => {
    expect(mean([1, 0, 0.5])).toBe(0.5);
    expect(mean([])).toBeNull();
  });
});

describe('percentile', () => {
  it('takes the nearest-rank value', () => {
    const values = [120, 40, 80, 200, 60];
    expect(percentile(values, 50)).toBe(80);
    expect(percentile(values, 95)).toBe(200);
    expect(percentile(values, 20)).toBe(40);
    expect(percentile([7], 50)).toBe(7);
  });

  it('is null for no values and rejects a percentile outside (0, 100]', () => {
    expect(percentile([], 50)).toBeNull();
    expect(() => percentile([1], 0)).toThrow(/must be in \(0, 100\]; received 0/);
    expect(() => percentile([1], 101)).toThrow(/received 101/);
  });

  it('returns a recorded value that never decreases as p grows', () => {
    const values = fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 1, maxLength: 40 });
    const p = fc.integer({ min: 1, max: 100 });
    fc.assert(
      fc.property(values, p, p, (recorded, first, second) => {
        const low = percentile(recorded, Math.min(first, second)) ?? Number.NaN;
        const high = percentile(recorded, Math.max(first, second)) ?? Number.NaN;
        return recorded.includes(low) && recorded.includes(high) && low <= high;
      }),
    );
  });
});

describe('aggregateRow', () => {
  it('averages each metric over the questions where it is defined and says how many those are', () => {
    const row = aggregateRow([
      result('q1', 'lookup', { hitAt1: 1, recallAtK: 1, abstention: 'answered' }),
      result('q2', 'lookup', { hitAt1: 0, recallAtK: 0.5, abstention: 'answered' }),
      result('q3', 'unanswerable', { abstention: 'correct-abstain' }),
    ]);
    expect(row.questions).toBe(3);
    expect(row.metrics.hitAt1).toBe(0.5);
    expect(row.metrics.recallAtK).toBe(0.75);
    expect(row.defined.hitAt1).toBe(2);
    expect(row.metrics.mrr).toBeNull();
    expect(row.defined.mrr).toBe(0);
  });

  it('rates abstention against the questions it applies to', () => {
    const row = aggregateRow([
      result('q1', 'lookup', { abstention: 'answered' }),
      result('q2', 'lookup', { abstention: 'answered' }),
      result('q3', 'lookup', { abstention: 'answered' }),
      result('q4', 'lookup', { abstention: 'false-abstain' }),
      result('q5', 'unanswerable', { abstention: 'correct-abstain' }),
      result('q6', 'unanswerable', { abstention: 'missed-abstain' }),
      result('q7', 'unanswerable', { abstention: 'missed-abstain' }),
      result('q8', 'unanswerable', { abstention: 'missed-abstain' }),
    ]);
    expect(row.abstention).toEqual({
      answered: 0.75,
      correctAbstain: 0.25,
      falseAbstain: 0.25,
      missedAbstain: 0.75,
    });
  });

  it('handles a run where every question was abstained', () => {
    const row = aggregateRow([
      result('q1', 'lookup', { hitAt1: 1, mustMentionCoverage: 0, abstention: 'false-abstain' }),
      result('q2', 'unanswerable', { abstention: 'correct-abstain' }),
    ]);
    expect(row.abstention).toEqual({ answered: 0, correctAbstain: 1, falseAbstain: 1, missedAbstain: 0 });
    expect(row.metrics.citationPrecision).toBeNull();
    expect(row.metrics.mustMentionCoverage).toBe(0);
  });

  it('leaves abstention rates null where no question of that kind exists', () => {
    const row = aggregateRow([result('q1', 'lookup', { abstention: 'answered' })]);
    expect(row.abstention).toEqual({
      answered: 1,
      correctAbstain: null,
      falseAbstain: 0,
      missedAbstain: null,
    });
  });

  it('takes latency percentiles from the questions that recorded one', () => {
    const row = aggregateRow([
      result('q1', 'lookup', {}, 100),
      result('q2', 'lookup', {}, 300),
      result('q3', 'lookup', {}),
      result('q4', 'lookup', {}, 200),
    ]);
    expect(row.latencyMs).toEqual({ p50: 200, p95: 300 });
    expect(aggregateRow([result('q1', 'lookup', {})]).latencyMs).toEqual({ p50: null, p95: null });
  });

  it('aggregates an empty run to zero questions with every value null', () => {
    const row = aggregateRow([]);
    expect(row.questions).toBe(0);
    expect(Object.values(row.metrics).every((value) => value === null)).toBe(true);
    expect(row.abstention).toEqual({
      answered: null,
      correctAbstain: null,
      falseAbstain: null,
      missedAbstain: null,
    });
  });
});

describe('buildReport', () => {
  const results = [
    result('q1', 'zeta', { hitAt1: 1, abstention: 'answered' }),
    result('q2', 'lookup', { hitAt1: 0, abstention: 'answered' }),
    result('q3', 'unanswerable', { abstention: 'missed-abstain' }),
    result('q4', 'alpha', { hitAt1: 1, abstention: 'answered' }),
    result('q5', 'lookup', { hitAt1: 1, abstention: 'answered' }),
  ];

  it('puts the types of typeOrder first, in that order, then the others alphabetically', () => {
    const report = buildReport(results, { typeOrder: ['lookup', 'paraphrase', 'unanswerable'] });
    expect(report.byType.map((group) => group.type)).toEqual(['lookup', 'unanswerable', 'alpha', 'zeta']);
  });

  it('computes each type row from its own questions and the overall row from all of them', () => {
    const report = buildReport(results, { k: 10 });
    expect(report.k).toBe(10);
    const lookup = report.byType.find((group) => group.type === 'lookup');
    expect(lookup?.row.questions).toBe(2);
    expect(lookup?.row.metrics.hitAt1).toBe(0.5);
    expect(report.overall.questions).toBe(5);
    expect(report.overall.metrics.hitAt1).toBe(0.75);
    expect(report.questions.map((question) => question.id)).toEqual(['q1', 'q2', 'q3', 'q4', 'q5']);
  });

  it('adds a row per slice that holds questions, and none for an empty slice', () => {
    const nearMiss = { ...result('q6', 'unanswerable', { abstention: 'correct-abstain' }), nearMiss: true };
    const report = buildReport([...results, nearMiss], {
      slices: [NEAR_MISS_SLICE, { name: 'empty', includes: () => false }],
    });
    expect(report.slices.map((slice) => slice.name)).toEqual(['unanswerable/near-miss']);
    expect(report.slices[0]?.row.questions).toBe(1);
    expect(report.slices[0]?.row.abstention.correctAbstain).toBe(1);
    expect(buildReport(results).slices).toEqual([]);
  });
});
