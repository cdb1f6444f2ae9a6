// The one language detector (German or English) for queries, questions, answers and passages alike.
import type { Language } from '../text/index.ts';
import { bundledFunctionWords, type FunctionWords } from './function-words.ts';
import { tokenize } from './tokenize.ts';

export type { Language } from '../text/index.ts';

/** Content-word evidence from a lexicon's dictionaries. */
export interface LanguageDictionary {
  /** Whether a lower-cased word is an English headword (Ding). */
  isEnglishWord(word: string): boolean;
  /** Whether a lower-cased word is German as the word list knows it (a form of its own, or a compound of such). */
  isGermanWord(word: string): boolean;
}

/**
 * English when the text's English evidence outweighs its German, else German. Function words of one language only
 * are the strongest evidence (2 each; those both languages share, "in", "so", count for neither); with a
 * dictionary, every other word found in one language's dictionary only counts 1 ("weapons register" is English,
 * "Waffenregister" German). Without a dictionary only function words count: the analyzer passes its lexicon's, and
 * so does everything that answers with it.
 */
export function detectLanguage(
  text: string,
  dictionary?: LanguageDictionary,
  functionWords: FunctionWords = bundledFunctionWords(),
): Language {
  let english = 0;
  let german = 0;
  for (const token of tokenize(text)) {
    if (token.kind !== 'word') continue;
    const word = token.text;
    const englishFunction = functionWords.en.closed.has(word);
    const germanFunction = functionWords.de.closed.has(word);
    if (englishFunction || germanFunction) {
      if (englishFunction && !germanFunction) english += 2;
      if (germanFunction && !englishFunction) german += 2;
      continue;
    }
    if (dictionary === undefined) continue;
    const inEnglish = dictionary.isEnglishWord(word);
    const inGerman = dictionary.isGermanWord(word);
    if (inEnglish && !inGerman) english += 1;
    if (inGerman && !inEnglish) german += 1;
  }
  return english > german ? 'en' : 'de';
}
