import { describe, expect, it } from 'vitest';
import { createAbbreviationForms } from './abbreviation-forms.ts';

// Lower-cased words as stems: enough to see which long form is found where.
const phraseStems = (phrase: string) =>
  phrase
    .toLowerCase()
    .split(/[\s-]+/u)
    .filter((word) => word.length > 1 && word !== 'des');

const forms = createAbbreviationForms(
  [
    { short: 'SN', long: ['Sachsen', 'sächsisch'] },
    { short: 'ST', long: ['Sachsen-Anhalt'] },
    { short: 'BMI', long: ['Bundesministerium des Innern'] },
    { short: 'SN', long: ['Sachsen', 'Freistaat Sachsen'] },
  ],
  phraseStems,
);
const positioned = (text: string) => phraseStems(text).map((stem, position) => ({ stem, position }));

describe('createAbbreviationForms', () => {
  it('gives the long forms of a short one in any case, each once', () => {
    expect(forms.longForms('sn')).toEqual(['Sachsen', 'sächsisch', 'Freistaat Sachsen']);
    expect(forms.longForms('XY')).toEqual([]);
  });

  it('finds the short form of a long form in a text, at its first word', () => {
    expect(forms.shortFormsIn(positioned('das Bundesministerium des Innern prüft'))).toEqual([
      { short: 'bmi', position: 1 },
    ]);
  });

  it('prefers the longest long form starting at a word', () => {
    expect(forms.shortFormsIn(positioned('Sachsen-Anhalt und Sachsen'))).toEqual([
      { short: 'st', position: 0 },
      { short: 'sn', position: 3 },
    ]);
  });
});
