// Splits German compounds into known words, handling linking elements (-s-, -es-, -n-, -en-, -er-, -e-).
import { BoundedCache } from './bounded-cache.ts';
import {
  WORD_COMPOUND_PART,
  WORD_LOWERCASE,
  WORD_NOUN,
  WORD_STANDALONE,
  WORD_VERB,
  type WordList,
} from './word-list.ts';

export interface Decomposition {
  /** The parts in order, lower-cased, linking elements removed: "verfassungsschutz" → verfassung, schutz. */
  parts: string[];
  /** Adjacent parts joined, other than the whole word: "silvesterfeuerwerk" (silvester|feuer|werk) → feuerwerk. */
  spans: string[];
}

export interface DecompounderOptions {
  words: WordList;
  /** Shortest part accepted. Default 3. */
  minPartLength?: number;
  /** Decompositions kept in memory. Default 50 000. */
  cacheSize?: number;
}

export interface Decompounder {
  decompound(word: string): Decomposition;
  /**
   * Offsets in the lower-cased word where its parts after the first begin: "gewerbebehörden" → [7],
   * "schreckschusswaffen" → [7, 13]. A word that is no compound gives the start of its longest final word, if it
   * has one ("fortbildung" → [4], "ausreise" → [3]), since an elision ("Aus- und Fortbildung") shares exactly that.
   */
  partStarts(word: string): readonly number[];
  /** "impfung" → "impf" when the verb ("impfen") or the compound form ("impf") is known; otherwise undefined. */
  derivationRoot(word: string): string | undefined;
}

interface Piece {
  /** Offsets of the piece in the word, linking element included. */
  start: number;
  end: number;
  lemma: string;
}

interface Analysis {
  decomposition: Decomposition;
  starts: readonly number[];
}

const NOT_A_COMPOUND: Decomposition = Object.freeze({ parts: [], spans: [] }) as Decomposition;
const NO_ANALYSIS: Analysis = Object.freeze({ decomposition: NOT_A_COMPOUND, starts: [] });
// Longest first, so that "bundes" gives "bund", not the dative "bunde".
const LINKING_ELEMENTS = ['es', 'en', 'er', 'ns', 's', 'n', 'e'];
const INFLECTION_ENDINGS = ['e', 'en', 'n', 's', 'es', 'er', 'ern', 'em', 'r', 'ns'];
// "-n-" and "-ns-" follow a stem in -e, -el or -er ("Katastrophe|n", "Friede|ns", "Bauer|n"), never "Maß|n|ahmen".
const N_LINK_BASE = /(?:e|el|er)$/;
// Plural and case endings after an umlauted stem: "Unfällen" is a form of "Unfall", "Kräfte" of "Kraft".
const UMLAUT_PLURAL = /^(.*)(ä|ö|ü|äu)([^äöüaeiou]*)(?:e|en|er|ern)$/;
const UMLAUT_BASE: Readonly<Record<string, string>> = { ä: 'a', ö: 'o', ü: 'u', äu: 'au' };
// A present participle ("vorbeugenden", "flächendeckende"): a verb stem, "end", an adjective ending.
const PARTICIPLE = /^(.{2,}?)end(?:e|en|er|em|es)?$/;
const ENDE_HEAD = /^end(?:e|en|er|em|es)?$/;
// A past participle ("verlängerten", "verletzte", "organisiert"): a prefixed or -ier- verb stem, "t", an ending.
const PAST_PARTICIPLE = /^(.{3,}?)t(?:e|en|er|em|es)?$/;
const PARTICIPLE_PREFIX = /^(?:ge|be|er|ver|zer|ent|emp|miss|über|unter|durch|hinter|wider)|ier$/;
// An unknown modifier ending in a verb prefix took the head's prefix: "bestandsmit|teilungen", "schwerver|letzt".
const PREFIX_AT_END = /(?:mit|ver|über|unter|ent|zer|be|ge|er)$/;
// The "zu" inside the infinitive of a separable verb: "festzulegen" is "festlegen", "abzuschieben" "abschieben".
const ZU_INFINITIVE = /^(.{2,}?)zu(.{3,}(?:en|ern|eln))$/;
const SEPARABLE_ADVERBS = new Set([
  'fest',
  'frei',
  'statt',
  'teil',
  'bereit',
  'sicher',
  'zusammen',
  'fertig',
  'offen',
]);
/* Articles and pronouns are never part of a compound; inflection endings after a verb stem look like them
 * ("vorbeugen|den", "bestehen|der"). */
