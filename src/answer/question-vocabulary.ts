// The words of asking about resolutions (data/answer/fragewoerter.tsv) joined with the function words they go with.
import path from 'node:path';
import { bundledFunctionWords } from '../analysis/index.ts';
import { DATA_DIR } from '../paths.ts';
import { loadWordClasses, wordsOf } from '../text/index.ts';

export const QUESTION_VOCABULARY_FILE = path.join(DATA_DIR, 'answer', 'fragewoerter.tsv');

const CLASSES = ['frame', 'answer-type', 'kind', 'request'] as const;

export interface QuestionVocabulary {
  /**
   * Words that talk about the resolutions or frame a question rather than name what it is about ("Was hat die IMK
   * beschlossen?"): the frame and answer-type words, question words, particles and auxiliaries of both languages.
   */
  frame: ReadonlySet<string>;
  /** Nouns that only name the kind of answer asked for ("Frist", "Anzahl", "deadline"), by language. */
  answerTypes: { de: ReadonlySet<string>; en: ReadonlySet<string> };
  /** English words after "what"/"which" that frame the question rather than name what it asks about. */
  englishNonFocus: ReadonlySet<string>;
  /**
   * Lower-case first words of a German question that is no yes/no question: question words, prepositions,
   * articles, conjunctions, particles, requests ("Nenne …"); English question words too.
   */
  nonPolarOpeners: ReadonlySet<string>;
}

let bundled: QuestionVocabulary | undefined;

/** The bundled vocabulary, read on first use (question analysis is synchronous). */
export function bundledQuestionVocabulary(): QuestionVocabulary {
  if (bundled !== undefined) return bundled;
  const words = loadWordClasses(QUESTION_VOCABULARY_FILE, 'the question vocabulary', CLASSES);
  const { de, en, forms } = bundledFunctionWords();
  const questionWords = [
    ...forms('question-word'),
    ...forms('question-word-stem'),
    ...forms('pronominal-prefix-ask'),
  ];
  bundled = {
    frame: new Set([
      ...wordsOf(words, 'frame'),
      ...wordsOf(words, 'answer-type'),
      ...questionWords,
      ...forms('particle'),
      ...forms('auxiliary'),
    ]),
    answerTypes: {
      de: new Set(wordsOf(words, 'answer-type', 'de')),
      en: new Set(wordsOf(words, 'answer-type', 'en')),
    },
    englishNonFocus: new Set([...en.forms('auxiliary'), ...en.forms('modal'), ...wordsOf(words, 'kind')]),
    nonPolarOpeners: new Set([
      ...questionWords,
      ...de.forms('preposition'),
      ...de.forms('preposition-pronominal'),
      ...de.forms('article'),
      ...de.forms('conjunction'),
      ...de.forms('particle'),
      ...wordsOf(words, 'request'),
    ]),
  };
  return bundled;
}
