// Finds explicit references in a question: "TOP 21 Ziffer 2", "TOP 50 Nr. 5", "Ziff. 3 von TOP 45", "TOP 7",
// "TOP 6/7 Ziff. 4", "TOP 6 und 7 Ziffer 4", "Protokollnotiz Bayern zu TOP 39", "IMK 10.12.2020, TOP 23 Ziff. 2",
// "Was gab Hamburg zu Protokoll?".
import { allLabelNames, labelCode } from './laender.ts';

export interface Reference {
  /** Span of the question the reference was read from. */
  start: number;
  end: number;
  /** ISO date when the reference names its meeting ("IMK 10.12.2020, …", "… vom 10.12.2020"). */
  date?: string;
  /** "46", "29.2", "7", "6/7" (a combined item); undefined for a bare "Ziffer 3" or a note reference without TOP. */
  top?: string;
  /** Paragraph number "8". */
  para?: string;
  /** Set when the reference is to Protokollnotizen: the codes of the Länder named (empty = any note). */
  noteBy?: string[];
}

const TOP_WORD = String.raw`(?:TOP|Tagesordnungspunkt(?:es|s)?|agenda\s+item|item)`;
const TOP_NUMBER = String.raw`(\d+(?:\.\d+)?)`;
const PARA_WORD = String.raw`(?:Ziffer|Ziff\.?|Nr\.?|Nummer|Absatz|Abs\.?|Punkt|paragraph|para\.?|point|no\.?)`;
const LINK_WORD = '(?:von|zu|in|im|des|der|aus|bei|of|in|from|under)';

/**
 * The second number of a combined item as the page and the answers print it ("6/7") or as staff write it
 * ("6 und 7", "6 u. 7"); after "und" only when a paragraph word, a link word or the end follows, so that
 * "TOP 3 und 5 Länder" is not read as one item.
 */
const SECOND_TOP = String.raw`(?:\s*\/\s*(\d+(?:\.\d+)?)|\s+(?:und|u\.)\s+(\d+(?:\.\d+)?)(?=\s*(?:$|[,.;:?!)\]]|\s(?:${PARA_WORD}|${LINK_WORD}|Protokollnotiz)\b)))`;

const TOP_PATTERN = new RegExp(
  String.raw`\b${TOP_WORD}\s*(?:Nr\.\s*)?${TOP_NUMBER}(?:${SECOND_TOP})?(?![\d.]*\d)`,
  'giu',
);
const PARA_AFTER = new RegExp(
  String.raw`^\s*(?:,\s*|\s)(?:(?:der|des|im|in)\s+Beschlusse?s?\s*,?\s*)?${PARA_WORD}\s*(\d+)\b`,
  'iu',
);
const PARA_BEFORE = new RegExp(
  String.raw`\b${PARA_WORD}\s*(\d+)\s+${LINK_WORD}\s+(?:(?:dem|den)\s+)?(?:Beschlusse?s?\s+(?:zu|von)\s+)?$`,
  'iu',
);
const BARE_PARA = /\b(?:Ziffer|Ziff\.|Nummer|Absatz|Abs\.|paragraph)\s*(\d+)\b/giu;
const NOTE_WORD =
  /\b(?:Protokollnotiz(?:en)?|zu\s+Protokoll|protocol\s+notes?|note\s+for\s+the\s+record|on\s+record)\b/giu;
const MEETING_DATE =
  /\b(?:IMK|JuMiKo|GMK|KMK|FMK|WMK|VMK|ASMK|UMK)?\s*(?:vom|am|of|on)?\s*(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b/giu;

/** Every explicit reference in a question, in order of appearance. */
export function findReferences(question: string): Reference[] {
  const references: Reference[] = [];
  const topMatches = [...question.matchAll(TOP_PATTERN)];
  for (const match of topMatches) {
    const start = match.index ?? 0;
    let end = start + match[0].length;
    const second = match[2] ?? match[3];
    const top = second === undefined ? match[1] : `${match[1]}/${second}`;
    const reference: Reference = { start, end, top };
    const after = PARA_AFTER.exec(question.slice(end));
    if (after) {
      reference.para = after[1];
      end += after[0].length;
    } else {
      const before = PARA_BEFORE.exec(question.slice(Math.max(0, start - 60), start));
      if (before) {
        reference.para = before[1];
        reference.start = start - before[0].length;
      }
    }
    reference.end = end;
    references.push(reference);
  }
  attachNotes(question, references);
  addBareParagraphs(question, references);
  attachDates(question, references);
  return references.sort((a, b) => a.start - b.start);
}

function attachNotes(question: string, references: Reference[]): void {
  for (const match of question.matchAll(NOTE_WORD)) {
    const start = match.index ?? 0;
    const codes = labelCodesIn(question);
    // The note belongs to the nearest TOP reference in the question (before or after it); else it stands alone.
    const nearest = nearestReference(references, start);
    if (nearest && nearest.para === undefined) {
      nearest.noteBy = codes;
    } else if (!references.some((reference) => reference.noteBy)) {
      references.push({ start, end: start + match[0].length, noteBy: codes });
    }
  }
}

/** Codes of every Land or ministry named anywhere in the text ("Sachsen" → SN, "BY, BW" → BY, BW). */
export function labelCodesIn(text: string): string[] {
  const codes = new Set<string>();
  let rest = text;
  for (const name of allLabelNames()) {
    const pattern = new RegExp(String.raw`(?<![\p{L}-])${escapeRegExp(name)}(?![\p{L}-])`, 'giu');
    // Upper-case codes ("SN") only count when written in capitals, so "in" or "be" are never read as codes.
    if (name.length <= 4 && !/\s/.test(name)) {
      const exact = new RegExp(
        String.raw`(?<![\p{L}-])${escapeRegExp(name.toUpperCase())}(?![\p{L}-])`,
        'gu',
      );
      if (labelCode(name) === name.toUpperCase() && exact.test(rest)) {
        codes.add(name.toUpperCase());
        rest = rest.replace(exact, ' ');
      }
      continue;
    }
    if (pattern.test(rest)) {
      const code = labelCode(name);
      if (code) codes.add(code);
      rest = rest.replace(pattern, ' ');
    }
  }
  return [...codes];
}

function addBareParagraphs(question: string, references: Reference[]): void {
  for (const match of question.matchAll(BARE_PARA)) {
    const start = match.index ?? 0;
    const covered = references.some((reference) => start >= reference.start && start < reference.end);
    if (!covered) references.push({ start, end: start + match[0].length, para: match[1] });
  }
}

function attachDates(question: string, references: Reference[]): void {
  for (const match of question.matchAll(MEETING_DATE)) {
    const [, day, month, rawYear] = match;
    if (!day || !month || !rawYear) continue;
    const year = rawYear.length === 2 ? `20${rawYear}` : rawYear;
    const date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
    const nearest = nearestReference(references, match.index ?? 0);
    if (nearest && nearest.date === undefined) nearest.date = date;
  }
}

function nearestReference(references: Reference[], position: number): Reference | undefined {
  let best: Reference | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const reference of references) {
    if (reference.top === undefined) continue;
    const distance =
      position < reference.start ? reference.start - position : Math.max(0, position - reference.end);
    if (distance < bestDistance) {
      best = reference;
      bestDistance = distance;
    }
  }
  return best;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