const FUNCTION_WORDS = new Set([
  'der',
  'die',
  'das',
  'den',
  'dem',
  'des',
  'ein',
  'eine',
  'einen',
  'einem',
  'einer',
  'eines',
  'ich',
  'du',
  'er',
  'sie',
  'es',
  'wir',
  'ihr',
  'ihm',
  'ihn',
  'ihnen',
  'uns',
  'euch',
  'mich',
  'dich',
  'sich',
  'mir',
  'dir',
  'man',
  'wer',
  'wen',
  'wem',
  'was',
]);
/* Verb particles and prefixes are words of their own ("aus", "ein"), but "Einsatz" is no "Satz"; derivational
 * suffixes are words too ("Schaft", "Haft", "Bar"), but "Bereitschaft" is no kind of shaft. */
const NOT_A_MODIFIER = new Set([
  'ab',
  'an',
  'auf',
  'aus',
  'bei',
  'ein',
  'mit',
  'nach',
  'vor',
  'zu',
  'über',
  'unter',
  'um',
  'durch',
  'gegen',
  'wider',
  'hinter',
  'dar',
  'her',
  'hin',
  'ent',
  'ver',
  'zer',
  'miss',
  'los',
  'fort',
  'weg',
  'vorbei',
  'voran',
  'heran',
  'heraus',
  'herein',
  'hinaus',
  'zurück',
  'entgegen',
  'weiter',
  'wieder',
  'nieder',
  'empor',
  'bevor',
]);
const NOT_A_HEAD = new Set([
  'innen',
  'schaft',
  'schaften',
  'haft',
  'haften',
  'bar',
  'bare',
  'baren',
  'sam',
  'tum',
  'heit',
  'keit',
  'ung',
  'chen',
  'lein',
  'nis',
  'ling',
  'lich',
  'ich',
  'ion',
  'ionen',
  'ist',
  'isten',
  'ismus',
  'arisch',
  'ren',
  'ier',
  'ieren',
  'ern',
  'enz',
  'anz',
  'tät',
  'ität',
  'ungen',
  'heiten',
  'keiten',
  'los',
  'lose',
  'losen',
  'erin',
  'erinnen',
]);
const LETTERS_ONLY = /^[a-zäöüß]+$/;
const MAX_WORD_LENGTH = 64;

