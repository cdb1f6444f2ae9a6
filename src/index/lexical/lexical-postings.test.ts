// Contract: the typed-array copy answers every query exactly as MiniSearch itself does — same ids, same order, same
// scores — on the real corpus, with filters, for any k, and after the index changes.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../../analysis/index.ts';
import { readCollectionFile } from '../../corpus/index.ts';
import { type Unit, unitsOf } from '../../model.ts';
import { DEFAULT_CORPUS_DIR } from '../../paths.ts';
import { createLexicalIndex, type LexicalIndex, loadLexicalIndex } from './lexical.ts';

let analyzer: Analyzer;
let units: Unit[];
let vocabulary: string[];
beforeAll(async () => {
  analyzer = await createGermanAnalyzer();
  units = unitsOf((await readCollectionFile(`${DEFAULT_CORPUS_DIR}/imk-2020-12-10.txt`)).meeting);
  vocabulary = [
    ...new Set(units.flatMap((unit) => unit.text.split(/[^\p{L}\d-]+/u)).filter((word) => word.length > 2)),
  ];
});

function expectSameAnswers(
  index: LexicalIndex,
  query: string,
  options: { k: number; filter?: (id: string) => boolean },
) {
  const fast = index.search(query, { ...options, engine: 'postings' });
  const reference = index.search(query, { ...options, engine: 'minisearch' });
  expect(fast).toEqual(reference);
}

describe('typed-array postings against MiniSearch', () => {
  it('gives the same ranking and scores for queries made of corpus words', () => {
    const index = createLexicalIndex({ analyzer, units });
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 60 }),
        (words, k) => expectSameAnswers(index, words.join(' '), { k }),
      ),
      { numRuns: 300 },
    );
  });

  it('gives the same answers for titles, synonyms and English queries, with and without a filter', () => {
    const index = loadLexicalIndex(JSON.stringify(createLexicalIndex({ analyzer, units }).toJSON()), {
      analyzer,
    });
    const queries = [
      ...new Set(units.map((unit) => unit.title)),
      'Böller Silvester',
      'national weapons register',
      'Arbeitskreis II berichten Frühjahrskonferenz',
      'Protokollnotiz Sachsen',
    ];
    const everyOther = (id: string) => id.length % 2 === 0;
    for (const query of queries) {
      expectSameAnswers(index, query, { k: 10 });
      expectSameAnswers(index, query, { k: 200 });
      expectSameAnswers(index, query, { k: 5, filter: everyOther });
    }
  });

  it('follows the index when units are added or removed: as if the removed units had never been added', () => {
    const index = createLexicalIndex({ analyzer, units: units.slice(0, 60) });
    expectSameAnswers(index, 'Waffenregister Bericht', { k: 20 });
    index.add(units.slice(60));
    expect(index.search('Nationales Waffenregister', { k: 3 })[0]?.id).toMatch(/\/22\//);
    expectSameAnswers(index, 'Waffenregister Bericht', { k: 20 });
    index.remove(units.filter((unit) => unit.top === '22').map((unit) => unit.id));
    expect(index.search('Nationales Waffenregister', { k: 3 }).some((hit) => hit.id.includes('/22/'))).toBe(
      false,
    );
    // MiniSearch cleans removed documents up lazily (its idf drifts until a vacuum); the copy is built clean, so it
    // is compared with an index that never had them.
    const fresh = createLexicalIndex({ analyzer, units: units.filter((unit) => unit.top !== '22') });
    for (const query of ['Waffenregister Bericht', 'Kenntnis Bericht Stand', 'AK II berichten']) {
      const after = index.search(query, { k: 20 });
      const expected = fresh.search(query, { k: 20, engine: 'minisearch' });
      expect(after.map((hit) => hit.id)).toEqual(expected.map((hit) => hit.id));
      after.forEach((hit, position) => {
        expect(hit.score).toBeCloseTo(expected[position]?.score ?? 0, 9);
      });
    }
  });

  it('returns nothing for k 0 or a query without known terms', () => {
    const index = createLexicalIndex({ analyzer, units });
    expect(index.search('Waffenregister', { k: 0 })).toEqual([]);
    expect(index.search('xyzzyquux', { k: 5 })).toEqual([]);
  });
});
