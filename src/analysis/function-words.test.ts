import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BeschlussError } from '../errors.ts';
import {
  bundledFunctionWords,
  declinedForms,
  loadFunctionWords,
  parseFunctionWords,
  pronominalAdverbs,
} from './function-words.ts';

describe('pronominalAdverbs', () => {
  it('links "da(r)" and "wo(r)" with an "r" before a vowel only', () => {
    expect(pronominalAdverbs('da(r)', ['an', 'bei', 'über', 'zwischen'])).toEqual([
      'daran',
      'dabei',
      'darüber',
      'dazwischen',
    ]);
    expect(pronominalAdverbs('wo(r)', ['um', 'mit'])).toEqual(['worum', 'womit']);
  });

  it('joins "hier" without a linking "r"', () => {
    expect(pronominalAdverbs('hier', ['an', 'zu'])).toEqual(['hieran', 'hierzu']);
  });
});

describe('declinedForms', () => {
  it('adds the strong determiner endings to a stem', () => {
    expect(declinedForms('dies')).toEqual(['dies', 'diese', 'dieser', 'dieses', 'diesem', 'diesen']);
  });
});

describe('the bundled word classes (data/lexicon/funktionswoerter.tsv)', () => {
  const words = bundledFunctionWords();

  it('point back with generated "da(r)-"/"hier-" adverbs, declined demonstratives and possessives', () => {
    for (const word of [
      'darauf',
      'dafür',
      'hierüber',
      'diesem',
      'jene',
      'ihrem',
      'seiner',
      'derartige',
      'dort',
      'they',
      'there',
    ]) {
      expect(words.anaphoric.has(word), word).toBe(true);
    }
  });

  it('do not point back with interrogative "wo(r)-" adverbs, expletive "es" or forms that are also verbs', () => {
    for (const word of ['worauf', 'wofür', 'es', 'sein', 'ich', 'what']) {
      expect(words.anaphoric.has(word), word).toBe(false);
    }
  });

  it('tell articles that are also demonstratives', () => {
    expect([...words.articleOrDemonstrative].sort()).toEqual(['das', 'dem', 'den', 'der', 'die']);
  });

  it('count every generated form, question word and auxiliary as closed, and no topic word', () => {
    for (const word of ['worauf', 'welchem', 'müssten', 'wurden', 'would', 'darüber', 'genau', 'bis']) {
      expect(words.closed.has(word), word).toBe(true);
    }
    for (const word of ['frist', 'bericht', 'sirenen', 'deadline', 'police']) {
      expect(words.closed.has(word), word).toBe(false);
    }
  });

  it("keep each language's words apart, the union holding both", () => {
    expect(words.de.closed.has('darüber')).toBe(true);
    expect(words.de.closed.has('would')).toBe(false);
    expect(words.en.anaphoric.has('they')).toBe(true);
    expect(words.en.anaphoric.has('dort')).toBe(false);
    expect(words.de.forms('connective')).toContain('zudem');
    expect(words.forms('question-word')).toEqual(expect.arrayContaining(['wer', 'who']));
  });

  it('hold the stop words the index leaves out (Snowball and administrative forms), each of its language', () => {
    for (const word of ['und', 'bzw', 'ggf', 'sogenannte', 'insbesondere'])
      expect(words.de.stop.has(word), word).toBe(true);
    for (const word of ['the', 'of', 'yourselves']) expect(words.en.stop.has(word), word).toBe(true);
    for (const word of ['bericht', 'frist', 'genau']) expect(words.stop.has(word), word).toBe(false);
    expect(words.en.stop.has('und')).toBe(false);
  });

  it('hold the coordinating conjunctions and the continuing phrases of both languages', () => {
    expect(words.conjunctions).toEqual(
      new Set(['und', 'oder', 'aber', 'sondern', 'sowie', 'doch', 'denn', 'and', 'or', 'but', 'nor']),
    );
    expect(words.continuingPhrases).toContainEqual(['what', 'about']);
    expect(words.continuingPhrases).toContainEqual(['was', 'ist', 'mit']);
  });
});

describe('parseFunctionWords', () => {
  it('names the line of an unknown class', () => {
    const text = '# Kommentar\nde\tconjunction\tund\nde\tadverb\toft\n';
    expect(() => parseFunctionWords(text, 'klassen.tsv')).toThrow(
      /klassen\.tsv line 3: expected "de\|en<TAB>class<TAB>word"/,
    );
  });

  it('builds the classes of a small file', () => {
    const words = parseFunctionWords(
      'de\tpreposition-pronominal\tmit\nde\tpronominal-prefix-back\tda(r)\n',
      'x.tsv',
    );
    expect(words.anaphoric).toEqual(new Set(['damit']));
    expect(words.closed.has('mit')).toBe(true);
    expect(words.en.closed.size).toBe(0);
  });
});

describe('loadFunctionWords', () => {
  it('reports a missing file as a fault of the installation', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'function-words-')), 'missing.tsv');
    let caught: unknown;
    try {
      loadFunctionWords(file);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(BeschlussError);
    expect((caught as BeschlussError).code).toBe('INSTALLATION_INCOMPLETE');
    expect((caught as BeschlussError).message).toContain(file);
  });
});
