import { beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from './analyzer.ts';
import { detectLanguage, type LanguageDictionary } from './language.ts';

describe('detectLanguage with function words alone', () => {
  it.each([
    ['What did the ministers decide about fireworks?', 'en'],
    ['Who has to report by when?', 'en'],
    ['Was hat die IMK zu Sirenen beschlossen?', 'de'],
    ['Bis wann soll der Bund berichten?', 'de'],
  ] as const)('reads "%s" as %s', (text, language) => {
    expect(detectLanguage(text)).toBe(language);
  });

  it('reads German where there is no evidence, and words both languages share count for neither', () => {
    expect(detectLanguage('fireworks')).toBe('de');
    expect(detectLanguage('in so')).toBe('de');
    expect(detectLanguage('')).toBe('de');
  });
});

describe('detectLanguage with a dictionary', () => {
  const dictionary: LanguageDictionary = {
    isEnglishWord: (word) => ['weapons', 'register', 'fireworks'].includes(word),
    isGermanWord: (word) => ['register', 'waffenregister'].includes(word),
  };

  it('counts words of one dictionary only, each less than a function word', () => {
    expect(detectLanguage('weapons register', dictionary)).toBe('en');
    expect(detectLanguage('Waffenregister', dictionary)).toBe('de');
    expect(detectLanguage('fireworks und das', dictionary)).toBe('de');
  });
});

describe("the analyzer's language, the same detector with its lexicon's dictionaries", () => {
  let analyzer: Analyzer;
  beforeAll(async () => {
    analyzer = await createGermanAnalyzer();
  });

  it('tells English queries and questions from German ones', () => {
    for (const text of [
      'weapons register',
      'fireworks',
      'What did the ministers decide about fireworks?',
      'Who decides whether dangerous persons may be held in custody?',
      'What is the deadline for the report of the working group?',
    ]) {
      expect(analyzer.language(text), text).toBe('en');
    }
    for (const text of [
      'Nationales Waffenregister',
      'Was hat die IMK zu Sirenen beschlossen?',
      'Wer entscheidet über den Präventivgewahrsam von Gefährdern?',
    ]) {
      expect(analyzer.language(text), text).toBe('de');
    }
  });

  it('agrees with the dictionary-free detector wherever function words decide', () => {
    for (const text of ['Who has to report by when?', 'Bis wann soll der Bund berichten?']) {
      expect(analyzer.language(text)).toBe(detectLanguage(text));
    }
  });
});
