import { beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from './analyzer.ts';

let analyzer: Analyzer;
beforeAll(async () => {
  analyzer = await createGermanAnalyzer();
});

const termMap = (terms: { term: string; weight: number }[]) =>
  new Map(terms.map((term) => [term.term, term.weight]));

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

  it("weighs the completed compound of an elided word like the query's own word", () => {
    const query = termMap(analyzer.queryTerms('Aus- und Fortbildung'));
    expect(query.get(analyzer.stem('ausbildung'))).toBe(1);
  });
});

describe('English queries', () => {
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

  it('carry their translations in the query terms, below weight 1', () => {
    const query = termMap(analyzer.queryTerms('fireworks'));
    const weight = query.get(analyzer.stem('feuerwerk'));
    expect(weight).toBeGreaterThan(0);
    expect(weight).toBeLessThan(1);
  });
});
