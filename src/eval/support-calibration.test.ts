import { describe, expect, it } from 'vitest';
import type { QaEntry } from './qa-set.ts';
import {
  buildSupportPairs,
  calibrateSupportThreshold,
  type SupportPair,
  type SupportPairSource,
  supportCost,
  supportCountsAt,
} from './support-calibration.ts';

const texts: Record<string, string> = {
  'm/1/1': 'Der Arbeitskreis Nord berichtet bis Herbst 2030 über Leuchttürme.',
  'm/1/2': 'Die Konferenz dankt den Leuchtturmwärtern.',
  'm/2/1': 'Die Konferenz nimmt den Bericht über Deiche zur Kenntnis.',
  'm/3/1': 'Der Arbeitskreis Süd prüft Lawinenwarnungen.',
};

function entry(fields: Partial<QaEntry> & Pick<QaEntry, 'id'>): QaEntry {
  return {
    type: 'lookup',
    question: 'Wer berichtet über Leuchttürme?',
    gold: [{ top: '1', para: '1' }],
    must_mention: ['Arbeitskreis Nord'],
    answerable: true,
    ...fields,
  };
}

function source(entries: QaEntry[], calls: Array<[string, string]> = []): SupportPairSource {
  return {
    entries,
    defaultMeeting: 'm',
    unitIds: Object.keys(texts),
    textOf: (id) => texts[id],
    retrievedOf: () => ['m/1/1', 'm/1/2', 'm/2/1'],
    score: (statement, id) => {
      calls.push([statement, id]);
      return id === 'm/1/1' ? 0.9 : 0.1;
    },
  };
}

describe('buildSupportPairs', () => {
  it('pairs the question restated with the phrases of a gold unit with that unit, a random and a hard negative', async () => {
    const calls: Array<[string, string]> = [];
    const pairs = await buildSupportPairs(source([entry({ id: 'q001' })], calls));
    expect(pairs.map((pair) => pair.kind)).toEqual(['positive', 'random', 'hard']);
    expect(pairs[0]).toEqual({ id: 'q001', kind: 'positive', unitId: 'm/1/1', score: 0.9 });
    expect(calls[0]?.[0]).toBe('Wer berichtet über Leuchttürme? Arbeitskreis Nord');
    expect(pairs[1]?.unitId).not.toBe('m/1/1');
    expect(pairs[2]?.unitId).toBe('m/1/2');
  });

  it('draws the same random negative on every run', async () => {
    const first = await buildSupportPairs(source([entry({ id: 'q001' }), entry({ id: 'q002' })]));
    const second = await buildSupportPairs(source([entry({ id: 'q001' }), entry({ id: 'q002' })]));
    expect(second).toEqual(first);
  });

  it('makes no statement for a gold unit without the phrases, an unanswerable question or a follow-up', async () => {
    const pairs = await buildSupportPairs(
      source([
        entry({ id: 'q001', gold: [{ top: '2', para: '1' }] }),
        entry({ id: 'q002', type: 'unanswerable', gold: [], must_mention: [], answerable: false }),
        entry({
          id: 'q003',
          type: 'followup',
          history: [{ role: 'user', content: 'Was gilt für Leuchttürme?' }],
        }),
      ]),
    );
    expect(pairs).toEqual([]);
  });
});

describe('supportCountsAt and calibrateSupportThreshold', () => {
  const pairs: SupportPair[] = [
    { id: 'q001', kind: 'positive', unitId: 'a', score: 0.8 },
    { id: 'q001', kind: 'random', unitId: 'b', score: 0.05 },
    { id: 'q001', kind: 'hard', unitId: 'c', score: 0.35 },
    { id: 'q002', kind: 'positive', unitId: 'a', score: 0.6 },
    { id: 'q002', kind: 'random', unitId: 'b', score: 0.1 },
    { id: 'q002', kind: 'hard', unitId: 'c', score: 0.4 },
  ];

  it('accepts a pair whose score reaches the threshold', () => {
    expect(supportCountsAt(pairs, 0.4)).toEqual({
      positives: 2,
      trueAccepts: 2,
      falseRejects: 0,
      randomNegatives: 2,
      randomFalseAccepts: 0,
      hardNegatives: 2,
      hardFalseAccepts: 1,
    });
  });

  it('costs a false reject 0.5 and a false accept 1, averaged over the two negative sets', () => {
    expect(supportCost(supportCountsAt(pairs, 0.4))).toBe(0.5);
    expect(supportCost(supportCountsAt(pairs, 0.7))).toBe(0.5);
  });

  it('recommends a threshold above the hard negatives and below the positives', () => {
    const { best } = calibrateSupportThreshold(pairs);
    expect(best.threshold).toBeGreaterThan(0.4);
    expect(best.threshold).toBeLessThanOrEqual(0.6);
    expect(best.cost).toBe(0);
  });
});
