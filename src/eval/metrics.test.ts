import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  abstentionOutcome,
  type CitedStatement,
  citationPrecision,
  citationValidity,
  dedupeRanked,
  goldCited,
  hitAt,
  mustMentionCoverage,
  precisionAt,
  recallAt,
  reciprocalRank,
  scoreQuestion,
  statementCoverage,
} from './metrics.ts';
import { ABSTAINED_SCORES } from './testing/scores.ts';

const M = 'imk-2020-12-10';
const u = (top: string, para: string) => `${M}/${top}/${para}`;
const ids = fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), { maxLength: 12 });

describe('dedupeRanked', () => {
  it('keeps the first occurrence of each id in rank order', () => {
    expect(dedupeRanked(['a', 'b', 'a', 'c', 'b'])).toEqual(['a', 'b', 'c']);
  });
});

describe('hitAt', () => {
  it('is 1 when a gold unit is within the cut-off and 0 when it ranks below it', () => {
    expect(hitAt([u('4', '1'), u('46', '8')], [u('46', '8')], 5)).toBe(1);
    expect(hitAt([u('4', '1'), u('46', '8')], [u('46', '8')], 1)).toBe(0);
  });

  it('counts distinct units, so a repeated unit does not push gold out of the cut-off', () => {
    expect(hitAt(['x', 'x', 'x', 'g'], ['g'], 2)).toBe(1);
  });

  it('rejects a cut-off that is not a positive integer', () => {
    expect(() => hitAt(['a'], ['a'], 0)).toThrow(/positive integer; received 0/);
    expect(() => hitAt(['a'], ['a'], 1.5)).toThrow(/received 1.5/);
  });
});

describe('recallAt', () => {
  it('is the share of distinct gold units within the cut-off', () => {
    expect(recallAt(['a', 'g1', 'b', 'g3'], ['g1', 'g2', 'g3', 'g4'], 3)).toBe(0.25);
    expect(recallAt(['a', 'g1', 'b', 'g3'], ['g1', 'g2', 'g3', 'g4'], 5)).toBe(0.5);
  });

  it('counts a gold unit listed twice once, and a retrieved unit listed twice once', () => {
    expect(recallAt(['g', 'g'], ['g', 'g', 'h'], 5)).toBe(0.5);
  });
});

describe('precisionAt', () => {
  it('is the share of the first k distinct results that are gold', () => {
    expect(precisionAt(['g1', 'a', 'g2', 'b', 'c'], ['g1', 'g2'], 5)).toBe(0.4);
    expect(precisionAt(['g1', 'a', 'g2', 'b', 'c'], ['g1', 'g2'], 1)).toBe(1);
  });

  it('divides by the number of results when fewer than k came back', () => {
    expect(precisionAt(['g1', 'a'], ['g1'], 5)).toBe(0.5);
  });

  it('does not let a repeated gold unit count twice', () => {
    expect(precisionAt(['g', 'g', 'a'], ['g'], 3)).toBe(0.5);
  });
});

describe('the cut-off metrics', () => {
  type CutOffMetric = (ranked: string[], gold: string[], k: number) => number | null;
  const metrics: Array<[string, CutOffMetric]> = [
    ['hitAt', hitAt],
    ['recallAt', recallAt],
    ['precisionAt', precisionAt],
  ];

  it.each([
    ['hitAt', hitAt, ['a']],
    ['recallAt', recallAt, ['g']],
    ['precisionAt', precisionAt, ['a']],
  ])('%s is 0 for an empty retrieval and null without gold', (_, metric, ranked) => {
    expect(metric([], ['g'], 5)).toBe(0);
    expect(metric(ranked, [], 5)).toBeNull();
  });

  it.each(metrics)('%s stays within [0, 1]', (_, metric) => {
    fc.assert(
      fc.property(ids, ids, fc.integer({ min: 1, max: 10 }), (ranked, gold, k) => {
        fc.pre(gold.length > 0);
        const value = metric(ranked, gold, k) ?? Number.NaN;
        return value >= 0 && value <= 1;
      }),
    );
  });

  // Precision may fall as the cut-off grows (more non-gold results), hit and recall may not.
  it.each(metrics.slice(0, 2))('%s never decreases as the cut-off grows', (_, metric) => {
    fc.assert(
      fc.property(ids, ids, fc.integer({ min: 1, max: 10 }), (ranked, gold, k) => {
        fc.pre(gold.length > 0);
        return (metric(ranked, gold, k) ?? Number.NaN) <= (metric(ranked, gold, k + 1) ?? Number.NaN);
      }),
    );
  });
});

