import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reciprocalRankFusion } from './fusion.ts';

describe('reciprocalRankFusion', () => {
  it('ranks an id found by both lists above ids found by one', () => {
    const fused = reciprocalRankFusion([
      { ids: ['a', 'b', 'c'], weight: 1 },
      { ids: ['d', 'b', 'e'], weight: 1 },
    ]);
    expect(fused[0]?.id).toBe('b');
    expect(fused.map((hit) => hit.id).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('follows the weights', () => {
    const fused = reciprocalRankFusion([
      { ids: ['lexical'], weight: 1 },
      { ids: ['vector'], weight: 2 },
    ]);
    expect(fused.map((hit) => hit.id)).toEqual(['vector', 'lexical']);
  });

  it('counts a duplicate within one list once', () => {
    const fused = reciprocalRankFusion([{ ids: ['a', 'a', 'b'], weight: 1 }], 0);
    expect(fused).toEqual([
      { id: 'a', score: 1 },
      { id: 'b', score: 1 / 3 },
    ]);
  });

  it('is a permutation-free union with descending scores', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 6 }), { maxLength: 4 }),
        (lists) => {
          const fused = reciprocalRankFusion(lists.map((ids) => ({ ids, weight: 1 })));
          const union = new Set(lists.flat());
          expect(new Set(fused.map((hit) => hit.id))).toEqual(union);
          for (let index = 1; index < fused.length; index++) {
            expect(fused[index - 1]!.score).toBeGreaterThanOrEqual(fused[index]!.score);
          }
        },
      ),
    );
  });
});
