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

/**
 * A word written with a hyphen for a part it shares with a neighbouring word (Ergänzungsstrich): "Finanz-" in
 * "Finanz- und Gewerbebehörden" lacks its head, "-auswahl" in "Personalgewinnung und -auswahl" its modifier.
 */
export interface Elision {
  missing: 'head' | 'modifier';
  /** The hyphen segments of the full word that supplies the missing part, lower-cased (["gewerbebehörden"]). */
  partner: readonly string[];
}

export interface Token {
  /** Lower-cased text. */
  text: string;
  kind: TokenKind;
  /** The text as written (for a compound or entity: the whole span). */
  surface: string;
  /** Character offsets in the input. */
  start: number;
  end: number;
  /** Set on the segment next to the dangling hyphen of an elided compound. */
  elision?: Elision;
  /**
   * The completed compounds of an elided word, lower-cased ("finanzbehörden"); set by the analyzer, which knows
   * where the partner's head begins.
   */
  completions?: readonly string[];
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

/** One match of TOKEN_PATTERN: a number, or a word with its hyphens. */
interface Span {
  surface: string;
  start: number;
  /** A hyphen that joins to nothing: "-auswahl" (preceded by a space) or "Finanz-". */
  leadingHyphen: boolean;
  trailingHyphen: boolean;
}

// Words that join the conjuncts of an elision: "Aus- und Fortbildung", "sowohl Finanz- als auch …", "bzw.".
const CONJUNCTIONS = new Set([
  'und',
  'oder',
  'sowie',
  'bzw',
  'beziehungsweise',
  'respektive',
  'resp',
  'bis',
  'als',
  'auch',
  'wie',
  'noch',
  'sondern',
  'u',
  'o',
]);
const MAX_CONJUNCTIONS = 3;
// What may stand between the conjuncts besides conjunctions: spaces, line breaks, commas, "/", "&", "bzw.".
const JOINING_GAP = /^[\s,/&.]*$/u;

const isConjunction = (span: Span) =>
  !span.leadingHyphen && !span.trailingHyphen && CONJUNCTIONS.has(span.surface.toLowerCase());
const isFullWord = (span: Span) =>
  !span.leadingHyphen && !span.trailingHyphen && /^\p{L}/u.test(span.surface) && !isConjunction(span);
const segmentsOf = (span: Span): string[] =>
  span.surface
    .replace(/^-|-$/g, '')
    .split('-')
    .filter((segment) => segment.length > 0)
    .map((segment) => segment.toLowerCase());

/**
 * The full word that an elided word shares a part with, walking from it by `step` (1 forward, -1 backward)
 * over other fragments that share the same word, conjunctions, commas and slashes. At least one conjunction,
 * comma or slash must stand between, which keeps "Gesellschaft -VS-NfD-" and dashes apart.
 */
function partnerOf(spans: Span[], index: number, step: 1 | -1, text: string): Span | undefined {
  const isSibling = (span: Span) =>
    step === 1 ? span.trailingHyphen && !span.leadingHyphen : span.leadingHyphen && !span.trailingHyphen;
  let joined = false;
  let conjunctions = 0;
  for (let at = index + step; at >= 0 && at < spans.length; at += step) {
    const candidate = spans[at] as Span;
    const [left, right] =
      step === 1 ? [spans[at - 1] as Span, candidate] : [candidate, spans[at + 1] as Span];
    const gap = text.slice(left.start + left.surface.length, right.start);
    if (!JOINING_GAP.test(gap)) return undefined;
    joined ||= /[,/&]/.test(gap);
    if (isSibling(candidate)) continue;
    if (!isConjunction(candidate)) return joined && isFullWord(candidate) ? candidate : undefined;
    conjunctions += 1;
    if (conjunctions > MAX_CONJUNCTIONS) return undefined;
    joined = true;
  }
  return undefined;
}

/**
 * Elided words and the full words they share a part with. Forward ("Schreckschuss-, Reizstoff- und
 * Signalwaffen"): the first full word after the chain. Backward ("Waffenhersteller und -händler"): the full word
 * before; the fragment follows a space and starts in lower case, or in capitals after a hyphenated word
 * ("Bund-Länder-Gremien und -Arbeitsgruppen").
 */
function findElisions(spans: Span[], text: string): Map<number, Elision> {
  const elisions = new Map<number, Elision>();
  spans.forEach((span, index) => {
    if (span.trailingHyphen && !span.leadingHyphen && /^\p{L}/u.test(span.surface)) {
      const partner = partnerOf(spans, index, 1, text);
      if (partner !== undefined) elisions.set(index, { missing: 'head', partner: segmentsOf(partner) });
    } else if (span.leadingHyphen && !span.trailingHyphen && /^-\p{L}/u.test(span.surface)) {
      if (span.start > 0 && !/\s/u.test(text[span.start - 1] ?? '')) return;
      const partner = partnerOf(spans, index, -1, text);
      if (partner === undefined) return;
      const segments = segmentsOf(partner);
      if (/^-\p{Lu}/u.test(span.surface) && segments.length < 2) return;
      elisions.set(index, { missing: 'modifier', partner: segments });
    }
  });
  return elisions;
}

function pushParts(tokens: Token[], surface: string, start: number, elision: Elision | undefined): void {
  const leading = surface.startsWith('-') ? 1 : 0;
  const trimmed = surface.slice(leading).replace(/-$/, '');
  if (trimmed.length === 0) return;
  let offset = start + leading;
  const parts = trimmed.split('-');
  // The elision belongs to the segment at the dangling hyphen: "länder" in "Bund-Länder- und Kommunalebene".
  const elidedIndex = elision?.missing === 'modifier' ? 0 : parts.length - 1;
  parts.forEach((part, index) => {
    if (part.length > 0) {
      const token: Token = {
        text: part.toLowerCase(),
        kind: classify(part),
        surface: part,
        start: offset,
        end: offset + part.length,
      };
      if (elision !== undefined && index === elidedIndex) token.elision = elision;
      tokens.push(token);
    }
    offset += part.length + 1;
  });
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
  const spans: Span[] = [];
  for (const match of text.matchAll(TOKEN_PATTERN)) {
    const surface = match[0];
    spans.push({
      surface,
      start: match.index ?? 0,
      leadingHyphen: surface.startsWith('-'),
      trailingHyphen: surface.length > 1 && surface.endsWith('-'),
    });
  }
  const elisions = findElisions(spans, text);
  const tokens: Token[] = [];
  spans.forEach(({ surface, start }, index) => {
    if (NUMBER.test(surface)) {
      tokens.push({
        text: surface.toLowerCase(),
        kind: 'number',
        surface,
        start,
        end: start + surface.length,
      });
    } else {
      pushParts(tokens, surface, start, elisions.get(index));
    }
  });
  const entities = committeeEntities(tokens);
  if (entities.length === 0) return tokens;
  return [...tokens, ...entities].sort((left, right) => left.start - right.start || left.end - right.end);
}