describe('reciprocalRank', () => {
  it('is one over the rank of the first gold unit', () => {
    expect(reciprocalRank(['a', 'b', 'g2', 'g1'], ['g1', 'g2'])).toBeCloseTo(1 / 3);
    expect(reciprocalRank(['g1'], ['g1', 'g2'])).toBe(1);
  });

  it('ranks distinct units, so repeats before the gold unit do not lower it', () => {
    expect(reciprocalRank(['a', 'a', 'a', 'g'], ['g'])).toBe(0.5);
  });

  it('is 0 when no gold unit is retrieved, also for an empty retrieval, and null without gold', () => {
    expect(reciprocalRank(['a', 'b'], ['g'])).toBe(0);
    expect(reciprocalRank([], ['g'])).toBe(0);
    expect(reciprocalRank(['a'], [])).toBeNull();
  });

  it('is positive exactly when some gold unit is retrieved, and 1 exactly when hit@1 is 1', () => {
    fc.assert(
      fc.property(ids, ids, (ranked, gold) => {
        fc.pre(gold.length > 0);
        const rr = reciprocalRank(ranked, gold) ?? Number.NaN;
        const anyGold = ranked.some((id) => gold.includes(id));
        return rr > 0 === anyGold && (rr === 1) === (hitAt(ranked, gold, 1) === 1);
      }),
    );
  });
});

describe('citationPrecision', () => {
  const statement = (citations: string[], text = 'Der AK II soll berichten.'): CitedStatement => ({
    text,
    citations,
  });

  it('is the share of citations that are gold', () => {
    const statements = [statement([u('46', '8'), u('4', '2')]), statement([u('46', '8')])];
    expect(citationPrecision(statements, [u('46', '8')])).toBeCloseTo(2 / 3);
  });

  it('accepts a non-gold citation that the support check approves, and passes it the statement', () => {
    const calls: Array<[string, string]> = [];
    const supports = (cited: CitedStatement, id: string) => {
      calls.push([cited.text, id]);
      return id === u('46', 'Protokollnotiz SN');
    };
    const statements = [statement([u('46', '8'), u('46', 'Protokollnotiz SN'), u('3', '1')], 'Gewahrsam')];
    expect(citationPrecision(statements, [u('46', '8')], { supports })).toBeCloseTo(2 / 3);
    expect(calls).toEqual([
      ['Gewahrsam', u('46', 'Protokollnotiz SN')],
      ['Gewahrsam', u('3', '1')],
    ]);
  });

  it('counts a unit cited twice in one statement once', () => {
    expect(citationPrecision([statement(['g', 'g', 'x'])], ['g'])).toBe(0.5);
  });

  it('is 0 for citations on a question without gold when no support check is given', () => {
    expect(citationPrecision([statement(['x'])], [])).toBe(0);
  });

  it('is null when nothing is cited', () => {
    expect(citationPrecision([], ['g'])).toBeNull();
    expect(citationPrecision([statement([])], ['g'])).toBeNull();
  });
});

describe('statementCoverage', () => {
  const knownUnitIds = new Set(['a', 'b', 'c']);

  it('is the share of statements with a citation that exists and is among the sources', () => {
    const statements = [
      { text: 'grounded', citations: ['a'] },
      { text: 'cites a unit that was not a source', citations: ['c'] },
      { text: 'cites an invented unit', citations: ['zz'] },
      { text: 'no citation', citations: [] },
      { text: 'one valid of two', citations: ['zz', 'b'] },
    ];
    expect(statementCoverage(statements, { knownUnitIds, sourceIds: ['a', 'b', 'zz'] })).toBe(0.4);
  });

  it('is null for an answer without statements', () => {
    expect(statementCoverage([], { knownUnitIds, sourceIds: ['a'] })).toBeNull();
  });
});

describe('citationValidity', () => {
  const knownUnitIds = new Set(['a', 'b', 'c']);

  it('is the share of citations to a unit that exists and is among the sources, per statement', () => {
    const statements = [
      { text: 'grounded', citations: ['a', 'a'] },
      { text: 'not a source', citations: ['c'] },
      { text: 'invented and grounded', citations: ['zz', 'b'] },
      { text: 'grounded again', citations: ['a'] },
    ];
    expect(citationValidity(statements, { knownUnitIds, sourceIds: ['a', 'b', 'zz'] })).toBe(3 / 5);
  });

  it('is null when nothing is cited', () => {
    expect(citationValidity([{ text: 'x', citations: [] }], { knownUnitIds, sourceIds: ['a'] })).toBeNull();
  });
});

describe('goldCited', () => {
  const statements = [
    { text: 'one', citations: ['x'] },
    { text: 'two', citations: ['y', 'g'] },
  ];

  it('is 1 when some statement cites a gold unit and 0 when none does', () => {
    expect(goldCited(statements, ['g'], { answerable: true, abstained: false })).toBe(1);
    expect(goldCited(statements, ['h'], { answerable: true, abstained: false })).toBe(0);
    expect(goldCited([], ['g'], { answerable: true, abstained: false })).toBe(0);
  });

  it('is 0 for an abstention on an answerable question and null for an unanswerable one', () => {
    expect(goldCited(statements, ['g'], { answerable: true, abstained: true })).toBe(0);
    expect(goldCited(statements, [], { answerable: false, abstained: false })).toBeNull();
  });
});

