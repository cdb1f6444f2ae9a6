import { describe, expect, it } from 'vitest';
import { bundledBoundaryWords } from './boundary-words.ts';

describe('the bundled sentence boundary words (data/text/satzgrenzen.tsv)', () => {
  const words = bundledBoundaryWords();

  it('hold the abbreviations lower-cased and without their period', () => {
    for (const word of ['nr', 'abs', 'usw', 'ggü', 'ivm'])
      expect(words.abbreviations.has(word), word).toBe(true);
    for (const word of ['Nr', 'nr.', 'die']) expect(words.abbreviations.has(word), word).toBe(false);
  });

  it('hold the sentence openers of both languages and nothing of the other class', () => {
    for (const word of ['die', 'dabei', 'the']) expect(words.openers.has(word), word).toBe(true);
    expect(words.openers.has('nr')).toBe(false);
  });

  it('are read once per process', () => {
    expect(bundledBoundaryWords()).toBe(words);
  });
});
