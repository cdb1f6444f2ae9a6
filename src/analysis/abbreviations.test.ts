import { describe, expect, it } from 'vitest';
import { findDefinitions, parseAbbreviations } from './abbreviations.ts';

// A tiny stand-in for the dictionary's compound splitting: enough to show how parts give letters.
const PARTS: Record<string, string[]> = {
  waffenregister: ['waffen', 'register'],
  hochschule: ['hoch', 'schule'],
  impfkommission: ['impf', 'kommission'],
  terrorismusabwehrzentrum: ['terrorismus', 'abwehr', 'zentrum'],
  bundesamt: ['bundes', 'amt'],
  verfassungsschutz: ['verfassung', 'schutz'],
};
const context = {
  partsOf: (word: string) => PARTS[word] ?? [],
  isStopWord: (word: string) => ['der', 'die', 'das', 'für', 'von', 'und'].includes(word),
};

describe('findDefinitions', () => {
  it('learns an acronym from the long form before it, using compound parts for letters', () => {
    expect(findDefinitions('TOP 22: Nationales Waffenregister (NWR) Betrieb', context)).toEqual([
      { short: 'NWR', long: ['Nationales Waffenregister'] },
    ]);
    expect(findDefinitions('sieht das Gemeinsame Terrorismusabwehrzentrum (GTAZ) als', context)).toEqual([
      { short: 'GTAZ', long: ['Gemeinsame Terrorismusabwehrzentrum'] },
    ]);
  });

  it('lets a letter group stand for the start of a word and passes over function words', () => {
    expect(
      findDefinitions('von der Deutschen Hochschule der Polizei (DHPol) erstellt', context)[0]?.long,
    ).toEqual(['Deutschen Hochschule der Polizei']);
    expect(findDefinitions('Die von der Ständigen Impfkommission (STIKO) aktuell', context)[0]?.long).toEqual(
      ['Ständigen Impfkommission'],
    );
    expect(findDefinitions('das Bundesamt für Verfassungsschutz (BfV)', context)[0]?.long).toEqual([
      'Bundesamt für Verfassungsschutz',
    ]);
  });

  it('learns nothing where the letters do not fit the words before the parenthesis', () => {
    expect(findDefinitions('der Vereinten Nationen im Sudan (UNITAMS) mit', context)).toEqual([]);
    expect(findDefinitions('eine Angabe (Stand) fehlt', context)).toEqual([]);
  });
});

describe('parseAbbreviations', () => {
  it('reads short form and ";"-separated long forms, skipping comments', () => {
    expect(parseAbbreviations('# Länder\nSN\tSachsen; sächsisch\n')).toEqual([
      { short: 'SN', long: ['Sachsen', 'sächsisch'] },
    ]);
  });

  it('names the file and line of a malformed entry', () => {
    expect(() => parseAbbreviations('SN Sachsen\n', 'glossar.tsv')).toThrow(/glossar\.tsv line 1/);
  });
});