export function createDecompounder(options: DecompounderOptions): Decompounder {
  const { words, minPartLength = 3, cacheSize = 50_000 } = options;
  const cache = new BoundedCache<string, Analysis>(cacheSize);

  const flagsOf = (form: string): number => words.get(form) ?? 0;

  /** The lemma of a non-final piece, or undefined when it is no known compound part. */
  function modifierLemma(piece: string): string | undefined {
    if (NOT_A_MODIFIER.has(piece) || FUNCTION_WORDS.has(piece)) return undefined;
    const flags = flagsOf(piece);
    for (const link of LINKING_ELEMENTS) {
      if (!piece.endsWith(link)) continue;
      const base = piece.slice(0, piece.length - link.length);
      if (base.length < minPartLength || NOT_A_MODIFIER.has(base)) continue;
      if ((link === 'n' || link === 'ns') && !N_LINK_BASE.test(base)) continue;
      const baseFlags = flagsOf(base);
      /* "bundes" → "bund", "katastrophen" → "katastrophe"; but "lage" in "Lagebericht" stays, "lag" is no noun.
       * Only nouns take a linking element: "gemeinsam" is no "gemein|s|am". */
      if (baseFlags & WORD_STANDALONE && baseFlags & WORD_NOUN) return base;
    }
    return flags !== 0 ? piece : undefined;
  }

  /** The lemma of a final piece (inflection removed when that gives a known word), or undefined. */
  function headLemma(piece: string): string | undefined {
    if (NOT_A_HEAD.has(piece) || FUNCTION_WORDS.has(piece)) return undefined;
    if (flagsOf(piece) & WORD_STANDALONE) return piece;
    for (const ending of INFLECTION_ENDINGS) {
      if (!piece.endsWith(ending)) continue;
      const base = piece.slice(0, piece.length - ending.length);
      if (base.length >= minPartLength && !NOT_A_HEAD.has(base) && flagsOf(base) & WORD_STANDALONE)
        return base;
    }
    const umlaut = UMLAUT_PLURAL.exec(piece);
    if (umlaut !== null) {
      const [, before, vowel, after] = umlaut as unknown as [string, string, string, string];
      const base = `${before}${UMLAUT_BASE[vowel]}${after}`;
      if (base.length >= minPartLength && flagsOf(base) & WORD_NOUN && flagsOf(base) & WORD_STANDALONE)
        return base;
    }
    return participleVerb(piece) ?? prefixedNoun(piece);
  }

  /** A particle before a known noun ("überprüfungen" → "überprüfung", "ausreise"): a derivative, not a compound. */
  function prefixedNoun(piece: string): string | undefined {
    for (let end = 2; end <= Math.min(8, piece.length - minPartLength); end += 1) {
      const particle = piece.slice(0, end);
      if (!NOT_A_MODIFIER.has(particle)) continue;
      const rest = headLemma(piece.slice(end));
      if (rest !== undefined && flagsOf(rest) & WORD_NOUN) return particle + rest;
    }
    return undefined;
  }

  /** The verb of a participle ("deckenden" → "decken", "verletzten" → "verletzen"), when the dictionary knows it. */
  function participleVerb(piece: string): string | undefined {
    const present = PARTICIPLE.exec(piece);
    const past = PAST_PARTICIPLE.exec(piece);
    const stems: string[] = [];
    if (present !== null) stems.push(present[1] as string);
    if (past !== null && PARTICIPLE_PREFIX.test(past[1] as string)) {
      const stem = past[1] as string;
      stems.push(stem);
      if (stem.startsWith('ge')) stems.push(stem.slice(2));
    }
    for (const stem of stems) {
      for (const verb of [`${stem}en`, `${stem}n`]) {
        if (verb.length > minPartLength && flagsOf(verb) & WORD_STANDALONE) return verb;
      }
    }
    return undefined;
  }

  /** "ende" after a verb stem is a participle ending ("aufbau|ende", "lauf|enden"), not the noun "Ende". */
  function isParticipleEnding(word: string, start: number): boolean {
    if (!ENDE_HEAD.test(word.slice(start))) return false;
    for (let from = Math.max(0, start - 12); from <= start - 2; from += 1) {
      const stem = word.slice(from, start);
      if (flagsOf(`${stem}en`) & WORD_STANDALONE || flagsOf(`${stem}n`) & WORD_STANDALONE) return true;
    }
    return false;
  }

  /**
   * Fewest pieces first, then fewest pieces whose lemma is not spelled in the word (an umlaut plural guessed:
   * "gesundheits|ämter", not "gesundheit|sämter" of "Samt"), then the most even lengths (longest shortest piece).
   */
  function better(candidate: Piece[], current: Piece[] | undefined, word: string): boolean {
    if (current === undefined) return true;
    if (candidate.length !== current.length) return candidate.length < current.length;
    const guesses = (pieces: Piece[]) =>
      pieces.filter((piece) => !word.startsWith(piece.lemma, piece.start)).length;
    if (guesses(candidate) !== guesses(current)) return guesses(candidate) < guesses(current);
    const shortest = (pieces: Piece[]) => Math.min(...pieces.map((piece) => piece.end - piece.start));
    return shortest(candidate) > shortest(current);
  }

  /**
   * The fewest known pieces that spell the word, each piece and lemma at least `minimum` long. `nounHead` false:
   * the word is known not to be a noun, so its head is none either (the head decides the word class: "generelle"
   * is no kind of "Elle", "verbessern" none of "Esser").
   */
  function segment(word: string, minimum: number, nounHead = true): Piece[] | undefined {
    const memo = new Map<number, Piece[] | null>();
    const solve = (start: number): Piece[] | undefined => {
      const known = memo.get(start);
      if (known !== undefined) return known ?? undefined;
      let best: Piece[] | undefined;
      const remaining = word.length - start;
      if (start > 0 && remaining >= minimum && !isParticipleEnding(word, start)) {
        const lemma = headLemma(word.slice(start));
        const classAgrees =
          nounHead || lemma === undefined || (flagsOf(lemma) & (WORD_LOWERCASE | WORD_VERB)) !== 0;
        if (lemma !== undefined && classAgrees) best = [{ start, end: word.length, lemma }];
      }
      for (let end = start + minimum; end <= word.length - minimum; end += 1) {
        const lemma = modifierLemma(word.slice(start, end));
        if (lemma === undefined || lemma.length < minimum) continue;
        const rest = solve(end);
        if (rest === undefined) continue;
        const candidate = [{ start, end, lemma }, ...rest];
        if (better(candidate, best, word)) best = candidate;
      }
      memo.set(start, best ?? null);
      return best;
    };
    return solve(0);
  }

  /** An unknown first part (a name, a new word: "corona|virus") before a known noun head. */
  function segmentWithUnknownModifier(word: string): Piece[] | undefined {
    // A particle before a known word makes a derivative ("Ausreise", "Einsatz"), not "ausr|eise".
    for (let end = 2; end <= Math.min(8, word.length - minPartLength); end += 1) {
      if (NOT_A_MODIFIER.has(word.slice(0, end)) && headLemma(word.slice(end)) !== undefined)
        return undefined;
    }
    let best: Piece[] | undefined;
    for (let end = 4; end <= word.length - 4; end += 1) {
      const head = headLemma(word.slice(end));
      if (head === undefined || !(flagsOf(head) & WORD_NOUN) || PREFIX_AT_END.test(word.slice(0, end)))
        continue;
      const candidate = [
        { start: 0, end, lemma: word.slice(0, end) },
        { start: end, end: word.length, lemma: head },
      ];
      // The longest known head wins: "coronavirus" → corona|virus, not coronavi|rus.
      if (best === undefined) best = candidate;
    }
    return best;
  }

  function toDecomposition(word: string, pieces: Piece[]): Decomposition {
    const parts = pieces.map((piece) => piece.lemma);
    const spans: string[] = [];
    for (let first = 0; first < pieces.length; first += 1) {
      for (let last = first + 1; last < pieces.length; last += 1) {
        if (first === 0 && last === pieces.length - 1) continue;
        const lastPiece = pieces[last] as Piece;
        const firstPiece = pieces[first] as Piece;
        const end = last === pieces.length - 1 ? lastPiece.end : lastPiece.start + lastPiece.lemma.length;
        spans.push(word.slice(firstPiece.start, end));
      }
    }
    return { parts, spans };
  }

  function analysisOf(word: string, pieces: Piece[] | undefined): Analysis {
    if (pieces === undefined || pieces.length < 2) return NO_ANALYSIS;
    return {
      decomposition: toDecomposition(word, pieces),
      starts: pieces.slice(1).map((piece) => piece.start),
    };
  }

  /** The start of the longest known final word of a word that is no compound ("fortbildung" → 4). */
  function finalWordStart(word: string): readonly number[] {
    for (let start = 2; start <= word.length - minPartLength; start += 1) {
      if (headLemma(word.slice(start)) !== undefined) return [start];
    }
    return [];
  }

  function compute(word: string): Analysis {
    if (word.length < 2 * minPartLength || word.length > MAX_WORD_LENGTH || !LETTERS_ONLY.test(word)) {
      return NO_ANALYSIS;
    }
    const infinitive = ZU_INFINITIVE.exec(word);
    const separable =
      infinitive !== null &&
      (NOT_A_MODIFIER.has(infinitive[1] as string) || SEPARABLE_ADVERBS.has(infinitive[1] as string));
    if (infinitive !== null && separable) {
      const withoutZu = `${infinitive[1]}${infinitive[2]}`;
      const { decomposition } = cache.getOrCompute(withoutZu, compute);
      if (flagsOf(withoutZu) & WORD_STANDALONE || decomposition.parts.length > 0) {
        return { decomposition, starts: [] };
      }
    }
    // Known as a whole, inflected or not ("elektronischen" is "elektronisch").
    const wholeLemma = headLemma(word);
    const knownWord = wholeLemma !== undefined;
    const wholeFlags = flagsOf(wholeLemma ?? '');
    const nounHead = !knownWord || ((wholeFlags & WORD_NOUN) !== 0 && (wholeFlags & WORD_VERB) === 0);
    // A word the dictionary knows as a whole is split only into longer parts, which keeps "Beamtinnen" whole.
    const pieces = segment(word, knownWord ? minPartLength + 1 : minPartLength, nounHead);
    if (pieces !== undefined && pieces.length > 1) return analysisOf(word, pieces);
    if (knownWord) return NO_ANALYSIS;
    return analysisOf(word, segmentWithUnknownModifier(word));
  }

  const analyze = (word: string): Analysis => cache.getOrCompute(word.toLowerCase(), compute);

  return {
    decompound(word: string): Decomposition {
      return analyze(word).decomposition;
    },
    partStarts(word: string): readonly number[] {
      const lower = word.toLowerCase();
      const { starts } = analyze(lower);
      return starts.length > 0 ? starts : finalWordStart(lower);
    },
    derivationRoot(word: string): string | undefined {
      const lower = word.toLowerCase();
      const match = /^(.{3,}?)ung(?:en)?$/.exec(lower);
      if (match === null) return undefined;
      const base = match[1] as string;
      if (flagsOf(`${base}en`) & WORD_STANDALONE || flagsOf(`${base}n`) & WORD_STANDALONE) return base;
      if (flagsOf(base) & WORD_COMPOUND_PART) return base;
      return undefined;
    },
  };
}
