// German nouns for the synthetic corpora, taken from the OpenThesaurus file the analyzer already ships.
import path from 'node:path';
import { DATA_DIR } from '../src/paths.ts';
import { readTextFile } from '../src/read-text-file.ts';

export const DEFAULT_THESAURUS_FILE = path.join(DATA_DIR, 'thesaurus', 'openthesaurus-de.txt');

const NOUN = /^\p{Lu}\p{Ll}{4,}$/u;

/** Single-word capitalised entries (5+ letters) of OpenThesaurus text, each once, sorted for reproducibility. */
export function nounsOfThesaurus(text: string): string[] {
  const nouns = new Set<string>();
  for (const line of text.split('\n')) {
    if (line.startsWith('#')) continue;
    for (const entry of line.split(';')) {
      const word = entry.trim();
      if (NOUN.test(word)) nouns.add(word);
    }
  }
  return [...nouns].sort();
}

export async function loadNounPool(file: string = DEFAULT_THESAURUS_FILE): Promise<string[]> {
  const text = await readTextFile(
    file,
    () => `Expected the OpenThesaurus file at ${file}, but it cannot be read.`,
  );
  return nounsOfThesaurus(text);
}
