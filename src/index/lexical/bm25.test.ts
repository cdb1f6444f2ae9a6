// The BM25+ index on made-up term documents: the scoring's properties, top k, filters, document frequencies.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BM25_PARAMETERS, buildBm25Index, type TermDocument } from './bm25.ts';

const FIELDS = ['title', 'text'];
const word = fc.constantFrom('haft', 'bund', 'land', 'polizei', 'waffe', 'register', 'bericht', 'kenntnis');
const fieldTerms = fc.array(word, { maxLength: 12 });
const documents = fc
  .array(fc.tuple(fieldTerms, fieldTerms), { minLength: 1, maxLength: 30 })
  .map((rows) => rows.map(([title, text], position) => ({ id: `d${position}`, fields: [title, text] })));
const query = fc.uniqueArray(
  fc.record({ term: word, weight: fc.double({ min: 0.05, max: 1, noNaN: true }) }),
  { selector: (entry) => entry.term, minLength: 1, maxLength: 5 },
);

/** Every matching document scored by the formula, written out once more, best first (ties in document order). */
function scoredByHand(
  docs: TermDocument[],
  terms: Array<{ term: string; weight: number }>,
  boosts: number[],
) {
  const { k1, b, delta } = BM25_PARAMETERS;
  const averages = FIELDS.map(
    (_, field) => docs.reduce((sum, doc) => sum + new Set(doc.fields[field]).size, 0) / docs.length,
  );
  return docs
    .map((doc, ordinal) => {
      let sum = 0;
      let matched = 0;
      for (const { term, weight } of terms) {
        let hit = false;
        FIELDS.forEach((_, field) => {
          const frequency = doc.fields[field]?.filter((candidate) => candidate === term).length ?? 0;
          if (frequency === 0) return;
          hit = true;
          const matching = docs.filter((other) => other.fields[field]?.includes(term)).length;
          const idf = Math.log(1 + (docs.length - matching + 0.5) / (matching + 0.5));
          const length = new Set(doc.fields[field]).size;
          const norm = k1 * (1 - b + (b * length) / (averages[field] as number));
          sum +=
            weight * (boosts[field] as number) * idf * (delta + (frequency * (k1 + 1)) / (frequency + norm));
        });
        if (hit) matched++;
      }
      return { id: doc.id, ordinal, score: sum * matched };
    })
    .filter((entry) => entry.score > 0)
    .sort((left, right) => right.score - left.score || left.ordinal - right.ordinal);
}

describe('BM25+ index', () => {
  it('scores every document as the BM25+ formula with boosts, weights and coordination says, best first', () => {
    fc.assert(
      fc.property(documents, query, fc.integer({ min: 1, max: 40 }), (docs, terms, k) => {
        const index = buildBm25Index(docs, { fields: FIELDS, boosts: { title: 2, text: 1 } });
        const expected = scoredByHand(docs, terms, [2, 1]).slice(0, k);
        const hits = index.search(terms, { k });
        expect(hits.map((hit) => hit.id)).toEqual(expected.map((entry) => entry.id));
        hits.forEach((hit, position) => {
          expect(hit.score).toBeCloseTo(expected[position]?.score as number, 9);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('scores a document higher the more often it holds a query term (field length unchanged)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 300 }),
        fieldTerms,
        fc.integer({ min: 0, max: 1 }),
        (n, rest, field) => {
          const withTerm = (count: number) => {
            const terms = [...rest, ...Array.from({ length: count }, () => 'abschiebung')];
            return field === 0 ? [terms, rest] : [rest, terms];
          };
          const index = buildBm25Index(
            [
              { id: 'fewer', fields: withTerm(n) },
              { id: 'more', fields: withTerm(n + 1) },
              { id: 'other', fields: [['bund'], ['land']] },
            ],
            { fields: FIELDS },
          );
          const [first, second] = index.search([{ term: 'abschiebung', weight: 1 }], { k: 3 });
          expect(first?.id).toBe('more');
          expect(second?.id).toBe('fewer');
          expect(first?.score).toBeGreaterThan(second?.score as number);
        },
      ),
    );
  });

  it('ranks a rarer term above a common one, and a shorter field above a longer one', () => {
    const index = buildBm25Index(
      [
        { id: 'rare', fields: [[], ['drohne', 'bund']] },
        { id: 'common-1', fields: [[], ['bund', 'land']] },
        { id: 'common-2', fields: [[], ['bund', 'land', 'polizei', 'haft', 'waffe']] },
      ],
      { fields: FIELDS },
    );
    const hits = index.search(
      [
        { term: 'drohne', weight: 1 },
        { term: 'bund', weight: 1 },
      ],
      { k: 3 },
    );
    expect(hits.map((hit) => hit.id)).toEqual(['rare', 'common-1', 'common-2']);
  });

  it('gives the top k as a prefix of the top k + 1, and asks the filter only about the results it returns', () => {
    fc.assert(
      fc.property(documents, query, fc.integer({ min: 1, max: 10 }), (docs, terms, k) => {
        const index = buildBm25Index(docs, { fields: FIELDS });
        const longer = index.search(terms, { k: k + 1 });
        expect(index.search(terms, { k })).toEqual(longer.slice(0, k));
        const even = (id: string) => Number(id.slice(1)) % 2 === 0;
        const filtered = index.search(terms, { k, filter: even });
        expect(filtered).toEqual(
          index
            .search(terms, { k: docs.length })
            .filter((hit) => even(hit.id))
            .slice(0, k),
        );
      }),
      { numRuns: 100 },
    );
  });

  it('counts a document once per term over the statistics fields, and 0 for an unknown term', () => {
    const index = buildBm25Index(
      [
        { id: 'a', fields: [['haft'], ['haft', 'haft'], ['sn']] },
        { id: 'b', fields: [[], ['haft'], []] },
        { id: 'c', fields: [[], [], ['haft']] },
      ],
      { fields: ['title', 'text', 'label'], statisticsFields: ['title', 'text'] },
    );
    expect(index.documentFrequency('haft')).toBe(2);
    expect(index.documentFrequency('sn')).toBe(0);
    expect(index.documentFrequency('nirgends')).toBe(0);
    expect(index.documentCount).toBe(3);
  });

  it('finds terms with umlauts and ß by their bytes, and returns nothing for k 0 or no known term', () => {
    const index = buildBm25Index(
      [
        { id: 'a', fields: [['straße'], ['ölpest']] },
        { id: 'b', fields: [['zürich'], ['z']] },
      ],
      { fields: FIELDS },
    );
    expect(index.search([{ term: 'ölpest', weight: 1 }], { k: 5 }).map((hit) => hit.id)).toEqual(['a']);
    expect(index.search([{ term: 'zürich', weight: 1 }], { k: 5 }).map((hit) => hit.id)).toEqual(['b']);
    expect(index.search([{ term: 'straße', weight: 1 }], { k: 0 })).toEqual([]);
    expect(index.search([{ term: 'strasse', weight: 1 }], { k: 5 })).toEqual([]);
    expect(buildBm25Index([], { fields: FIELDS }).search([{ term: 'z', weight: 1 }], { k: 5 })).toEqual([]);
  });
});
