import { describe, expect, it } from 'vitest';
import type { VocabularyEntry } from '../analysis/index.ts';
import { createSpellingCorrector } from './spelling.ts';

const vocabulary: VocabularyEntry[] = [
  ['Waffenregister', 3],
  ['Gefährder', 5],
  ['Grenzkontrollen', 2],
  ['Stellenpool', 1],
  ['Straße', 2],
  ['Berichte', 4],
  ['bittet', 6],
  ['Mittel', 2],
  ['Mittels', 1],
];
const dictionary = new Set(['bund', 'bunt', 'polizei', 'fahrrad', 'bericht', 'berichten']);
const corrector = createSpellingCorrector({
  vocabulary,
  isKnownWord: (word) => dictionary.has(word),
  isEnglish: (text) => /\bthe\b/i.test(text),
  decompound: (word) => (word === 'fahrradkontrollen' ? ['fahrrad', 'kontrollen'] : []),
  stem: (word) => word.replace(/(?:en|e|n|s)$/, ''),
});

describe('createSpellingCorrector', () => {
  it('replaces a word the corpus lacks by the corpus word one or two edits away, as the corpus writes it', () => {
    expect(corrector.suggest('Was gilt für das Waffenregster?')).toEqual({
      text: 'Was gilt für das Waffenregister?',
      corrections: [{ from: 'Waffenregster', start: 17, end: 30, to: 'Waffenregister', distance: 1 }],
    });
    expect(corrector.suggest('grenzkontrolen')?.text).toBe('Grenzkontrollen');
    expect(corrector.suggest('Stelenpol')?.text).toBe('Stellenpool');
  });

  it('reads ae, oe, ue and ss as the umlauts and ß the corpus writes', () => {
    expect(corrector.suggest('Wer sind Gefaehrder?')?.corrections[0]).toMatchObject({
      to: 'Gefährder',
      distance: 0,
    });
    expect(corrector.suggest('an der Strasse')?.text).toBe('an der Straße');
  });

  it('reaches a word the corpus has only with an ending through its form without it', () => {
    expect(corrector.suggest('Grenzkontrole')?.text).toBe('Grenzkontrolle');
    // The form without the ending is no misspelling.
    expect(corrector.suggest('Grenzkontrolle')).toBeUndefined();
  });

  it('allows one edit for words under eight letters, two from eight on', () => {
    expect(corrector.suggest('Gefhdr')).toBeUndefined();
    expect(corrector.suggest('Gefahrdr')?.text).toBe('Gefährder');
  });

  it('leaves known words, short words, acronyms and English questions alone', () => {
    expect(corrector.suggest('Polizei und Bund')).toBeUndefined();
    expect(corrector.suggest('bunt')).toBeUndefined();
    expect(corrector.suggest('Mitel')).toBeDefined();
    expect(corrector.suggest('Mit')).toBeUndefined();
    expect(corrector.suggest('Was macht das BMIX?')).toBeUndefined();
    expect(corrector.suggest('What is the Waffenregster?')).toBeUndefined();
    expect(corrector.suggest('Die IMK bittet')).toBeUndefined();
  });

  it('leaves a word that splits into real parts alone: a compound the corpus lacks', () => {
    expect(corrector.suggest('Fahrradkontrollen')).toBeUndefined();
    expect(corrector.suggest('Grenzkontrole')?.corrections[0]?.distance).toBe(1);
  });

  it('leaves an inflected form of a corpus word alone (same stem)', () => {
    expect(corrector.suggest('den Gefährdern')).toBeUndefined();
    expect(corrector.suggest('den Gefährdrn')?.text).toBe('den Gefährder');
  });

  it('keeps a capital the question starts a word with', () => {
    expect(corrector.suggest('Bitet')?.text).toBe('Bittet');
    // A swap of two letters is two edits: too many for a short word.
    expect(corrector.suggest('Bitett')).toBeUndefined();
    expect(corrector.suggest('gefaehrder')?.text).toBe('Gefährder');
  });
});
