// Reads the bundled word lists of data/ ("language<TAB>class<TAB>word" lines), the one format of every word class file.
import { readBundledFileSync } from '../bundled-file.ts';
import { BeschlussError } from '../errors.ts';

/** The languages the assistant reads and answers in. */
export type Language = 'de' | 'en';

export const LANGUAGES: readonly Language[] = ['de', 'en'];

export interface ClassifiedWord<Class extends string> {
  language: Language;
  wordClass: Class;
  /** Lower case; a fixed phrase keeps its spaces. */
  word: string;
}

/** The lines of a word class file; blank lines and '#' comments are skipped, anything else malformed is an error. */
export function parseWordClasses<Class extends string>(
  text: string,
  file: string,
  classes: readonly Class[],
): ClassifiedWord<Class>[] {
  const known = new Set<string>(classes);
  const words: ClassifiedWord<Class>[] = [];
  for (const [index, line] of text.split(/\r?\n/).entries()) {
    if (line.trim() === '' || line.startsWith('#')) continue;
    const [language, wordClass, word, ...rest] = line.split('\t');
    if ((language !== 'de' && language !== 'en') || !known.has(wordClass ?? '') || !word || rest.length > 0) {
      // The files ship with the project: a bad line is a fault of the installation, not of a request.
      throw new BeschlussError(
        'INTERNAL',
        `${file} line ${index + 1}: expected "de|en<TAB>class<TAB>word" with a class of ${classes.join(', ')}, got "${line}"`,
        { details: { file, line: index + 1 } },
      );
    }
    words.push({ language, wordClass: wordClass as Class, word: word.trim().toLowerCase() });
  }
  return words;
}

/** Reads and parses a bundled word class file; `what` names it in the error when it is missing. */
export function loadWordClasses<Class extends string>(
  file: string,
  what: string,
  classes: readonly Class[],
): ClassifiedWord<Class>[] {
  return parseWordClasses(readBundledFileSync(file, what).toString('utf8'), file, classes);
}

/** The words of one class, of one language or of both, in file order. */
export function wordsOf<Class extends string>(
  words: readonly ClassifiedWord<Class>[],
  wordClass: Class,
  language?: Language,
): string[] {
  return words
    .filter(
      (entry) => entry.wordClass === wordClass && (language === undefined || entry.language === language),
    )
    .map((entry) => entry.word);
}
