// The behaviour every postings searcher must show (bm25.ts in memory, the PostgreSQL rows): the same ranking as
// MiniSearch (its public API, the engine this project used before) over the same terms. Tolerance: every result's
// score agrees with the oracle's score for that document, and the i-th score with the oracle's i-th, to a relative
// 1e-9 (sums are added in another order); among equal scores the order may differ.
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { describe, expect, it } from 'vitest';
import type { TermDocument, WeightedQueryTerm } from '../bm25.ts';
import type { LexicalHit, PostingsSearcher } from '../lexical-index.ts';

const splitTerms = (text: string): string[] => (text.length === 0 ? [] : text.split(' '));

/** MiniSearch over the same term documents: each field its terms joined by spaces, no prefix, fuzzy or stemming. */
export function oracleOf(
  documents: readonly TermDocument[],
  fields: readonly string[],
  boosts: Record<string, number>,
) {
  const miniSearch = new MiniSearch<Record<string, string>>({
    idField: 'id',
    fields: [...fields],
    storeFields: [],
    tokenize: splitTerms,
    processTerm: (term) => term,
  });
  miniSearch.addAll(
    documents.map((document) => ({
      id: document.id,
      ...Object.fromEntries(
        fields.map((field, position) => [field, document.fields[position]?.join(' ') ?? '']),
      ),
    })),
  );
  return (terms: readonly WeightedQueryTerm[], filter?: (id: string) => boolean): LexicalHit[] => {
    const weights = new Map(terms.map((term) => [term.term, term.weight]));
    return miniSearch
      .search(terms.map((term) => term.term).join(' '), {
        fields: [...fields],
        boost: boosts,
        combineWith: 'OR',
        prefix: false,
        fuzzy: false,
        tokenize: splitTerms,
        processTerm: (term) => term,
        boostTerm: (term) => weights.get(term) ?? 1,
        ...(filter ? { filter: (result) => filter(String(result.id)) } : {}),
      })
      .map((result) => ({ id: String(result.id), score: result.score }));
  };
}

const close = (left: number, right: number) => Math.abs(left - right) <= 1e-9 * Math.max(1, Math.abs(right));

/** Ours (top k) against the oracle's full ranking, as the tolerance above says. */
export function expectSameRanking(
  ours: readonly LexicalHit[],
  oracle: readonly LexicalHit[],
  k: number,
  label: string,
) {
  expect(ours.length, label).toBe(Math.min(k, oracle.length));
  const oracleScores = new Map(oracle.map((hit) => [hit.id, hit.score]));
  ours.forEach((hit, position) => {
    const expectedHere = oracle[position]?.score as number;
    const expectedForUnit = oracleScores.get(hit.id);
    expect(close(hit.score, expectedHere), `${label}: score at ${position}`).toBe(true);
    expect(expectedForUnit !== undefined && close(hit.score, expectedForUnit), `${label}: ${hit.id}`).toBe(
      true,
    );
  });
}

/** Builds a searcher over the documents (a fresh index version in a database). */
export type PostingsFactory = (
  documents: readonly TermDocument[],
  options: {
    fields: readonly string[];
    boosts: Record<string, number>;
    statisticsFields?: readonly string[];
  },
) => Promise<PostingsSearcher>;

const word = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'ä');
const fields = ['one', 'two', 'three'];

export function describePostingsContract(name: string, factory: PostingsFactory, numRuns = 150): void {
  describe(`${name} (postings contract)`, () => {
    it('ranks as MiniSearch for any documents, boosts, term weights and k', async () => {
      await fc.assert(
        fc.asyncProperty(
          fc.array(fc.tuple(fc.array(word), fc.array(word), fc.array(word)), { minLength: 1, maxLength: 25 }),
          fc.tuple(
            fc.double({ min: 0.1, max: 3, noNaN: true }),
            fc.double({ min: 0.1, max: 3, noNaN: true }),
          ),
          fc.uniqueArray(fc.record({ term: word, weight: fc.double({ min: 0.05, max: 1, noNaN: true }) }), {
            selector: (entry) => entry.term,
            minLength: 1,
            maxLength: 5,
          }),
          fc.integer({ min: 1, max: 30 }),
          async (rows, [first, second], terms, k) => {
            const documents = rows.map((row, position) => ({ id: `d${position}`, fields: row }));
            const boosts = { one: first, two: second, three: 1 };
            const ours = await (await factory(documents, { fields, boosts })).search(terms, { k });
            expectSameRanking(ours, oracleOf(documents, fields, boosts)(terms), k, JSON.stringify(terms));
          },
        ),
        { numRuns },
      );
    });

    it('keeps only the documents the filter passes, the best of them first', async () => {
      const documents = Array.from({ length: 60 }, (_, position) => ({
        id: `d${position}`,
        fields: [position % 3 === 0 ? ['a', 'b'] : ['a'], position % 5 === 0 ? ['c'] : [], []],
      }));
      const boosts = { one: 1, two: 2, three: 1 };
      const searcher = await factory(documents, { fields, boosts });
      const terms = [
        { term: 'a', weight: 1 },
        { term: 'c', weight: 0.5 },
      ];
      const even = (id: string) => Number(id.slice(1)) % 2 === 0;
      const hits = await searcher.search(terms, { k: 7, filter: even });
      expectSameRanking(hits, oracleOf(documents, fields, boosts)(terms, even), 7, 'filtered');
      expect(hits.every((hit) => even(hit.id))).toBe(true);
      expect(await searcher.search(terms, { k: 5, filter: () => false })).toEqual([]);
    });

    it('counts document frequencies over the statistics fields only, and nothing for unknown terms', async () => {
      const documents = [
        { id: 'x', fields: [['a', 'a'], ['b'], []] },
        { id: 'y', fields: [['b'], [], ['a']] },
        { id: 'z', fields: [[], [], ['c']] },
      ];
      const searcher = await factory(documents, { fields, boosts: {}, statisticsFields: ['one', 'two'] });
      expect(searcher.documentCount).toBe(3);
      expect(searcher.documentFrequency('a')).toBe(1);
      expect(searcher.documentFrequency('b')).toBe(2);
      expect(searcher.documentFrequency('c')).toBe(0);
      expect(searcher.documentFrequency('nothing')).toBe(0);
      expect(await searcher.search([{ term: 'nothing', weight: 1 }], { k: 3 })).toEqual([]);
      expect(await searcher.search([], { k: 3 })).toEqual([]);
      expect(await searcher.search([{ term: 'a', weight: 1 }], { k: 0 })).toEqual([]);
    });
  });
}
