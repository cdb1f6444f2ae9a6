import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createDecompounder, type Decompounder } from './decompound.ts';
import {
  buildWordList,
  readGermanDictionary,
  WORD_LOWERCASE,
  WORD_NOUN,
  WORD_STANDALONE,
  WORD_VERB,
} from './word-list.ts';

describe('compound splitting against the German dictionary', () => {
  let decompounder: Decompounder;
  beforeAll(async () => {
    const dictionary = await readGermanDictionary();
    decompounder = createDecompounder({ words: buildWordList(dictionary.source, ['Corona']) });
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

  it('takes no inflection ending or article for a compound part ("vorbeugenden" is no vorbeugen|den)', () => {
    for (const word of [
      'vorbeugenden',
      'bestehenden',
      'bestehender',
      'geltenden',
      'entsprechenden',
      'ziehenden',
      'verzeichnenden',
    ]) {
      expect(decompounder.decompound(word).parts, word).toEqual([]);
    }
  });

  it('reads "-end-" after a verb stem as a participle, not as the noun "Ende"', () => {
    for (const word of ['abschließende', 'aufbauenden', 'laufenden', 'kommende', 'funktionierende']) {
      expect(decompounder.decompound(word).parts, word).toEqual([]);
    }
    expect(decompounder.decompound('flächendeckenden').parts).toEqual(['fläche', 'decken']);
    expect(decompounder.decompound('Verkehrsteilnehmenden').parts).toEqual(['verkehr', 'teilnehmen']);
    expect(decompounder.decompound('schwerverletzten').parts).toEqual(['schwer', 'verletzen']);
    // The noun still heads compounds that are no participles.
    expect(decompounder.decompound('Jahresende').parts).toEqual(['jahr', 'ende']);
  });

  it('does not split an adjective or verb into a noun head ("generelle" is no kind of "Elle")', () => {
    for (const word of [
      'generelle',
      'elektronischen',
      'institutionellen',
      'gemeinsamen',
      'profitieren',
      'verbessern',
    ]) {
      expect(decompounder.decompound(word).parts, word).toEqual([]);
    }
    // Adjective and adverb heads stay: "bundesweit", "sinnvoll", "rechtsextremen".
    expect(decompounder.decompound('bundesweiten').parts).toEqual(['bund', 'weiten']);
    expect(decompounder.decompound('rechtsextremen').parts).toEqual(['recht', 'extrem']);
  });

  it('splits a word the dictionary knows only into parts of four letters or more ("Generation")', () => {
    expect(decompounder.decompound('Generation').parts).toEqual([]);
    expect(decompounder.decompound('Rechtslage').parts).toEqual(['recht', 'lage']);
  });

  it('takes the linking "-n-" only after a stem in -e, -el or -er ("Maßnahmen" has no part "ahmen")', () => {
    expect(decompounder.decompound('Maßnahmen').parts).not.toContain('ahmen');
    expect(decompounder.decompound('Katastrophenschutz').parts).toEqual(['katastrophe', 'schutz']);
    expect(decompounder.decompound('Friedensmissionen').parts).toEqual(['friede', 'missionen']);
  });

  it('finds the singular of an umlauted plural head ("Verkehrsunfällen")', () => {
    expect(decompounder.decompound('Verkehrsunfällen').parts).toEqual(['verkehr', 'unfall']);
    expect(decompounder.decompound('Gesundheitsämter').parts).toEqual(['gesundheit', 'ämter']);
  });

  it('keeps a particle before a known word as one derivative, which may head a compound', () => {
    for (const word of ['Ausreise', 'Unterbringung', 'Überprüfung', 'Einsatz']) {
      expect(decompounder.decompound(word).parts, word).toEqual([]);
    }
    expect(decompounder.decompound('Zuverlässigkeitsüberprüfungen').parts[0]).toBe('zuverlässigkeit');
  });

  it('splits the infinitive with "zu" of a separable verb like the verb ("festzulegen")', () => {
    expect(decompounder.decompound('festzulegen').parts).toEqual(decompounder.decompound('festlegen').parts);
  });

  it("tells where the parts after the first begin, or where a derivative's final word begins", () => {
    expect(decompounder.partStarts('Gewerbebehörden')).toEqual([7]);
    expect(decompounder.partStarts('Schreckschusswaffen')).toEqual([7, 13]);
    expect(decompounder.partStarts('Fortbildung')).toEqual([4]);
    expect(decompounder.partStarts('Ausreise')).toEqual([3]);
    expect(decompounder.partStarts('Polizei')).toEqual([]);
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

  it('marks -ung forms of verbs as nouns, forms of lower-case entries as such, and verbs', () => {
    const words = buildWordList({
      aff: ['SFX J Y 2', 'SFX J   en      ung        en', 'SFX J   en      ungen      en'].join('\n'),
      dic: ['4', 'prüfen/J', 'extrem', 'Extrem', 'Verbessern/SJ'].join('\n'),
    });
    expect((words.get('prüfung') ?? 0) & WORD_NOUN).toBe(WORD_NOUN);
    expect((words.get('prüfungen') ?? 0) & WORD_NOUN).toBe(WORD_NOUN);
    expect((words.get('prüfen') ?? 0) & WORD_NOUN).toBe(0);
    expect((words.get('prüfen') ?? 0) & WORD_LOWERCASE).toBe(WORD_LOWERCASE);
    expect(words.get('extrem')).toBe(WORD_STANDALONE | WORD_NOUN | WORD_LOWERCASE);
    // Verbs are known by their classes, also where igerman98 lists them capitalised as nominalised infinitives.
    expect((words.get('verbessern') ?? 0) & WORD_VERB).toBe(WORD_VERB);
    expect((words.get('prüfung') ?? 0) & WORD_VERB).toBe(0);
  });
});
