// Where a sentence ends: the one rule (and one abbreviation list) for paragraph numbering, chunks and answers.
import { bundledBoundaryWords } from './boundary-words.ts';

/** Closing quotes and brackets that stay with the sentence they end. */
const CLOSING = `["“”'’)]*`;
/** What must follow a sentence end: space, maybe an opening quote, then a capital or a digit. */
const NEXT_SENTENCE = `\\s+["„“]?[\\p{Lu}\\d]`;
/** Candidate ends in running text; `isSentenceEnd` decides about each period. */
export const SENTENCE_END_CANDIDATE = new RegExp(`[.!?]${CLOSING}(?=${NEXT_SENTENCE})`, 'gu');
// Sticky: matched right after the mark without slicing the text.
const FOLLOWED_BY_SENTENCE = new RegExp(`${CLOSING}${NEXT_SENTENCE}`, 'uy');
const NEXT_WORD = /\s+["„“]?([\p{L}\d]+)/uy;
/** The word before a period with its inner periods ("z.B", "i.V.m", "07.12.20") and its last run ("B", "m", "20"). */
const DOTTED_WORD = /[\p{L}\d]+(?:\.[\p{L}\d]+)*$/u;
const LAST_RUN = /[\p{L}\d]+$/u;
const DOTTED_LETTERS = /^\p{L}{1,4}(?:\.\p{L}{1,4})+$/u;
const SMALL_NUMBER = /^\d{1,2}$/;
/** How far back the word before a period is looked for; no abbreviation or ordinal is longer. */
const LOOK_BACK = 24;

/**
 * Whether a word ending in a period is an abbreviation: a listed one ("Nr.", "Abs.", "usw."), a single letter
 * ("z.", "B.") or letter groups with inner periods ("z.B.", "i.V.m."). Leading brackets and quotes are ignored.
 */
export function isAbbreviation(word: string): boolean {
  const before = word.endsWith('.') ? word.slice(0, -1) : word;
  const dotted = DOTTED_WORD.exec(before)?.[0] ?? '';
  const last = LAST_RUN.exec(before)?.[0] ?? '';
  if (last === '' || /^\d/u.test(last)) return false;
  return (
    /^\p{L}$/u.test(last) ||
    DOTTED_LETTERS.test(dotted) ||
    bundledBoundaryWords().abbreviations.has(last.toLowerCase())
  );
}

/**
 * Whether a period ends the sentence, given the text before it and the word after it (undefined where nothing
 * follows, at a line's end). A small number before it is an ordinal ("2. Halbjahr", "1. SprengV") and an abbreviation
 * goes on ("Nr. 42", "z. B."), unless a typical sentence opener follows: "usw." and "etc." (abbreviations of more
 * than two letters) can end a sentence, and "… im Jahr 2020. 5. Die" is rare while "5. Die" is not. Where nothing
 * follows, a number ends the sentence ("… Herbstsitzung 2021.") and an abbreviation does not.
 */
export function periodEndsSentence(before: string, next: string | undefined): boolean {
  const last = LAST_RUN.exec(before)?.[0] ?? '';
  const opens = next !== undefined && bundledBoundaryWords().openers.has(next.toLowerCase());
  if (SMALL_NUMBER.test(last)) return next === undefined || opens;
  if (isAbbreviation(before)) return last.length > 2 && opens;
  return true;
}

/**
 * Whether the ".", "!" or "?" at `index` ends a sentence in running text: a capital or a digit follows after space
 * (closing quotes stay before it), and a period is no abbreviation's or ordinal's (see periodEndsSentence).
 */
export function isSentenceEnd(text: string, index: number): boolean {
  const mark = text[index];
  if (mark !== '.' && mark !== '!' && mark !== '?') return false;
  FOLLOWED_BY_SENTENCE.lastIndex = index + 1;
  if (!FOLLOWED_BY_SENTENCE.test(text)) return false;
  if (mark !== '.') return true;
  NEXT_WORD.lastIndex = index + 1;
  const next = NEXT_WORD.exec(text)?.[1] ?? '';
  return periodEndsSentence(text.slice(Math.max(0, index - LOOK_BACK), index), next);
}

/**
 * Whether a line ends where a sentence can end: ".", "!", "?", ":" or ";" (maybe before closing quotes or a bracket),
 * a period not being an abbreviation's. The parser asks this of the line before a numbered paragraph.
 */
export function endsSentence(line: string): boolean {
  const match = /([.!?:;])["“”'’)\]]*$/u.exec(line.trimEnd());
  if (!match) return false;
  if (match[1] !== '.') return true;
  return periodEndsSentence(line.slice(0, match.index), undefined);
}
