import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { corpusCatalog } from '../testing/corpus-catalog.ts';
import { findQuote, normalise, quotedText } from './highlight.js';

describe('quotedText', () => {
  it('drops markers, list dashes, Protokollnotiz labels and surrounding quotes', () => {
    expect(quotedText('- Die IMK bittet den Bund. [TOP 46 Ziff. 8]')).toBe('Die IMK bittet den Bund.');
    expect(
      quotedText('Protokollnotiz SN: Sachsen hält Kontrollen für geboten. [TOP 46 Protokollnotiz SN]'),
    ).toBe('Sachsen hält Kontrollen für geboten.');
    expect(quotedText('"Die IMK nimmt Kenntnis." [IMK 10.12.2020, TOP 9]')).toBe('Die IMK nimmt Kenntnis.');
    expect(quotedText('Erstens [TOP 3 Ziff. 1] und zweitens [TOP 3 Ziff. 2].')).toBe(
      'Erstens  und zweitens .',
    );
  });
});

describe('findQuote', () => {
  it('finds each sentence of every unit of the real corpus in its unit', async () => {
    const catalog = await corpusCatalog();
    let checked = 0;
    for (const unit of catalog.units) {
      for (const sentence of unit.text.split(/(?<=[.!?])\s+(?=[A-ZÄÖÜ])/u)) {
        if (sentence.length < 15) continue;
        const ranges = findQuote(unit.text, sentence);
        expect(ranges, `${unit.id}: ${sentence}`).toHaveLength(1);
        expect(unit.text.slice(ranges[0]!.start, ranges[0]!.end)).toBe(sentence);
        checked += 1;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  it('tolerates other quote marks, dashes, soft hyphens, line breaks and case', () => {
    const text = 'Die IMK begrüßt den „Mustererlass“ – er gilt ab\u00a02021.\nSie bittet um Be\u00adricht.';
    const ranges = findQuote(text, 'die IMK begrüßt den "Mustererlass" - er gilt ab 2021.');
    expect(ranges).toEqual([{ start: 0, end: text.indexOf('.') + 1 }]);
    expect(findQuote(text, 'Sie bittet um Bericht.')).toEqual([
      { start: text.indexOf('Sie'), end: text.length },
    ]);
  });

  it('finds a quote with an ellipsis piece by piece', () => {
    const text =
      'Die IMK nimmt den Bericht der Arbeitsgruppe zur Kenntnis und bittet um Fortschreibung bis 2022.';
    const ranges = findQuote(text, 'Die IMK nimmt den Bericht … bittet um Fortschreibung bis 2022.');
    expect(ranges.map((range) => text.slice(range.start, range.end))).toEqual([
      'Die IMK nimmt den Bericht',
      'bittet um Fortschreibung bis 2022',
    ]);
  });

  it('marks nothing for a paraphrase', () => {
    expect(
      findQuote('Die IMK nimmt den Bericht zur Kenntnis.', 'Der Bericht wurde zur Kenntnis genommen.'),
    ).toEqual([]);
    expect(findQuote('Die IMK nimmt den Bericht zur Kenntnis.', '')).toEqual([]);
  });

  it('finds any passage of a text however its whitespace and quotes were rewritten', () => {
    // Upper-casing "ß" gives "SS", which no longer matches: the case test leaves it out.
    const word = fc.stringMatching(/^[A-Za-zÄÖÜäöü0-9„“"'–-]{1,10}$/u);
    const space = fc.constantFrom(' ', '  ', '\n', '\u00a0', ' \n ');
    const textArbitrary = fc.array(fc.tuple(word, space), { minLength: 3, maxLength: 40 });
    fc.assert(
      fc.property(textArbitrary, fc.nat(), fc.nat(), (pieces, a, b) => {
        const text = pieces.map(([w, s]) => w + s).join('');
        const words = pieces.map(([w]) => w);
        const from = a % words.length;
        const to = from + 1 + (b % (words.length - from));
        const passage = words.slice(from, to).join(' ').replace(/[„“]/gu, '"').toUpperCase();
        const ranges = findQuote(text, passage);
        expect(ranges).toHaveLength(1);
        const found = text.slice(ranges[0]!.start, ranges[0]!.end);
        expect(normalise(found).normalised).toBe(normalise(passage).normalised);
      }),
      { numRuns: 300 },
    );
  });
});
