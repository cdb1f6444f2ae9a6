import { describe, expect, it } from 'vitest';
import { endsSentence, isAbbreviation, isSentenceEnd, periodEndsSentence } from './sentence-end.ts';

// The abbreviations the three former rules knew (src/chunk/sentences.ts, src/corpus/abbreviations.ts and through it
// src/chunk/german-splitter.ts): each is still one after the lists were merged into data/text/satzgrenzen.tsv.
const FORMER_SENTENCE_SPLITTER = (
  'nr abs art ziff bzw ggf vgl ca dr prof st gem lit usw etc evtl inkl max min mio mrd std tel bspw zzgl ua sog ' +
  'bzgl hrsg jh kap anm insb einschl ausschl allg zt dh zb iVm ivm s z b d h u a i v m no vs mr mrs e g'
).split(' ');
const FORMER_CORPUS_AND_CHUNKER = (
  'abs anl art bd bspw buchst bzgl bzw ca dr evtl gem ggf ggü inkl insb kap lfd lit lt max min mio mrd nr nrn ' +
  'prof rd rn rz sog st std tel tsd usw vgl ziff zzgl'
).split(' ');

describe('isAbbreviation', () => {
  it('recognises every abbreviation any of the former rules recognised, in any case', () => {
    for (const word of [...FORMER_SENTENCE_SPLITTER, ...FORMER_CORPUS_AND_CHUNKER]) {
      expect(isAbbreviation(`${word}.`), word).toBe(true);
      expect(isAbbreviation(`${word[0]?.toUpperCase()}${word.slice(1)}.`), word).toBe(true);
    }
  });

  it('takes single letters and dotted letter groups without a list, and ignores opening brackets', () => {
    for (const word of ['z.', 'B.', 'z.B.', 'i.V.m.', 'u.a.', '(vgl.', '„Nr.']) {
      expect(isAbbreviation(word), word).toBe(true);
    }
  });

  it('is false for words, numbers and dates', () => {
    for (const word of ['Kenntnis.', 'berichten.', '2021.', '07.12.20.', '2b.', 'IMK.']) {
      expect(isAbbreviation(word), word).toBe(false);
    }
  });
});

describe('periodEndsSentence', () => {
  it('reads a small number as an ordinal unless a sentence opener follows', () => {
    expect(periodEndsSentence('im 2', 'Halbjahr')).toBe(false);
    expect(periodEndsSentence('der 1', 'SprengV')).toBe(false);
    expect(periodEndsSentence('Ziffer 5', 'Die')).toBe(true);
    expect(periodEndsSentence('Herbstsitzung 2021', 'Sie')).toBe(true);
  });

  it('lets a longer abbreviation end a sentence before an opener, a short one never', () => {
    expect(periodEndsSentence('Waffen usw', 'Die')).toBe(true);
    expect(periodEndsSentence('Waffen usw', 'Waffen')).toBe(false);
    expect(periodEndsSentence('gemäß Nr', 'Die')).toBe(false);
    expect(periodEndsSentence('z. B', 'Die')).toBe(false);
  });

  it('at a line end: a number ends the sentence, an abbreviation does not', () => {
    expect(periodEndsSentence('gemäß Ziffer 3', undefined)).toBe(true);
    expect(periodEndsSentence('Waffen usw', undefined)).toBe(false);
  });
});

describe('isSentenceEnd', () => {
  const at = (text: string, marker: string) => isSentenceEnd(text, text.indexOf(marker));

  it('needs a capital or a digit after space, past closing quotes', () => {
    expect(at('Sie dankt. Die IMK', '.')).toBe(true);
    expect(at('„Spuren." Er prüft', '.')).toBe(true);
    expect(at('Sie dankt. die IMK', '.')).toBe(false);
    expect(at('Sie dankt.Die IMK', '.')).toBe(false);
    expect(at('Wer prüft? Der Bund', '?')).toBe(true);
  });

  it('does not end after an abbreviation or ordinal', () => {
    expect(at('zur Nr. 42 MiStra', '.')).toBe(false);
    expect(at('im 2. Halbjahr', '.')).toBe(false);
    expect(at('Waffen usw. Die IMK', '.')).toBe(true);
  });

  it('is false for anything but a sentence mark', () => {
    expect(isSentenceEnd('Die IMK, Der Bund', 7)).toBe(false);
  });
});

describe('endsSentence', () => {
  it('accepts the sentence marks at a line end, closing quotes and brackets after them', () => {
    for (const line of [
      'nimmt den Bericht zur Kenntnis.',
      'Er fragt:',
      'a;',
      'Warum?',
      'den Bericht „X“.',
      '(siehe oben).',
    ]) {
      expect(endsSentence(line), line).toBe(true);
    }
  });

  it('refuses a line ending in an abbreviation or without a mark', () => {
    for (const line of ['gemäß § 5 Abs.', 'vgl. z. B.', 'und die Länder', 'i.V.m.']) {
      expect(endsSentence(line), line).toBe(false);
    }
  });

  it('takes a number before the period as the end ("… Herbstsitzung 2021.")', () => {
    expect(endsSentence('zur Herbstsitzung 2021.')).toBe(true);
    expect(endsSentence('gemäß Ziffer 3.')).toBe(true);
  });
});
