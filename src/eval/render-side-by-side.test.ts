import { describe, expect, it } from 'vitest';
import { buildReport, NEAR_MISS_SLICE, type QuestionResult } from './aggregate.ts';
import {
  embedderLabels,
  HEADLINE_METRICS,
  type RunColumn,
  renderOverallSideBySide,
  renderTypeSideBySide,
} from './render-side-by-side.ts';
import { ABSTAINED_SCORES, scoresWithHit } from './testing/scores.ts';

const answered = (hit: number) => scoresWithHit(hit);

function report(results: QuestionResult[]) {
  return buildReport(results, { typeOrder: ['lookup', 'typo', 'unanswerable'], slices: [NEAR_MISS_SLICE] });
}

const dev = [
  { id: 'q001', type: 'lookup', scores: answered(1), latencyMs: 4 },
  { id: 'q002', type: 'typo', scores: answered(0), latencyMs: 6 },
];
const heldOut = [
  { id: 'q003', type: 'lookup', scores: answered(1), latencyMs: 2 },
  { id: 'q004', type: 'lookup', scores: answered(0), latencyMs: 2 },
  { id: 'q005', type: 'unanswerable', scores: ABSTAINED_SCORES, nearMiss: true, latencyMs: 1 },
];
const columns: RunColumn[] = [
  { set: 'dev', embedder: 'model', report: report(dev) },
  { set: 'dev', embedder: 'offline', report: report([dev[0] as QuestionResult]) },
  { set: 'held-out', embedder: 'model', report: report(heldOut) },
];

describe('embedderLabels', () => {
  it('names embedders by provider, and by their whole id where a provider runs twice', () => {
    const labels = embedderLabels(['transformers:e5:384', 'offline:hash:512', 'offline:hash:256']);
    expect([...labels.values()]).toEqual(['transformers', 'offline:hash:512', 'offline:hash:256']);
  });
});

describe('renderOverallSideBySide', () => {
  const rows = renderOverallSideBySide(columns).trimEnd().split('\n');

  it('has a column per run, a question count and a row per headline metric', () => {
    expect(rows[0]).toBe('| overall | dev · model | dev · offline | held-out · model |');
    expect(rows[2]).toBe('| questions | 2 | 1 | 3 |');
    expect(rows).toHaveLength(3 + HEADLINE_METRICS.length);
  });

  it('prints each run’s overall value, with k in the headings and a dash where undefined', () => {
    expect(rows).toContain('| answered (of answerable) | 1.000 | 1.000 | 1.000 |');
    expect(rows).toContain('| correct abstain (of unanswerable) | – | – | 1.000 |');
    expect(rows).toContain('| gold cited (of answerable) | 0.500 | 1.000 | 0.500 |');
    expect(rows).toContain('| hit@5 | 0.500 | 1.000 | 0.500 |');
    expect(rows).toContain('| p50 ms | 4 | 4 | 2 |');
  });
});

describe('renderTypeSideBySide', () => {
  const goldCited = HEADLINE_METRICS.find((metric) => metric.heading.startsWith('gold cited'));
  const correctAbstain = HEADLINE_METRICS.find((metric) => metric.heading.startsWith('correct abstain'));

  it('writes one row per type of any run with the count of each set, and the overall row', () => {
    if (goldCited === undefined) throw new Error('no gold cited metric');
    const rows = renderTypeSideBySide(columns, goldCited).trimEnd().split('\n');
    expect(rows[0]).toBe('| type | n dev | n held-out | dev · model | dev · offline | held-out · model |');
    expect(rows.slice(2)).toEqual([
      '| lookup | 1 | 2 | 1.000 | 1.000 | 0.500 |',
      '| typo | 1 | – | 0.000 | – | – |',
      '| **overall** | 2 | 3 | 0.500 | 1.000 | 0.500 |',
    ]);
  });

  it('leaves out rows where the metric is undefined in every run, and keeps the slices', () => {
    if (correctAbstain === undefined) throw new Error('no correct abstain metric');
    const rows = renderTypeSideBySide(columns, correctAbstain).trimEnd().split('\n');
    expect(rows.slice(2)).toEqual([
      '| unanswerable | – | 1 | – | – | 1.000 |',
      '| unanswerable/near-miss | – | 1 | – | – | 1.000 |',
      '| **overall** | 2 | 3 | – | – | 1.000 |',
    ]);
  });
});
