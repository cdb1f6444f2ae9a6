import { describe, expect, it } from 'vitest';
import { parseWordClasses, wordsOf } from './word-classes.ts';

const CLASSES = ['article', 'opener'] as const;

describe('parseWordClasses', () => {
  it('reads language, class and word, lower-casing the word and skipping comments and blank lines', () => {
    const words = parseWordClasses(
      '# Kommentar\n\nde\tarticle\tDer\nen\tarticle\tthe\r\nde\topener\twas ist mit\n',
      'x.tsv',
      CLASSES,
    );
    expect(words).toEqual([
      { language: 'de', wordClass: 'article', word: 'der' },
      { language: 'en', wordClass: 'article', word: 'the' },
      { language: 'de', wordClass: 'opener', word: 'was ist mit' },
    ]);
    expect(wordsOf(words, 'article')).toEqual(['der', 'the']);
    expect(wordsOf(words, 'article', 'en')).toEqual(['the']);
  });

  it('names the file, the line and the expected format for a malformed line', () => {
    for (const line of ['fr\tarticle\tle', 'de\tnoun\tHaus', 'de\tarticle', 'de\tarticle\tder\textra']) {
      expect(() => parseWordClasses(`de\tarticle\tdie\n${line}\n`, 'x.tsv', CLASSES)).toThrow(
        /x\.tsv line 2: expected "de\|en<TAB>class<TAB>word" with a class of article, opener/,
      );
    }
  });
});
