import { describe, expect, it } from 'vitest';
import { buildReport, NEAR_MISS_SLICE, type QuestionResult } from './aggregate.ts';
import type { BaselineResult } from './baselines.ts';
import { briefly, renderBaselineTypeTable } from './render-baselines.ts';
import { ABSTAINED_SCORES, scoresWithHit } from './testing/scores.ts';

const scores = (hit: number) => scoresWithHit(hit, hit === 1 ? 'answered' : 'false-abstain');

const report = (lookupHit: number, paraphraseHit: number, abstains: boolean) =>
  buildReport(
    [
      { id: 'q001', type: 'lookup', scores: scores(lookupHit), latencyMs: 3 },
      { id: 'q002', type: 'paraphrase', scores: scores(paraphraseHit), latencyMs: 5 },
      {
        id: 'q003',
        type: 'unanswerable',
        scores: { ...ABSTAINED_SCORES, abstention: abstains ? 'correct-abstain' : 'missed-abstain' },
        nearMiss: true,
      },
    ] satisfies QuestionResult[],
    { typeOrder: ['lookup', 'paraphrase', 'unanswerable'], slices: [NEAR_MISS_SLICE] },
  );

const baselines: BaselineResult[] = [
  { mode: 'lexical', embedder: null, report: report(1, 0, false) },
  { mode: 'vector', embedder: 'offline:hash:512', report: report(0, 1, true) },
];

describe('briefly', () => {
  it('keeps a reason up to its first full stop or colon', () => {
    expect(briefly('Model "x" is not available locally: looked in ./models. Fix: put it there.')).toBe(
      'Model "x" is not available locally',
    );
    expect(briefly('EMBEDDING_BASE_URL is not set')).toBe('EMBEDDING_BASE_URL is not set');
    expect(briefly('y'.repeat(300))).toHaveLength(200);
  });
});

describe('renderBaselineTypeTable', () => {
  const rows = renderBaselineTypeTable(report(1, 1, true), baselines)
    .trimEnd()
    .split('\n');

  it('puts hybrid, lexical and vector side by side for each metric', () => {
    expect(rows[0]).toBe(
      '| type | n | hit@5 hybrid | hit@5 lexical | hit@5 vector | answered hybrid | answered lexical | ' +
        'answered vector | correct abstain hybrid | correct abstain lexical | correct abstain vector | ' +
        'gold cited hybrid | gold cited lexical | gold cited vector |',
    );
  });

  it('writes a row per type, per slice and overall, every row as wide as the header', () => {
    expect(rows.slice(2).map((row) => row.split(' | ')[0])).toEqual([
      '| lookup',
      '| paraphrase',
      '| unanswerable',
      '| unanswerable/near-miss',
      '| **overall**',
    ]);
    expect(rows[3]).toBe(
      '| paraphrase | 1 | 1.000 | 0.000 | 1.000 | 1.000 | 0.000 | 1.000 | – | – | – | 1.000 | 0.000 | 1.000 |',
    );
    expect(rows[5]).toBe(
      '| unanswerable/near-miss | 1 | – | – | – | – | – | – | 1.000 | 0.000 | 1.000 | – | – | – |',
    );
    expect(new Set(rows.map((row) => row.split('|').length)).size).toBe(1);
  });
});
