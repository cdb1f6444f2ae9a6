import { beforeAll, expect, it } from 'vitest';
import { type Analyzer, buildLexicon, createAnalyzer, createGermanAnalyzer } from '../../analysis/index.ts';
import { readCorpusDir } from '../../corpus/index.ts';
import { type Unit, unitsOf } from '../../model.ts';
import { DEFAULT_CORPUS_DIR } from '../../paths.ts';
import { describePostgres, useTestDatabase } from '../../testing/postgres.ts';
import {
  buildBm25Index,
  createLexicalIndex,
  type EmbeddedLexicalIndex,
  type LexicalHit,
  openLexicalIndex,
} from '../lexical/index.ts';
import { encodeLexicalIndex } from '../lexical/lexical-format.ts';
import { describePostingsContract } from '../lexical/testing/postings-contract.ts';
import { openPostgresPostings, writePostgresLexical } from './postgres-lexical.ts';
import { newBuildingVersion } from './testing/new-version.ts';

describePostgres('PostgreSQL postings', () => {
  const database = useTestDatabase();
  const newVersion = () => newBuildingVersion(database().pool);

  describePostingsContract(
    'BM25+ in SQL',
    async (documents, options) => {
      const bm25 = buildBm25Index(documents, options);
      const bytes = encodeLexicalIndex({ bm25: bm25.data, analyzer: 'test', lexicon: null, vocabulary: [] });
      const version = await newVersion();
      const metadata = await writePostgresLexical(database().pool, version, bytes);
      return openPostgresPostings(database().pool, version, metadata);
    },
    40,
  );

  let analyzer: Analyzer;
  let base: Analyzer;
  let units: Unit[];
  let embedded: EmbeddedLexicalIndex;
  beforeAll(async () => {
    base = await createGermanAnalyzer();
    const { collections } = await readCorpusDir(DEFAULT_CORPUS_DIR);
    units = collections.flatMap((collection) => unitsOf(collection.meeting));
    analyzer = createAnalyzer(
      buildLexicon(
        base.lexicon,
        units.flatMap((unit) => [unit.title, unit.text]),
      ),
    );
    embedded = createLexicalIndex({ analyzer, units });
  });

  it('finds on the real corpus what the embedded index finds, with its lexicon, vocabulary and statistics', async () => {
    const version = await newVersion();
    const metadata = await writePostgresLexical(database().pool, version, embedded.encode());
    const index = openLexicalIndex(
      metadata,
      await openPostgresPostings(database().pool, version, metadata),
      base,
    );
    expect(index.size).toBe(units.length);
    expect(index.vocabulary).toEqual(embedded.vocabulary);
    expect(index.analyzer.lexicon.id).toBe(analyzer.lexicon.id);
    expect(index.statistics.documentFrequency('waffenregist')).toBe(
      embedded.statistics.documentFrequency('waffenregist'),
    );
    const queries = [
      ...new Set(units.map((unit) => unit.title)),
      'Nationales Waffenregister',
      'Böller Silvester',
      'weapons register',
      'Protokollnotiz Sachsen',
      'Wer berichtet bis wann über den Warntag?',
    ];
    for (const query of queries) {
      expectSameHits(await index.search(query, { k: 10 }), await embedded.search(query, { k: 10 }), query);
      const only22 = { k: 3, filter: (id: string) => id.includes('/22/') };
      expectSameHits(await index.search(query, only22), await embedded.search(query, only22), query);
    }
    const corrected = { k: 5, alsoQuery: [{ text: 'Waffenregister', weight: 0.7 }] };
    expectSameHits(
      await index.search('Waffenregstr', corrected),
      await embedded.search('Waffenregstr', corrected),
      'corrected',
    );
  });
});

/** The same units in the same order, each score equal but for the order its parts were added in. */
function expectSameHits(found: LexicalHit[], expected: LexicalHit[], label: string): void {
  expect(
    found.map((hit) => hit.id),
    label,
  ).toEqual(expected.map((hit) => hit.id));
  found.forEach((hit, position) => {
    expect(hit.score, label).toBeCloseTo(expected[position]?.score as number, 9);
  });
}
