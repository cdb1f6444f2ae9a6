// Splits German administrative text into tokens: words, numbers, acronyms, hyphen compounds and committee names.

export type TokenKind =
  /** An ordinary word, lower-cased. */
  | 'word'
  /** A number, optionally with one letter ("2b", "86a") or dotted ("29.2"). */
  | 'number'
  /** Two or more capitals, kept as one token ("nwr", "dhpol", "bmi"). */
  | 'acronym'
  /** A Roman numeral written in capitals ("ii", "iv"). */
  | 'roman'
  /** A hyphenated compound with its hyphens removed ("coronavirusimpfverordnung"). */
  | 'compound'
  /** A committee and its number or name ("ak_ii" for "AK II" and "Arbeitskreis II"). */
  | 'entity';

export interface Token {
  /** Lower-cased text. */
  text: string;
  kind: TokenKind;
  /** The text as written (for a compound or entity: the whole span). */
  surface: string;
  /** Character offsets in the input. */
  start: number;
  end: number;
}

// A number may carry one letter ("§ 2b") but not a word ("2020er" is a word).
const TOKEN_PATTERN = /\d+(?:[.,]\d+)*\p{L}?(?![\p{L}\p{N}])|-?[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*-?/gu;
const ROMAN_NUMERAL = /^(?:X{0,3})(?:IX|IV|V?I{0,3})$/;
const NUMBER = /^\d+(?:[.,]\d+)*\p{L}?$/u;

/** Committee words that take a Roman numeral or a capital name after them, with their short form. */
const COMMITTEES: ReadonlyMap<string, string> = new Map([
  ['ak', 'ak'],
  ['arbeitskreis', 'ak'],
  ['arbeitskreises', 'ak'],
  ['ua', 'ua'],
  ['unterausschuss', 'ua'],
  ['unterausschusses', 'ua'],
  ['ag', 'ag'],
  ['arbeitsgruppe', 'ag'],
]);

function isAcronym(part: string): boolean {
  let capitals = 0;
  for (const character of part) {
    if (character !== character.toLowerCase()) capitals += 1;
  }
  return capitals >= 2 && part.length <= 10 && /^\p{Lu}/u.test(part);
}

function classify(part: string): TokenKind {
  if (NUMBER.test(part)) return 'number';
  if (part.length > 0 && ROMAN_NUMERAL.test(part)) return 'roman';
  if (isAcronym(part)) return 'acronym';
  return 'word';
}

function pushParts(tokens: Token[], surface: string, start: number): void {
  const leading = surface.startsWith('-') ? 1 : 0;
  const trimmed = surface.slice(leading).replace(/-$/, '');
  if (trimmed.length === 0) return;
  let offset = start + leading;
  const parts = trimmed.split('-');
  for (const part of parts) {
    if (part.length > 0) {
      tokens.push({
        text: part.toLowerCase(),
        kind: classify(part),
        surface: part,
        start: offset,
        end: offset + part.length,
      });
    }
    offset += part.length + 1;
  }
  const wordParts = parts.filter((part) => part.length > 0 && classify(part) !== 'number');
  if (parts.length > 1 && wordParts.length === parts.length) {
    tokens.push({
      text: parts.join('').toLowerCase(),
      kind: 'compound',
      surface: trimmed,
      start: start + leading,
      end: start + leading + trimmed.length,
    });
  }
}

/** A committee word followed by a Roman numeral or an acronym becomes one more token, e.g. "ak_ii". */
function committeeEntities(tokens: Token[]): Token[] {
  const entities: Token[] = [];
  const plain = tokens.filter((token) => token.kind !== 'compound');
  for (let index = 0; index + 1 < plain.length; index += 1) {
    const head = plain[index] as Token;
    const next = plain[index + 1] as Token;
    const short = COMMITTEES.get(head.text);
    if (short === undefined) continue;
    // "AG" in capitals or a spelled-out committee word; a lower-case "ag" is no committee.
    if (head.text.length === 2 && head.kind !== 'acronym') continue;
    if (next.kind !== 'roman' && next.kind !== 'acronym') continue;
    entities.push({
      text: `${short}_${next.text}`,
      kind: 'entity',
      surface: `${head.surface} ${next.surface}`,
      start: head.start,
      end: next.end,
    });
  }
  return entities;
}

/** Tokens in reading order; compounds and committee entities follow the tokens they are made of. */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const surface = match[0];
    const start = match.index ?? 0;
    if (NUMBER.test(surface)) {
      tokens.push({
        text: surface.toLowerCase(),
        kind: 'number',
        surface,
        start,
        end: start + surface.length,
      });
    } else {
      pushParts(tokens, surface, start);
    }
  }
  const entities = committeeEntities(tokens);
  if (entities.length === 0) return tokens;
  return [...tokens, ...entities].sort((left, right) => left.start - right.start || left.end - right.end);
}
