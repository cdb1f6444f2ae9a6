// The words the sentence-end rule knows (data/text/satzgrenzen.tsv): abbreviations with a period, sentence openers.
import path from 'node:path';
import { DATA_DIR } from '../paths.ts';
import { loadWordClasses, wordsOf } from './word-classes.ts';

export const BOUNDARY_WORDS_FILE = path.join(DATA_DIR, 'text', 'satzgrenzen.tsv');

const CLASSES = ['abbreviation', 'opener'] as const;

export interface BoundaryWords {
  /** Lower case, without the period: "nr", "abs", "usw". */
  abbreviations: ReadonlySet<string>;
  /** Lower case: words that open a sentence even after a small number or an abbreviation ("die", "dabei"). */
  openers: ReadonlySet<string>;
}

let bundled: BoundaryWords | undefined;

/** The bundled lists, read on first use: sentence splitting is synchronous and runs in every stage. */
export function bundledBoundaryWords(): BoundaryWords {
  if (bundled === undefined) {
    const words = loadWordClasses(BOUNDARY_WORDS_FILE, 'the sentence boundary words', CLASSES);
    bundled = {
      abbreviations: new Set(wordsOf(words, 'abbreviation')),
      openers: new Set(wordsOf(words, 'opener')),
    };
  }
  return bundled;
}
