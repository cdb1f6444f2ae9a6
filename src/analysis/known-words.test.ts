import { describe, expect, it } from 'vitest';
import { createKnownWords } from './known-words.ts';
import { WORD_COMPOUND_PART, WORD_STANDALONE } from './word-list.ts';

const isKnown = createKnownWords({
  words: new Map([
    ['bericht', WORD_STANDALONE],
    ['berichten', WORD_STANDALONE],
    ['bieten', WORD_STANDALONE],
    ['impf', WORD_COMPOUND_PART],
  ]),
  // A stand-in for Snowball: strip one "e" or "en" ending.
  stem: (word) => word.replace(/e[n]?$/u, ''),
  isStopWord: (word) => word === 'und',
});

describe('createKnownWords', () => {
  it('knows listed forms, function words and forms sharing a stem with a listed one', () => {
    for (const word of ['bericht', 'und', 'berichte']) expect(isKnown(word), word).toBe(true);
  });

  it('knows finite forms of listed verbs and prefixed ones', () => {
    for (const word of ['berichtet', 'bietet', 'verbieten', 'verbietet'])
      expect(isKnown(word), word).toBe(true);
  });

  it('does not know compound parts alone or misspellings', () => {
    for (const word of ['impf', 'berichtx', 'bricht']) expect(isKnown(word), word).toBe(false);
  });
});
