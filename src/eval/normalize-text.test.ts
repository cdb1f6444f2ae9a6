import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { containsPhrase, normalizeText } from './normalize-text.ts';

describe('normalizeText', () => {
  it('lower-cases, collapses whitespace and line breaks, and trims', () => {
    expect(normalizeText('  Frühjahrskonferenz\n 2021\u00A0 ')).toBe('frühjahrskonferenz 2021');
  });

  it('maps typographic quotes and dashes and drops soft hyphens', () => {
    expect(normalizeText('„Demokratische Resilienz“ – Quellen\u00ADTKÜ')).toBe(
      '"demokratische resilienz" - quellentkü',
    );
  });

  it('folds ß to ss, so upper-case spellings match', () => {
    expect(normalizeText('STRASSENVERKEHR')).toBe(normalizeText('Straßenverkehr'));
  });

  it('composes decomposed umlauts so both spellings compare equal', () => {
    expect(normalizeText('Gefa\u0308hrder')).toBe(normalizeText('Gefährder'));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string(), (text) => normalizeText(normalizeText(text)) === normalizeText(text)));
  });
});

describe('containsPhrase', () => {
  it('finds a phrase regardless of case and line breaks', () => {
    expect(containsPhrase('… zur\nFRÜHJAHRSKONFERENZ   2021 zu berichten.', 'Frühjahrskonferenz 2021')).toBe(
      true,
    );
  });

  it.each([
    // not a phrase that is only the start or end of a longer word
    ['beauftragt den AK II', 'AK I', false],
    ['im Bereich des Versandhandels', 'Versandhandel', false],
    ['Bund-Länderoffene Arbeitsgruppe', 'offene Arbeitsgruppe', false],
    // a whole phrase next to punctuation, and a later whole occurrence after a partial one
    ['den AK I, im Benehmen mit dem AK II', 'AK I', true],
    ['AK II und AK I.', 'AK I', true],
    ['Bund-Länderoffene Arbeitsgruppe', 'Länderoffene Arbeitsgruppe', true],
    ['Schreckschuss-, Reizstoff-', 'Schreckschuss-', true],
  ])('in %j finds %j only as a whole phrase: %s', (text, phrase, expected) => {
    expect(containsPhrase(text, phrase)).toBe(expected);
  });

  it('never finds an empty phrase', () => {
    expect(containsPhrase('irgendein Text', '  ')).toBe(false);
  });

  it('finds every phrase inside a text made of that phrase between spaces', () => {
    const word = fc.stringMatching(/^[a-zäöüß0-9]{1,8}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 4 }), word, word, (parts, left, right) => {
        const phrase = parts.join(' ');
        return containsPhrase(`${left} ${phrase.toUpperCase()} ${right}`, phrase);
      }),
    );
  });
});
