// Whether a lower-cased word is German as the word list knows it: what spelling correction leaves alone.
import { WORD_STANDALONE, type WordList } from './word-list.ts';

/** Verb prefixes and particles (Duden, "Verbzusätze"), longest first. */
const VERB_PREFIXES = [
  'zurück',
  'voran',
  'hinzu',
  'herbei',
  'durch',
  'unter',
  'wider',
  'miss',
  'nach',
  'über',
  'ent',
  'ver',
  'zer',
  'auf',
  'aus',
  'ein',
  'mit',
  'vor',
  'weg',
  'ab',
  'an',
  'be',
  'er',
  'ge',
  'um',
  'zu',
];

/** Endings of finite verb forms and participles ("berichtet", "prüfst", "räumte", "geprüft" needs its prefix). */
const VERB_ENDINGS = ['est', 'et', 'st', 't', 'ten', 'tet', 'te', 'e'];

export interface KnownWordsOptions {
  words: WordList;
  stem: (word: string) => string;
  isStopWord: (word: string) => boolean;
}

/**
 * A word form of the list of its own, a form sharing its stem with one, a form of a verb it lists ("berichtet"), a
 * prefixed such verb ("verbieten"), or a function word. Compounds are not checked (see decompound).
 */
export function createKnownWords(options: KnownWordsOptions): (word: string) => boolean {
  const { words, stem, isStopWord } = options;
  /** Stems of every word of the list, built on the first check (about 150 ms). */
  let dictionaryStems: Set<string> | undefined;
  const standalone = (form: string) => ((words.get(form) ?? 0) & WORD_STANDALONE) !== 0;
  // The list gives verbs by their infinitive: "steht", "berichtet", "räumt" are forms of "-en" verbs.
  const isVerbForm = (form: string) =>
    standalone(form) ||
    VERB_ENDINGS.some((ending) => {
      if (!form.endsWith(ending) || form.length - ending.length < 3) return false;
      const verbStem = form.slice(0, -ending.length);
      return standalone(`${verbStem}en`) || standalone(`${verbStem}n`);
    });
  return (word) => {
    if (isStopWord(word) || standalone(word)) return true;
    // Inflected forms the list lacks ("Beschlüsse", "neues") share their Snowball stem with a listed word.
    dictionaryStems ??= new Set(
      [...words].filter(([, flags]) => (flags & WORD_STANDALONE) !== 0).map(([form]) => stem(form)),
    );
    if (dictionaryStems.has(stem(word))) return true;
    if (isVerbForm(word)) return true;
    // It has few prefixed verbs: "verbieten" is "bieten" with "ver-".
    const prefix = VERB_PREFIXES.find(
      (candidate) => word.startsWith(candidate) && word.length - candidate.length >= 4,
    );
    return prefix !== undefined && isVerbForm(word.slice(prefix.length));
  };
}
