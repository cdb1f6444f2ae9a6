// Abbreviations: the glossary file, and definitions learned from text ("Nationales Waffenregister (NWR)").
import { BeschlussError } from '../errors.ts';

export interface Abbreviation {
  /** As written: "SN", "BMI", "DHPol". */
  short: string;
  /** Long forms: "Sachsen", "sächsisch". */
  long: string[];
}

/** Parses "SHORT<TAB>long form; other long form" lines; '#' starts a comment. */
export function parseAbbreviations(text: string, file = 'abbreviations'): Abbreviation[] {
  const abbreviations: Abbreviation[] = [];
  text.split('\n').forEach((line, index) => {
    const trimmed = line.trim();
    if (trimmed.length === 0 || trimmed.startsWith('#')) return;
    const [short, longs] = line.split('\t');
    const long = (longs ?? '')
      .split(';')
      .map((entry) => entry.trim())
      .filter((entry) => entry.length > 0);
    if (short === undefined || short.trim().length === 0 || long.length === 0) {
      throw new BeschlussError(
        'FILE_UNSUPPORTED',
        `Expected "ABBREVIATION<TAB>long form; …" in ${file} line ${index + 1}, got "${trimmed.slice(0, 80)}"`,
        { details: { file, line: index + 1 } },
      );
    }
    abbreviations.push({ short: short.trim(), long });
  });
  return abbreviations;
}

export interface DefinitionContext {
  /** Compound parts of a lower-cased word (empty when it is no compound). */
  partsOf: (word: string) => readonly string[];
  isStopWord: (word: string) => boolean;
}

// "(NWR)", "(DHPol)", "(STIKO)": two or more capitals, at most ten letters.
const DEFINED_ACRONYM = /\(([A-ZÄÖÜ][A-Za-zÄÖÜäöüß]{1,9})\)/g;
const WORD = /[\p{L}]+(?:-[\p{L}]+)*/gu;
const MAX_LONG_FORM_WORDS = 8;

function foldDiacritics(text: string): string {
  return text.toLowerCase().normalize('NFD').replace(/\p{M}/gu, '').replace(/ß/g, 'ss');
}

interface CandidateWord {
  surface: string;
  /** The word's parts (the word itself when it is no compound), folded. */
  units: string[];
  stop: boolean;
}

/*
 * Letters of the acronym are matched, in order, against the starts of the words before the parenthesis and of
 * their compound parts: "Nationales Waffen|register" → N, W, R; "Deutsche Hoch|schule der Polizei" → D, H, Pol;
 * "Ständige Impf|kommission" → St, I, Ko. Every content word must give at least its first part; later parts of a
 * compound and function words ("der") may be passed over.
 */
function matches(letters: string, words: CandidateWord[]): boolean {
  const solve = (letter: number, word: number, unit: number): boolean => {
    if (word === words.length) return letter === letters.length;
    const current = words[word] as CandidateWord;
    const next = (unitIndex: number): [number, number] =>
      unitIndex >= current.units.length ? [word + 1, 0] : [word, unitIndex];
    // A function word may be passed over, or give a letter ("Bundesamt für Verfassungsschutz" → BfV).
    if (unit === 0 && current.stop && solve(letter, word + 1, 0)) return true;
    if (unit > 0) {
      const [skipWord, skipUnit] = next(unit + 1);
      if (solve(letter, skipWord, skipUnit)) return true;
    }
    const text = current.units[unit] as string;
    for (let take = 1; letter + take <= letters.length && take <= text.length; take += 1) {
      if (!text.startsWith(letters.slice(letter, letter + take))) break;
      const [nextWord, nextUnit] = next(unit + 1);
      if (solve(letter + take, nextWord, nextUnit)) return true;
    }
    return false;
  };
  return solve(0, 0, 0);
}

/** Acronyms defined in the text by a long form followed by the acronym in parentheses. */
export function findDefinitions(text: string, context: DefinitionContext): Abbreviation[] {
  const found: Abbreviation[] = [];
  for (const match of text.matchAll(DEFINED_ACRONYM)) {
    const short = match[1] as string;
    const capitals = [...short].filter((character) => character !== character.toLowerCase()).length;
    if (capitals < 2) continue;
    const before = text.slice(Math.max(0, (match.index ?? 0) - 200), match.index ?? 0);
    const words = [...before.matchAll(WORD)].map((wordMatch) => wordMatch[0]).slice(-MAX_LONG_FORM_WORDS);
    const candidates: CandidateWord[] = words.map((surface) => {
      const folded = foldDiacritics(surface.replace(/-/g, ''));
      const parts = surface.includes('-')
        ? surface.split('-').flatMap((piece) => {
            const pieceParts = context.partsOf(piece.toLowerCase());
            return pieceParts.length > 0 ? pieceParts.map(foldDiacritics) : [foldDiacritics(piece)];
          })
        : context.partsOf(surface.toLowerCase()).map(foldDiacritics);
      return {
        surface,
        units: parts.length > 0 ? parts : [folded],
        stop: context.isStopWord(surface.toLowerCase()),
      };
    });
    const letters = foldDiacritics(short);
    // The shortest long form that fits: the words right before the parenthesis.
    for (let start = candidates.length - 1; start >= 0; start -= 1) {
      const window = candidates.slice(start);
      if ((window[0] as CandidateWord).stop) continue;
      if (matches(letters, window)) {
        found.push({ short, long: [window.map((word) => word.surface).join(' ')] });
        break;
      }
    }
  }
  return found;
}
