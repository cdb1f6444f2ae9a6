// Contract: our BM25+ index ranks as MiniSearch (its public API, the engine this project used before) does over the
// same analysed terms, on the real corpus and on made-up documents. Tolerance: every result's score agrees with the
// oracle's score for that unit, and the i-th score with the oracle's i-th, to a relative 1e-9 (sums are added in
// another order); among equal scores the order may differ (ours: corpus order; MiniSearch: order of first match).
import fc from 'fast-check';
import { beforeAll, describe, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../../analysis/index.ts';
import { readCorpusDir } from '../../corpus/index.ts';
import { type Unit, unitsOf } from '../../model.ts';
import { DEFAULT_CORPUS_DIR } from '../../paths.ts';
import { buildBm25Index } from './bm25.ts';
import {
  createLexicalIndex,
  DEFAULT_BOOSTS,
  LEXICAL_FIELDS,
  type LexicalIndex,
  lexicalDocuments,
} from './lexical-index.ts';
import { describePostingsContract, expectSameRanking, oracleOf } from './testing/postings-contract.ts';

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

describePostingsContract('in-memory BM25+ (bm25.ts)', async (documents, options) =>
  buildBm25Index(documents, options),
);
