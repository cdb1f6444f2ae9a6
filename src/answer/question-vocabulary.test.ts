import { describe, expect, it } from 'vitest';
import { bundledQuestionVocabulary } from './question-vocabulary.ts';

describe('the bundled question vocabulary (data/answer/fragewoerter.tsv with the function words)', () => {
  const vocabulary = bundledQuestionVocabulary();

  it('frames a question with the words about resolutions, answer types, question words, particles and auxiliaries', () => {
    for (const word of [
      'beschlossen',
      'imk',
      'frist',
      'deadline',
      'wer',
      'welchem',
      'wozu',
      'genau',
      'hat',
      'does',
    ]) {
      expect(vocabulary.frame.has(word), word).toBe(true);
    }
    for (const word of ['sirenen', 'waffenregister', 'police', 'bericht']) {
      expect(vocabulary.frame.has(word), word).toBe(false);
    }
  });

  it('tells the answer-type nouns of each language', () => {
    expect(vocabulary.answerTypes.de.has('frist')).toBe(true);
    expect(vocabulary.answerTypes.de.has('deadline')).toBe(false);
    expect(vocabulary.answerTypes.en.has('deadline')).toBe(true);
  });

  it('takes English auxiliaries, modals and "kind" words as no focus', () => {
    for (const word of ['does', 'should', 'kind', 'type'])
      expect(vocabulary.englishNonFocus.has(word), word).toBe(true);
    expect(vocabulary.englishNonFocus.has('measures')).toBe(false);
  });

  it('opens no yes/no question with a question word, preposition, article, conjunction, particle or request', () => {
    for (const word of ['wer', 'womit', 'bei', 'zur', 'die', 'und', 'bitte', 'nenne', 'what']) {
      expect(vocabulary.nonPolarOpeners.has(word), word).toBe(true);
    }
    for (const word of ['gibt', 'hat', 'bekommen', 'sind'])
      expect(vocabulary.nonPolarOpeners.has(word), word).toBe(false);
  });
});
