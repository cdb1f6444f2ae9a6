// The lexical file format: what is written reads back the same, and a damaged or foreign file is refused clearly.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BeschlussError } from '../../errors.ts';
import { buildBm25Index, openBm25Index } from './bm25.ts';
import {
  decodeLexicalIndex,
  encodeLexicalIndex,
  LEXICAL_FORMAT_VERSION,
  type LexicalPayload,
} from './lexical-format.ts';

const FIELDS = ['title', 'text', 'label'];

function payloadOf(rows: string[][][]): LexicalPayload {
  const bm25 = buildBm25Index(
    rows.map((fields, position) => ({ id: `m/${position}/1`, fields })),
    { fields: FIELDS, boosts: { title: 2, label: 1.5 }, statisticsFields: ['title', 'text'] },
  );
  return {
    bm25: bm25.data,
    analyzer: 'de-analysis-test',
    lexicon: {
      format: 'beschluss-lexicon',
      learned: [{ short: 'NWR', long: ['Nationales Waffenregister'] }],
    },
    vocabulary: [['Waffenregister', 3]],
  };
}

const SAMPLE = payloadOf([
  [['waffenregist'], ['bund', 'land', 'bund'], []],
  [['abschiebungshaft'], ['haft', 'kapazitat'], ['protokollnotiz', 'sn', 'sachs']],
  [[], ['ölpest', 'straße'], []],
]);

function codeOf(act: () => unknown): string | undefined {
  try {
    act();
  } catch (error) {
    if (BeschlussError.is(error)) return error.code;
    throw error;
  }
  return undefined;
}

describe('lexical index format', () => {
  it('reads back what it wrote: same answers, statistics, abbreviations and vocabulary', () => {
    const word = fc.constantFrom('a', 'b', 'c', 'ä', 'ß', 'bund', 'land');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.array(word), fc.array(word), fc.array(word)), { maxLength: 20 }),
        fc.uniqueArray(word, { minLength: 1, maxLength: 4 }),
        (rows, queryWords) => {
          const payload = payloadOf(rows);
          const decoded = decodeLexicalIndex(encodeLexicalIndex(payload));
          const terms = queryWords.map((term, position) => ({ term, weight: 1 / (position + 1) }));
          const built = openBm25Index(payload.bm25);
          const loaded = openBm25Index(decoded.bm25);
          expect(loaded.search(terms, { k: 50 })).toEqual(built.search(terms, { k: 50 }));
          for (const term of queryWords) {
            expect(loaded.documentFrequency(term)).toBe(built.documentFrequency(term));
          }
          expect(decoded.lexicon).toEqual(payload.lexicon);
          expect(decoded.vocabulary).toEqual(payload.vocabulary);
          expect(decoded.analyzer).toBe('de-analysis-test');
        },
      ),
      { numRuns: 100 },
    );
  });

  it('reads a file from a buffer that does not start at a multiple of 8', () => {
    const bytes = encodeLexicalIndex(SAMPLE);
    const shifted = new Uint8Array(bytes.length + 3);
    shifted.set(bytes, 3);
    const decoded = decodeLexicalIndex(shifted.subarray(3));
    expect(openBm25Index(decoded.bm25).search([{ term: 'haft', weight: 1 }], { k: 1 })[0]?.id).toBe('m/1/1');
  });

  it('keeps the arrays of an aligned buffer as views into it (one copy in memory)', () => {
    const bytes = encodeLexicalIndex(SAMPLE);
    expect(decodeLexicalIndex(bytes).bm25.postingDocuments.buffer).toBe(bytes.buffer);
  });

  it('refuses another format version with INDEX_VERSION, naming both versions', () => {
    const bytes = encodeLexicalIndex(SAMPLE);
    new DataView(bytes.buffer).setUint32(4, LEXICAL_FORMAT_VERSION + 1, true);
    expect(() => decodeLexicalIndex(bytes, { file: 'lexical.bin' })).toThrow(
      new RegExp(
        `lexical.bin has format version ${LEXICAL_FORMAT_VERSION + 1}, this program reads version ${LEXICAL_FORMAT_VERSION}`,
      ),
    );
    expect(codeOf(() => decodeLexicalIndex(bytes))).toBe('INDEX_VERSION');
  });

  it('refuses a foreign, truncated, lengthened or inconsistent file with INDEX_CORRUPT', () => {
    const bytes = encodeLexicalIndex(SAMPLE);
    const damaged = (change: (copy: Uint8Array) => Uint8Array) => change(new Uint8Array(bytes));
    const metadataBytes = new DataView(bytes.buffer).getUint32(8, true);
    const arraysStart = 16 + metadataBytes;
    const cases: Array<[string, Uint8Array]> = [
      ['the old JSON format', new TextEncoder().encode('{"lexical":{}}')],
      ['an empty file', new Uint8Array()],
      ['a truncated file', bytes.subarray(0, bytes.length - 5)],
      ['a file cut inside its metadata', bytes.subarray(0, 40)],
      ['a longer file', damaged((copy) => Uint8Array.from([...copy, 0, 0, 0, 0, 0, 0, 0, 0]))],
      [
        'broken metadata',
        damaged((copy) => {
          copy[17] = 0x7b;
          return copy;
        }),
      ],
      [
        'term offsets that run backwards',
        damaged((copy) => {
          new DataView(copy.buffer).setUint32(arraysStart + 4, 0xffff, true);
          return copy;
        }),
      ],
    ];
    for (const [name, input] of cases) {
      expect(
        codeOf(() => decodeLexicalIndex(input)),
        name,
      ).toBe('INDEX_CORRUPT');
    }
  });

  it('refuses postings that name a document that does not exist', () => {
    const payload = payloadOf([[['a'], ['b'], []]]);
    payload.bm25.postingDocuments[0] = 7;
    expect(() => decodeLexicalIndex(encodeLexicalIndex(payload))).toThrow(/names document 7 of 1/);
  });
});
