import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDecompounder, type Decompounder } from './decompound.ts';
import { buildWordList, loadGermanWordList } from './word-list.ts';

describe('compound splitting against the German dictionary', () => {
  let decompounder: Decompounder;
  beforeAll(async () => {
    decompounder = createDecompounder({ words: await loadGermanWordList(['Corona']) });
  });

  it('splits compounds into known words and keeps adjacent parts as sub-compounds', () => {
    expect(decompounder.decompound('Silvesterfeuerwerk')).toEqual({
      parts: ['silvester', 'feuer', 'werk'],
      spans: ['silvesterfeuer', 'feuerwerk'],
    });
    expect(decompounder.decompound('Impfverordnung').parts).toEqual(['impf', 'verordnung']);
    const rauschgift = decompounder.decompound('Rauschgiftkriminalität');
    expect(rauschgift.parts).toEqual(['rausch', 'gift', 'kriminalität']);
    expect(rauschgift.spans).toContain('rauschgift');
  });

  it('removes linking elements (-s-, -es-, -n-, -en-) from the parts', () => {
    expect(decompounder.decompound('Verfassungsschutz').parts).toEqual(['verfassung', 'schutz']);
    expect(decompounder.decompound('Arbeitskreis').parts).toEqual(['arbeit', 'kreis']);
    expect(decompounder.decompound('Katastrophenschutz').parts).toEqual(['katastrophe', 'schutz']);
    expect(decompounder.decompound('Bundeseinheitlicher').parts[0]).toBe('bund');
    // A modifier that is a noun itself keeps its "e": "Lage", not "lag".
    expect(decompounder.decompound('Lagebericht').parts).toEqual(['lage', 'bericht']);
  });

  it('leaves words whole that only look like compounds', () => {
    for (const word of [
      'Beamtinnen',
      'Polizistinnen',
      'Einsatz',
      'Bereitschaft',
      'Ausbildung',
      'Gefährder',
    ]) {
      expect(decompounder.decompound(word).parts, word).toEqual([]);
    }
  });

  it('takes an unknown first part, such as a name, before a known noun ("Pistoriusbericht")', () => {
    expect(decompounder.decompound('Pistoriusbericht').parts).toEqual(['pistorius', 'bericht']);
  });

  it('finds the verb root of an -ung noun', () => {
    expect(decompounder.derivationRoot('Impfung')).toBe('impf');
    expect(decompounder.derivationRoot('Impfungen')).toBe('impf');
    expect(decompounder.derivationRoot('Polizei')).toBeUndefined();
  });

  it('only returns parts that together spell the word, linking elements aside (property)', () => {
    const words = [
      'silvester',
      'feuer',
      'werk',
      'schutz',
      'verfassung',
      'kreis',
      'arbeit',
      'gift',
      'polizei',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 }), (pieces) => {
        const word = pieces.join('');
        const { parts } = decompounder.decompound(word);
        if (parts.length === 0) return;
        let rest = word;
        for (const part of parts) {
          if (!rest.startsWith(part)) {
            const link = /^(?:es|en|er|ns|s|n|e)/.exec(rest)?.[0] ?? '';
            expect(rest.slice(link.length).startsWith(part), `${part} in ${word}`).toBe(true);
            rest = rest.slice(link.length);
          }
          rest = rest.slice(part.length);
        }
        // What may remain is the inflection ending removed from the last part.
        expect(rest).toMatch(/^(?:e|en|n|s|es|er|ern|em|r|ns)?$/);
      }),
    );
  });
});

describe('buildWordList', () => {
  it('expands noun suffix classes and marks forms that only occur inside compounds', () => {
    const words = buildWordList({
      aff: ['SFX N Y 1', 'SFX N   0       n          .', 'SFX j Y 1', 'SFX j 0 0/xoc .'].join('\n'),
      dic: ['2', 'Waffe/Nm', 'Arbeits/hij'].join('\n'),
    });
    expect(words.has('waffe')).toBe(true);
    expect(words.has('waffen')).toBe(true);
    expect(words.get('arbeits')).toBeDefined();
    // A count line and flags are no words.
    expect(words.has('2')).toBe(false);
  });
});
