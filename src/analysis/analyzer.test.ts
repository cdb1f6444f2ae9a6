import { beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from './analyzer.ts';

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await createGermanAnalyzer();
});

const termsOf = (text: string) => analyzer.terms(text);
const termMap = (terms: { term: string; weight: number }[]) =>
  new Map(terms.map((term) => [term.term, term.weight]));

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
    const query = termMap(analyzer.queryTerms('Aus- und Fortbildung'));
    expect(query.get(analyzer.stem('ausbildung'))).toBe(1);
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

describe('synonym expansion', () => {
  it('maps a word to the stems of its OpenThesaurus synonyms, and their compound parts, with lower weight', () => {
    const synonyms = termMap(analyzer.expand('Böller'));
    expect(synonyms.get(analyzer.stem('feuerwerkskörper'))).toBeGreaterThan(0);
    expect(synonyms.get(analyzer.stem('feuerwerk'))).toBeGreaterThan(0);
    expect(synonyms.has(analyzer.stem('böller'))).toBe(false);
    for (const weight of synonyms.values()) expect(weight).toBeLessThan(1);
  });

  it('finds the synonyms of an inflected form', () => {
    expect(termMap(analyzer.expand('Böllern')).has(analyzer.stem('knallkörper'))).toBe(true);
  });

  it('gives no synonyms to words that sit in too many sets', () => {
    expect(analyzer.expand('Lage')).toEqual([]);
    expect(analyzer.expand('machen')).toEqual([]);
  });

  it('adds synonyms to a query below its own terms', () => {
    const query = termMap(analyzer.queryTerms('Impfung'));
    expect(query.get('impfung')).toBe(1);
    expect(query.get(analyzer.stem('schutzimpfung'))).toBeLessThan(1);
  });
});

describe('English queries', () => {
  it('are told apart from German ones', () => {
    expect(analyzer.isEnglish('weapons register')).toBe(true);
    expect(analyzer.isEnglish('fireworks')).toBe(true);
    expect(analyzer.isEnglish('What did the ministers decide about fireworks?')).toBe(true);
    expect(analyzer.isEnglish('Nationales Waffenregister')).toBe(false);
    expect(analyzer.isEnglish('Was hat die IMK zu Sirenen beschlossen?')).toBe(false);
  });

  it('are translated into German terms', () => {
    const weapons = termMap(analyzer.translate('weapons register'));
    expect(weapons.has(analyzer.stem('waffe'))).toBe(true);
    expect(weapons.has(analyzer.stem('register'))).toBe(true);
    expect(termMap(analyzer.translate('fireworks')).has(analyzer.stem('feuerwerk'))).toBe(true);
  });

  it('translate general terms of administration, police and law', () => {
    const cases: Array<[string, string]> = [
      ['detention', 'haft'],
      ['custody', 'gewahrsam'],
      ['preventive', 'präventiv'],
      // Ding's rendering of the legal term: preventive detention after a sentence.
      ['preventive detention', 'sicherungsverwahrung'],
      ['criminal offence', 'straftat'],
      ['threat', 'bedrohung'],
      ['report', 'bericht'],
      ['deadline', 'frist'],
      ['working group', 'arbeitsgruppe'],
      ['register', 'register'],
      ['fireworks', 'feuerwerk'],
      ['vaccination', 'impfung'],
      ['municipality', 'gemeinde'],
      ['extremism', 'extremismus'],
      ['surveillance', 'überwachung'],
      ['deportation', 'abschiebung'],
      ['asylum seeker', 'asylbewerber'],
      ['fire brigade', 'feuerwehr'],
      ['blank-firing gun', 'schreckschusswaffe'],
      ['resolution', 'beschluss'],
      ['decide', 'beschließen'],
    ];
    for (const [english, german] of cases) {
      const translations = termMap(analyzer.translate(english));
      // Among the first translations: weight of rank 0 is 0.8, of rank 3 0.8 / 1.75.
      expect(translations.get(analyzer.stem(german)) ?? 0, `${english} → ${german}`).toBeGreaterThan(0.45);
    }
  });

  it('tell questions about such terms for English', () => {
    expect(analyzer.isEnglish('Who decides whether dangerous persons may be held in custody?')).toBe(true);
    expect(analyzer.isEnglish('What is the deadline for the report of the working group?')).toBe(true);
    expect(analyzer.isEnglish('Wer entscheidet über den Präventivgewahrsam von Gefährdern?')).toBe(false);
  });

  it('carry their translations in the query terms, below weight 1', () => {
    const query = termMap(analyzer.queryTerms('fireworks'));
    const weight = query.get(analyzer.stem('feuerwerk'));
    expect(weight).toBeGreaterThan(0);
    expect(weight).toBeLessThan(1);
  });
});

describe('learned abbreviations', () => {
  it('are learned from a definition in the text and used both ways from then on', async () => {
    const fresh = await createGermanAnalyzer();
    expect(fresh.terms('Nationales Waffenregister')).not.toContain('nwr');
    const learned = fresh.learnAbbreviations(['TOP 22: Nationales Waffenregister (NWR) Betrieb und Ausbau']);
    expect(learned).toEqual([{ short: 'NWR', long: ['Nationales Waffenregister'] }]);
    expect(fresh.terms('des Nationalen Waffenregisters')).toContain('nwr');
    expect(fresh.learnAbbreviations(['Nationales Waffenregister (NWR)'])).toEqual([]);
    expect(fresh.learnedAbbreviations()).toEqual(learned);
    // Learning is the analyzer's own state, not shared with other analyzers.
    expect(analyzer.terms('Nationales Waffenregister')).not.toContain('nwr');
  });

  it('can be restored into another analyzer', async () => {
    const other = await createGermanAnalyzer();
    other.addAbbreviations([{ short: 'NWR', long: ['Nationales Waffenregister'] }]);
    expect(other.terms('Nationales Waffenregister')).toContain('nwr');
    expect(other.longForms('nwr')).toEqual(['Nationales Waffenregister']);
  });
});

describe('createGermanAnalyzer', () => {
  it('names the file it cannot read', async () => {
    await expect(createGermanAnalyzer({ thesaurusFile: '/nonexistent/thesaurus.txt' })).rejects.toThrow(
      /\/nonexistent\/thesaurus\.txt/,
    );
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
