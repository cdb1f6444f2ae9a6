// Splits German compounds into known words, handling linking elements (-s-, -es-, -n-, -en-, -er-, -e-).
import { BoundedCache } from './bounded-cache.ts';
import { WORD_COMPOUND_PART, WORD_NOUN, WORD_STANDALONE, type WordList } from './word-list.ts';

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
  /** "impfung" → "impf" when the verb ("impfen") or the compound form ("impf") is known; otherwise undefined. */
  derivationRoot(word: string): string | undefined;
}

interface Piece {
  /** Offsets of the piece in the word, linking element included. */
  start: number;
  end: number;
  lemma: string;
}

const NOT_A_COMPOUND: Decomposition = Object.freeze({ parts: [], spans: [] }) as Decomposition;
// Longest first, so that "bundes" gives "bund", not the dative "bunde".
const LINKING_ELEMENTS = ['es', 'en', 'er', 'ns', 's', 'n', 'e'];
const INFLECTION_ENDINGS = ['e', 'en', 'n', 's', 'es', 'er', 'ern', 'em', 'r', 'ns'];
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
  const cache = new BoundedCache<string, Decomposition>(cacheSize);

  const flagsOf = (form: string): number => words.get(form) ?? 0;

  /** The lemma of a non-final piece, or undefined when it is no known compound part. */
  function modifierLemma(piece: string): string | undefined {
    if (NOT_A_MODIFIER.has(piece)) return undefined;
    const flags = flagsOf(piece);
    for (const link of LINKING_ELEMENTS) {
      if (!piece.endsWith(link)) continue;
      const base = piece.slice(0, piece.length - link.length);
      if (base.length < minPartLength || NOT_A_MODIFIER.has(base)) continue;
      const baseFlags = flagsOf(base);
      // "bundes" → "bund", "katastrophen" → "katastrophe"; but "lage" in "Lagebericht" stays, "lag" is no noun.
      const nounBase = (baseFlags & WORD_STANDALONE) !== 0 && (baseFlags & WORD_NOUN) !== 0;
      if (nounBase || (!(flags & WORD_STANDALONE) && baseFlags & WORD_STANDALONE)) return base;
    }
    return flags !== 0 ? piece : undefined;
  }

  /** The lemma of a final piece (inflection removed when that gives a known word), or undefined. */
  function headLemma(piece: string): string | undefined {
    if (NOT_A_HEAD.has(piece)) return undefined;
    if (flagsOf(piece) & WORD_STANDALONE) return piece;
    for (const ending of INFLECTION_ENDINGS) {
      if (!piece.endsWith(ending)) continue;
      const base = piece.slice(0, piece.length - ending.length);
      if (base.length >= minPartLength && !NOT_A_HEAD.has(base) && flagsOf(base) & WORD_STANDALONE)
        return base;
    }
    return undefined;
  }

  /** Fewest pieces first, then the most even lengths (longest shortest piece). */
  function better(candidate: Piece[], current: Piece[] | undefined): boolean {
    if (current === undefined) return true;
    if (candidate.length !== current.length) return candidate.length < current.length;
    const shortest = (pieces: Piece[]) => Math.min(...pieces.map((piece) => piece.end - piece.start));
    return shortest(candidate) > shortest(current);
  }

  function segment(word: string, minimum: number): Piece[] | undefined {
    const memo = new Map<number, Piece[] | null>();
    const solve = (start: number): Piece[] | undefined => {
      const known = memo.get(start);
      if (known !== undefined) return known ?? undefined;
      let best: Piece[] | undefined;
      const remaining = word.length - start;
      if (start > 0 && remaining >= minimum) {
        const lemma = headLemma(word.slice(start));
        if (lemma !== undefined) best = [{ start, end: word.length, lemma }];
      }
      for (let end = start + minimum; end <= word.length - minimum; end += 1) {
        const lemma = modifierLemma(word.slice(start, end));
        if (lemma === undefined) continue;
        const rest = solve(end);
        if (rest === undefined) continue;
        const candidate = [{ start, end, lemma }, ...rest];
        if (better(candidate, best)) best = candidate;
      }
      memo.set(start, best ?? null);
      return best;
    };
    return solve(0);
  }

  /** An unknown first part (a name, a new word: "corona|virus") before a known noun head. */
  function segmentWithUnknownModifier(word: string): Piece[] | undefined {
    let best: Piece[] | undefined;
    for (let end = 4; end <= word.length - 4; end += 1) {
      const head = headLemma(word.slice(end));
      if (head === undefined || !(flagsOf(head) & WORD_NOUN)) continue;
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

  function compute(word: string): Decomposition {
    if (word.length < 2 * minPartLength || word.length > MAX_WORD_LENGTH || !LETTERS_ONLY.test(word)) {
      return NOT_A_COMPOUND;
    }
    const knownWord = (flagsOf(word) & WORD_STANDALONE) !== 0;
    // A word the dictionary knows as a whole is split only into longer parts, which keeps "Beamtinnen" whole.
    const pieces = segment(word, knownWord ? minPartLength + 1 : minPartLength);
    if (pieces !== undefined && pieces.length > 1) return toDecomposition(word, pieces);
    if (knownWord || headLemma(word) !== undefined) return NOT_A_COMPOUND;
    const guessed = segmentWithUnknownModifier(word);
    return guessed === undefined ? NOT_A_COMPOUND : toDecomposition(word, guessed);
  }

  return {
    decompound(word: string): Decomposition {
      return cache.getOrCompute(word.toLowerCase(), compute);
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
