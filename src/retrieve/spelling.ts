// Spelling correction of a query against the words the corpus uses: a word the index does not know ("Zuverlässig-
// keitsüberprüfng", "abschiebehaeftlinge") is replaced by the closest corpus word, for a lower-weighted match and a
// "Meinten Sie …?" suggestion. Edit distances come from MiniSearch's SearchableMap (a radix tree searched with a
// Levenshtein bound), through its public API.
import SearchableMap from 'minisearch/SearchableMap';
import type { VocabularyEntry } from '../analysis/index.ts';

export interface Correction {
  /** The word as the query wrote it, and its offsets there. */
  from: string;
  start: number;
  end: number;
  /** The corpus word as the corpus writes it. */
  to: string;
  /** Edits between them (an umlaut written as ae/oe/ue, or ß as ss, counts 0). */
  distance: number;
}

export interface SpellingSuggestion {
  /** The query with every correction applied. */
  text: string;
  corrections: Correction[];
}

export interface SpellingCorrector {
  /** Undefined when every word is known (or cannot be corrected). */
  suggest(query: string): SpellingSuggestion | undefined;
}

export interface SpellingCorrectorOptions {
  vocabulary: readonly VocabularyEntry[];
  /** Whether a lower-cased word is valid German even though the corpus lacks it (it is then left alone). */
  isKnownWord: (word: string) => boolean;
  /**
   * Compound parts of a lower-cased word (empty when it is none). A word that splits into parts of four letters or
   * more is taken for a real compound the corpus lacks and left alone; its parts find what they can.
   */
  decompound?: (word: string) => readonly string[];
  /**
   * The stem of a lower-cased word (Snowball). A word with the stem of a corpus word is an inflected form of it
   * ("Finanzströmen" beside "Finanzströme") and left alone. Default: none (every unknown form is checked).
   */
  stem?: (word: string) => string;
  /** Queries this says are English are left alone (their words are not German misspellings). */
  isEnglish?: (text: string) => boolean;
  /** Shorter words are never corrected (default 4): too many real words lie one edit apart. */
  minLength?: number;
  /** Words of at least this many letters may be two edits away, shorter ones one (default 8). */
  twoEditsFrom?: number;
}

const WORD = /\p{L}+/gu;

/** Case and plural endings of German nouns and adjectives. */
const ENDINGS = ['n', 'e', 's', 'en', 'em', 'er', 'es', 'ern'];

interface BaseForm {
  entry: VocabularyEntry;
  /** The ending taken off; a shorter one is the likelier base ("kontrolle" before "kontroll"). */
  ending: string;
}

/** The word, and the word with umlauts (and then ß) as typed on a keyboard without them: "aerztlich", "Strasse". */
function spellings(word: string): string[] {
  const umlauts = word
    .replace(/(?<![aeiouq])ae/g, 'ä')
    .replace(/(?<![aeiouq])oe/g, 'ö')
    .replace(/(?<![aeiouq])ue/g, 'ü');
  return [...new Set([word, umlauts, umlauts.replace(/ss/g, 'ß')])];
}

export function createSpellingCorrector(options: SpellingCorrectorOptions): SpellingCorrector {
  const { vocabulary, isKnownWord, isEnglish, decompound, stem, minLength = 4, twoEditsFrom = 8 } = options;
  const corpusStems = new Set(stem ? vocabulary.map(([surface]) => stem(surface.toLowerCase())) : []);
  const isCompound = (word: string) => {
    const parts = decompound?.(word) ?? [];
    return parts.length > 1 && parts.every((part) => part.length >= 4);
  };
  const words = new SearchableMap<VocabularyEntry>();
  for (const entry of vocabulary) words.set(entry[0].toLowerCase(), entry);
  // A word is also found under its form without a case or plural ending, so that a misspelt singular reaches a word
  // the corpus only has in the plural ("…prüfng" → "…prüfung", written "…prüfungen"); the suggestion is that form.
  const baseForms = new SearchableMap<BaseForm>();
  for (const entry of vocabulary) {
    const lower = entry[0].toLowerCase();
    for (const ending of ENDINGS) {
      if (!lower.endsWith(ending) || lower.length - ending.length < minLength) continue;
      const base = lower.slice(0, -ending.length);
      const known = baseForms.get(base);
      if (words.has(base) || (known && known.ending.length <= ending.length)) continue;
      baseForms.set(base, { entry: [entry[0].slice(0, -ending.length), entry[1]], ending });
    }
  }

  function correct(word: string): { to: string; distance: number } | undefined {
    const lower = word.toLowerCase();
    if (lower.length < minLength || words.has(lower)) return undefined;
    // An acronym ("BKA") or a name written in capitals is no misspelling of a word.
    if (word.length > 1 && word === word.toUpperCase()) return undefined;
    const variants = spellings(lower);
    for (const variant of variants.slice(1)) {
      const exact = words.get(variant);
      if (exact) return { to: exact[0], distance: 0 };
    }
    if (stem && variants.some((variant) => corpusStems.has(stem(variant)))) return undefined;
    if (variants.some((variant) => isKnownWord(variant) || isCompound(variant))) return undefined;
    const limit = lower.length >= twoEditsFrom ? 2 : 1;
    // Best: fewest edits, then a word as the corpus writes it before a form without an ending, then the most used.
    let best: { entry: VocabularyEntry; distance: number; rank: number } | undefined;
    const candidates = variants.flatMap((variant) => [
      ...[...words.fuzzyGet(variant, limit).values()].map(([entry, distance]) => ({
        entry,
        distance,
        rank: 0,
      })),
      ...[...baseForms.fuzzyGet(variant, limit).values()].map(([base, distance]) => ({
        entry: base.entry,
        distance,
        rank: base.ending.length,
      })),
    ]);
    for (const candidate of candidates) {
      if (
        !best ||
        candidate.distance < best.distance ||
        (candidate.distance === best.distance &&
          (candidate.rank < best.rank ||
            (candidate.rank === best.rank && candidate.entry[1] > best.entry[1])))
      ) {
        best = candidate;
      }
    }
    // An inflected form of a corpus word ("Grenzkontrolle" for "Grenzkontrollen") needs no correction.
    if (!best || best.entry[0].toLowerCase() === lower) return undefined;
    return { to: best.entry[0], distance: best.distance };
  }

  return {
    suggest(query: string): SpellingSuggestion | undefined {
      if (isEnglish?.(query)) return undefined;
      const corrections: Correction[] = [];
      for (const match of query.matchAll(WORD)) {
        const from = match[0];
        const start = match.index ?? 0;
        const found = correct(from);
        if (!found) continue;
        // Keep the query's capital at the start of a word the corpus writes in lower case.
        const first = from[0] ?? '';
        const to =
          first !== first.toLowerCase() && found.to[0] === found.to[0]?.toLowerCase()
            ? `${found.to[0]?.toUpperCase() ?? ''}${found.to.slice(1)}`
            : found.to;
        corrections.push({ from, start, end: start + from.length, to, distance: found.distance });
      }
      if (corrections.length === 0) return undefined;
      let text = query;
      for (const correction of [...corrections].reverse()) {
        text = `${text.slice(0, correction.start)}${correction.to}${text.slice(correction.end)}`;
      }
      return { text, corrections };
    },
  };
}
