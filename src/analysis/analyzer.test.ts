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
    expect(analyzer.isEnglish('Was hat die IMK zu Böllern beschlossen?')).toBe(false);
  });

  it('are translated into German terms', () => {
    const weapons = termMap(analyzer.translate('weapons register'));
    expect(weapons.has(analyzer.stem('waffe'))).toBe(true);
    expect(weapons.has(analyzer.stem('register'))).toBe(true);
    expect(termMap(analyzer.translate('fireworks')).has(analyzer.stem('feuerwerk'))).toBe(true);
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