describe('mustMentionCoverage', () => {
  it('is the share of phrases found whole in the answer, ignoring case and line breaks', () => {
    const answer = 'Der AK II soll zur\nfrühjahrskonferenz 2021 berichten [TOP 46 Ziff. 8].';
    expect(mustMentionCoverage(answer, ['AK II', 'Frühjahrskonferenz 2021', 'Gefährder', 'AK I'])).toBe(0.5);
  });

  it('counts a phrase listed twice once, and is null when no phrase is expected', () => {
    expect(mustMentionCoverage('AK IV', ['AK IV', 'AK IV', 'AK V'])).toBe(0.5);
    expect(mustMentionCoverage('anything', [])).toBeNull();
  });
});

describe('abstentionOutcome', () => {
  it('tells the four combinations apart', () => {
    expect(abstentionOutcome(true, false)).toBe('answered');
    expect(abstentionOutcome(true, true)).toBe('false-abstain');
    expect(abstentionOutcome(false, true)).toBe('correct-abstain');
    expect(abstentionOutcome(false, false)).toBe('missed-abstain');
  });
});

describe('scoreQuestion', () => {
  const knownUnitIds = new Set([u('46', '8'), u('46', '9'), u('4', '2'), u('46', 'Protokollnotiz SN')]);

  it('scores an answered question with retrieval, context, citation and phrase metrics', () => {
    const scores = scoreQuestion(
      { gold: [u('46', '8')], mustMention: ['AK II', 'Frühjahrskonferenz 2021'], answerable: true },
      {
        retrieved: [u('46', '9'), u('46', '8'), u('4', '2')],
        contexts: [u('46', '8')],
        answer: 'Der AK II soll berichten [TOP 46 Ziff. 8].',
        statements: [{ text: 'Der AK II soll berichten [TOP 46 Ziff. 8].', citations: [u('46', '8')] }],
        sourceIds: [u('46', '8')],
        abstained: false,
      },
      { k: 5, knownUnitIds },
    );
    expect(scores).toEqual({
      hitAt1: 0,
      hitAtK: 1,
      recallAtK: 1,
      mrr: 0.5,
      contextPrecisionAtK: 1,
      contextRecallAtK: 1,
      citationPrecision: 1,
      goldCitationPrecision: 1,
      statementCoverage: 1,
      citationValidity: 1,
      goldCited: 1,
      mustMentionCoverage: 0.5,
      abstention: 'answered',
    });
  });

  it('uses the retrieved list for the context metrics when no contexts are given, with k defaulting to 5', () => {
    const retrieved = ['a', 'b', 'c', 'd', 'e', 'g'];
    const scores = scoreQuestion(
      { gold: ['g'], mustMention: ['x'], answerable: true },
      { retrieved, answer: '', statements: [], sourceIds: [], abstained: false },
      { knownUnitIds },
    );
    expect(scores.hitAtK).toBe(0);
    expect(scores.contextPrecisionAtK).toBe(0);
    expect(scores.contextRecallAtK).toBe(0);
  });

  it('leaves gold-based metrics undefined on an unanswerable question that was rightly abstained', () => {
    const scores = scoreQuestion(
      { gold: [], mustMention: [], answerable: false },
      {
        retrieved: [u('46', '8')],
        answer: 'Dazu enthalten die Beschlüsse keine Aussage.',
        statements: [],
        sourceIds: [],
        abstained: true,
      },
      { knownUnitIds },
    );
    // every metric null, abstention 'correct-abstain'
    expect(scores).toEqual(ABSTAINED_SCORES);
  });

  it('still judges the citations of an unanswerable question that was answered anyway', () => {
    const scores = scoreQuestion(
      { gold: [], mustMention: [], answerable: false },
      {
        retrieved: [u('4', '2')],
        answer: 'Ab März 2021 [TOP 4 Ziff. 2].',
        statements: [{ text: 'Ab März 2021 [TOP 4 Ziff. 2].', citations: [u('4', '2')] }],
        sourceIds: [u('4', '2')],
        abstained: false,
      },
      { knownUnitIds },
    );
    expect(scores.abstention).toBe('missed-abstain');
    expect(scores.citationPrecision).toBe(0);
    expect(scores.statementCoverage).toBe(1);
    expect(scores.citationValidity).toBe(1);
    expect(scores.goldCited).toBeNull();
  });

  it('passes the support check through to citation precision', () => {
    const scores = scoreQuestion(
      { gold: [u('46', '8')], mustMention: ['Gewahrsam'], answerable: true },
      {
        retrieved: [u('46', 'Protokollnotiz SN')],
        answer: 'Gewahrsam',
        statements: [{ text: 'Gewahrsam', citations: [u('46', 'Protokollnotiz SN')] }],
        sourceIds: [u('46', 'Protokollnotiz SN')],
        abstained: false,
      },
      { knownUnitIds, supports: () => true },
    );
    expect(scores.citationPrecision).toBe(1);
    expect(scores.goldCitationPrecision).toBe(0);
  });
});
