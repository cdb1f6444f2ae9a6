import { beforeAll, describe, expect, it } from 'vitest';
import { loadBaseLexicon } from './base-lexicon.ts';
import { createTermAnalysis, type TermAnalysis } from './term-analysis.ts';

let analyzer: TermAnalysis;
beforeAll(async () => {
  analyzer = createTermAnalysis(await loadBaseLexicon());
});

const termsOf = (text: string) => analyzer.terms(text);

describe('index terms', () => {
  it('are Snowball stems, so inflected forms meet', () => {
    expect(termsOf('Feuerwerks')[0]).toBe(termsOf('Feuerwerk')[0]);
    expect(termsOf('Waffen')[0]).toBe(termsOf('Waffe')[0]);
    expect(analyzer.stem('kriminalität')).toBe('kriminalitat');
  });

  it('leave out German and English stop words', () => {
    expect(termsOf('Die IMK und der Bund sowie the police')).toEqual(['imk', 'bund', 'polic']);
  });

  it('add the stems of compound parts and sub-compounds', () => {
    const terms = termsOf('Silvesterfeuerwerk');
    expect(terms).toContain(analyzer.stem('silvester'));
    expect(terms).toContain(analyzer.stem('feuerwerk'));
    expect(termsOf('Impfverordnung')).toEqual(expect.arrayContaining(['impf', analyzer.stem('verordnung')]));
    expect(termsOf('Rauschgiftkriminalität')).toEqual(
      expect.arrayContaining([analyzer.stem('rauschgift'), analyzer.stem('kriminalität')]),
    );
  });

  it('do not split words that are no compounds', () => {
    expect(termsOf('Beamtinnen')).toEqual([analyzer.stem('beamtinnen')]);
  });

  it('let "Corona-Impfung" share terms with "Coronavirus-Impfverordnung" through parts and verb root', () => {
    const shared = termsOf('Corona-Impfung').filter((term) =>
      termsOf('Coronavirus-Impfverordnung').includes(term),
    );
    expect(shared).toEqual(expect.arrayContaining(['corona', 'impf']));
  });

  it('give "AK II" and "Arbeitskreis II" the same committee term', () => {
    expect(termsOf('AK II')).toContain('ak_ii');
    expect(termsOf('Arbeitskreis II')).toContain('ak_ii');
    expect(termsOf('AK IV')).not.toContain('ak_ii');
  });

  it('map glossary abbreviations and long forms to one term, both ways', () => {
    expect(termsOf('das BMI')).toContain('bmi');
    expect(termsOf('das Bundesministerium des Innern')).toContain('bmi');
    expect(termsOf('Protokollnotiz SN')).toContain('sn');
    expect(termsOf('der Freistaat Sachsen')).toContain('sn');
    expect(termsOf('sächsische Polizei')).toContain('sn');
    // The longer long form wins: Sachsen-Anhalt is ST, not Sachsen.
    expect(termsOf('Sachsen-Anhalt')).toContain('st');
    expect(termsOf('Sachsen-Anhalt')).not.toContain('sn');
    expect(analyzer.longForms('SN')).toContain('Sachsen');
  });
});

describe('elided compounds (Ergänzungsstrich)', () => {
  /** Terms of the token whose text is `word`, in a text. */
  const termsAt = (text: string, word: string) => {
    const position = analyzer.tokenize(text).findIndex((token) => token.text === word);
    expect(position, `${word} in ${text}`).toBeGreaterThanOrEqual(0);
    return analyzer
      .analyze(text)
      .filter((term) => term.position === position)
      .map((term) => term.term);
  };

  it('complete a fragment with the head of the full word, at the position of the fragment', () => {
    const text = 'Schreckschuss-, Reizstoff- und Signalwaffen';
    expect(termsAt(text, 'schreckschuss')).toContain(analyzer.stem('schreckschusswaffen'));
    expect(termsAt(text, 'reizstoff')).toContain(analyzer.stem('reizstoffwaffen'));
    expect(termsAt('Finanz- und Gewerbebehörden', 'finanz')).toContain(analyzer.stem('finanzbehörden'));
    expect(termsAt('Straf- oder Bußgeldverfahren', 'straf')).toContain(analyzer.stem('strafverfahren'));
    expect(termsAt('Bund- und Länderbehörden', 'bund')).toEqual(
      expect.arrayContaining(['bund', analyzer.stem('behörden')]),
    );
  });

  it('complete a fragment that is a stop word or prefix on its own ("Aus- und Fortbildung")', () => {
    expect(termsAt('Aus- und Fortbildung', 'aus')).toContain(analyzer.stem('ausbildung'));
    expect(termsAt('Ein- und Ausreise', 'ein')).toContain(analyzer.stem('einreise'));
  });

  it('complete a backward fragment with the modifier of the word before ("und -auswahl")', () => {
    expect(termsAt('Personalgewinnung und -auswahl', 'auswahl')).toContain(analyzer.stem('personalauswahl'));
    expect(termsAt('Waffenhersteller und -händler', 'händler')).toContain(analyzer.stem('waffenhändler'));
    expect(termsAt('Innenminister und -senatoren', 'senatoren')).toContain(analyzer.stem('innensenatoren'));
  });

  it('read a partner of three parts both ways, since one or two parts may be elided', () => {
    const completions = analyzer
      .tokenize('Arbeits- und Sozialministerkonferenz')
      .find((token) => token.text === 'arbeits')?.completions;
    expect(completions).toEqual(expect.arrayContaining(['arbeitsministerkonferenz', 'arbeitskonferenz']));
  });

  it("give the written-out compound's terms to the fragment, so both spellings meet", () => {
    const elided = new Set(analyzer.terms('Schreckschuss-, Reizstoff- und Signalwaffen'));
    for (const term of analyzer.terms('Reizstoffwaffen')) expect(elided.has(term), term).toBe(true);
  });

  it('leave a fragment without partner as it was', () => {
    expect(analyzer.tokenize('die Frühjahrs- IMK').some((token) => token.completions !== undefined)).toBe(
      false,
    );
    expect(termsOf('die Frühjahrs- IMK')).toEqual(termsOf('die Frühjahrs IMK'));
  });
});

describe('words that are no topic', () => {
  it('leave question words and connectives out of the terms', () => {
    expect(termsOf('Wer ist zuständig, wem obliegt es und warum?')).toEqual([
      analyzer.stem('zuständig'),
      analyzer.stem('obliegt'),
    ]);
    expect(termsOf('beziehungsweise die weiteren sogenannten Maßnahmen')).toEqual([
      analyzer.stem('maßnahmen'),
    ]);
  });

  it('take no inflection ending for a compound part ("vorbeugenden")', () => {
    expect(termsOf('vorbeugenden')).toEqual([analyzer.stem('vorbeugenden')]);
    expect(termsOf('bestehenden')).toEqual([analyzer.stem('bestehenden')]);
  });
});

describe('isKnownWord', () => {
  it('knows words of the dictionary, their inflected forms, verb forms and prefixed verbs', () => {
    for (const word of ['polizei', 'beschlüsse', 'aufträge', 'berichtet', 'steht', 'verbieten', 'und']) {
      expect(analyzer.isKnownWord(word), word).toBe(true);
    }
  });

  it('does not know misspelt words', () => {
    for (const word of ['waffenregster', 'polizie', 'stellenpol', 'berichtetx']) {
      expect(analyzer.isKnownWord(word), word).toBe(false);
    }
  });
});
