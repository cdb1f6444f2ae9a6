// OpenThesaurus synonym sets, looked up by a single-word entry in its written form or an inflected form of it.
import { BeschlussError } from '../errors.ts';

export interface ThesaurusOptions {
  /** The thesaurus text: one synonym set per line, entries separated by ';', '#' starts a comment. */
  text: string;
  /** Where the text came from, for error messages. */
  file?: string;
  /**
   * Sets with more members than this are not used. Default 16. Large sets in OpenThesaurus are mostly broad
   * colloquial clusters ("machen", "gut", "Mensch") whose members share one loose sense at best.
   */
  maxSetSize?: number;
  /**
   * A word found in more sets than this gets no synonyms at all. Default 5. Such words are generic or highly
   * polysemous ("Lage", "machen", "gut"); expanding them links unrelated senses.
   */
  maxSetsPerWord?: number;
}

export interface Thesaurus {
  /**
   * Ids of the usable synonym sets of a lower-cased word (empty when none, or when it is too ambiguous). An
   * inflected form ("böllern") finds its entry ("böller") by removing a case or plural ending.
   */
  setsOf(word: string): readonly number[];
  /** The entries of one set, annotations removed ("Böller", "Knallkörper", "Kracher"). */
  members(setId: number): readonly string[];
  /** Number of usable sets. */
  readonly size: number;
}

// Annotations in parentheses are register or usage notes ("(ugs.)", "(fachspr.)") or optional context words.
const ANNOTATION = /\([^)]*\)/g;
const OFFENSIVE = /\((?:vulg\.|derb)\)/;

function cleanEntry(raw: string): string | undefined {
  if (OFFENSIVE.test(raw)) return undefined;
  const entry = raw.replace(ANNOTATION, ' ').replace(/\s+/g, ' ').trim();
  if (entry.length < 2 || entry.endsWith('...') || entry.endsWith('…')) return undefined;
  return entry;
}

/*
 * Keys are written forms, not stems: the Snowball stemmer folds umlauts, which would merge "Böller" with
 * "Bolle" and "Bulle" and give a word the synonyms of another.
 */
function keyOf(entry: string): string | undefined {
  if (entry.includes(' ')) return undefined;
  const word = entry.toLowerCase().replace(/-/g, '');
  if (!/^[\p{L}]+$/u.test(word)) return undefined;
  return word;
}

const ENDINGS = ['n', 'en', 's', 'es', 'e', 'er', 'ern', 'ns', 'em'];

export function parseThesaurus(options: ThesaurusOptions): Thesaurus {
  const { text, file = 'thesaurus', maxSetSize = 16, maxSetsPerWord = 5 } = options;
  const sets: string[][] = [];
  const setsByWord = new Map<string, number[]>();
  for (const line of text.split('\n')) {
    if (line.length === 0 || line.startsWith('#')) continue;
    const members: string[] = [];
    for (const raw of line.split(';')) {
      const entry = cleanEntry(raw);
      if (entry !== undefined && !members.includes(entry)) members.push(entry);
    }
    if (members.length < 2 || members.length > maxSetSize) continue;
    const id = sets.length;
    sets.push(members);
    const seen = new Set<string>();
    for (const member of members) {
      const key = keyOf(member);
      if (key === undefined || key.length < 3 || seen.has(key)) continue;
      seen.add(key);
      const list = setsByWord.get(key);
      if (list === undefined) setsByWord.set(key, [id]);
      else list.push(id);
    }
  }
  if (sets.length === 0) {
    throw new BeschlussError('FILE_EMPTY', `Expected synonym sets ("a;b;c" lines) in ${file}, found none`, {
      details: { file },
    });
  }
  const none: readonly number[] = Object.freeze([]);
  return {
    setsOf(word: string): readonly number[] {
      let list = setsByWord.get(word);
      for (const ending of ENDINGS) {
        if (list !== undefined) break;
        if (word.length - ending.length >= 3 && word.endsWith(ending)) {
          list = setsByWord.get(word.slice(0, word.length - ending.length));
        }
      }
      if (list === undefined || list.length > maxSetsPerWord) return none;
      return list;
    },
    members(setId: number): readonly string[] {
      return sets[setId] ?? [];
    },
    size: sets.length,
  };
}
