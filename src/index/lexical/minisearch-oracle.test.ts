// Contract: our BM25+ index ranks as MiniSearch (its public API, the engine this project used before) does over the
// same analysed terms, on the real corpus and on made-up documents. Tolerance: every result's score agrees with the
// oracle's score for that unit, and the i-th score with the oracle's i-th, to a relative 1e-9 (sums are added in
// another order); among equal scores the order may differ (ours: corpus order; MiniSearch: order of first match).
import fc from 'fast-check';
import MiniSearch from 'minisearch';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../../analysis/index.ts';
import { readCorpusDir } from '../../corpus/index.ts';
import { type Unit, unitsOf } from '../../model.ts';
import { DEFAULT_CORPUS_DIR } from '../../paths.ts';
import { buildBm25Index, type TermDocument, type WeightedQueryTerm } from './bm25.ts';
import {
  createLexicalIndex,
  DEFAULT_BOOSTS,
  LEXICAL_FIELDS,
  type LexicalHit,
  type LexicalIndex,
  lexicalDocuments,
} from './lexical-index.ts';

const splitTerms = (text: string): string[] => (text.length === 0 ? [] : text.split(' '));

/** MiniSearch over the same term documents: each field its terms joined by spaces, no prefix, fuzzy or stemming. */
function oracleOf(
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
function expectSameRanking(
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

describe('our BM25+ against MiniSearch on the real corpus', () => {
  let analyzer: Analyzer;
  let units: Unit[];
  let index: LexicalIndex;
  let oracle: ReturnType<typeof oracleOf>;
  beforeAll(async () => {
    analyzer = await createGermanAnalyzer();
    const { collections } = await readCorpusDir(DEFAULT_CORPUS_DIR);
    units = collections.flatMap((collection) => unitsOf(collection.meeting));
    index = createLexicalIndex({ analyzer, units });
    oracle = oracleOf(lexicalDocuments(units, analyzer), LEXICAL_FIELDS, { ...DEFAULT_BOOSTS });
  });

  it('ranks item titles, paraphrases, English and Protokollnotiz queries the same, with and without a filter', async () => {
    const queries = [
      ...new Set(units.map((unit) => unit.title)),
      'Böller Silvester',
      'Rauschgift',
      'national weapons register',
      'Arbeitskreis II berichten Frühjahrskonferenz',
      'Protokollnotiz Sachsen',
      'Wer soll bis wann den Warntag auswerten?',
    ];
    const everyOther = (id: string) => id.length % 2 === 0;
    for (const query of queries) {
      const terms = analyzer.queryTerms(query);
      expectSameRanking(await index.search(query, { k: 10 }), oracle(terms), 10, query);
      expectSameRanking(await index.search(query, { k: 200 }), oracle(terms), 200, query);
      expectSameRanking(
        await index.search(query, { k: 5, filter: everyOther }),
        oracle(terms, everyOther),
        5,
        `${query} (filtered)`,
      );
    }
  });

  it('ranks queries made of any corpus words the same, for any k', async () => {
    const vocabulary = index.vocabulary.map(([surface]) => surface);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom(...vocabulary), { minLength: 1, maxLength: 8 }),
        fc.integer({ min: 1, max: 60 }),
        async (words, k) => {
          const query = words.join(' ');
          expectSameRanking(await index.search(query, { k }), oracle(analyzer.queryTerms(query)), k, query);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('our BM25+ against MiniSearch on made-up documents', () => {
  it('ranks the same for any documents, boosts and term weights', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'ä');
    const fields = ['one', 'two', 'three'];
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(word), fc.array(word), fc.array(word)), { minLength: 1, maxLength: 25 }),
        fc.tuple(fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true })),
        fc.uniqueArray(fc.record({ term: word, weight: fc.double({ min: 0.05, max: 1, noNaN: true }) }), {
          selector: (entry) => entry.term,
          minLength: 1,
          maxLength: 5,
        }),
        fc.integer({ min: 1, max: 30 }),
        (rows, [first, second], terms, k) => {
          const documents = rows.map((row, position) => ({ id: `d${position}`, fields: row }));
          const boosts = { one: first, two: second, three: 1 };
          const ours = buildBm25Index(documents, { fields, boosts }).search(terms, { k });
          expectSameRanking(ours, oracleOf(documents, fields, boosts)(terms), k, JSON.stringify(terms));
        },
      ),
      { numRuns: 300 },
    );
  });
});
