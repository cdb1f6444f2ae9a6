// Public surface of plain-text conventions shared by every stage: sentence ends, sentences, word class files.
export { endsSentence, isAbbreviation, isSentenceEnd, periodEndsSentence } from './sentence-end.ts';
export { type Sentence, splitSentences } from './sentences.ts';
export {
  type ClassifiedWord,
  LANGUAGES,
  type Language,
  loadWordClasses,
  parseWordClasses,
  wordsOf,
} from './word-classes.ts';
