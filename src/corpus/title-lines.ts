// Joins the printed lines of an item title, keeping a line break the printer set on purpose as " – ": a title such as
// "Nationales Waffenregister (NWR)" / "Betrieb und Ausbau …" is a heading and its subtitle, not one run-on phrase.
import { joinLines } from './join-lines.ts';

/** Punctuation that already separates what follows ("Signalwaffen:" / "Verschärfung …"). */
const ENDS_WITH_SEPARATOR = /[,;:/(–-]$/u;

/** A heading ends in a noun, an abbreviation, a closing bracket or quote; an article, adjective or verb runs on. */
const ENDS_LIKE_A_HEADING = /(?:(?:^|\s)[\p{Lu}\d][^\s]*|[)"“”])$/u;

export interface TitleLayout {
  /** Characters of the widest title line of the document; 0 treats every line break as a wrap. */
  width: number;
  /** The lines as printed (the first with its "TOP n:" prefix), for their printed length. */
  printed: readonly string[];
}

/**
 * `lines` (the title's text lines) joined as printed. A break counts as deliberate when the next line's first word
 * would still have fitted on the line before, that line ends like a heading, and the next line starts a new phrase
 * with a capital letter; anywhere else the printer only wrapped, and the lines join as joinLines joins them.
 */
export function joinTitleLines(lines: readonly string[], layout: TitleLayout): string {
  const segments: string[][] = [[]];
  lines.forEach((line, index) => {
    const previous = layout.printed[index - 1]?.trim();
    const text = line.trim();
    if (previous !== undefined && isDeliberateBreak(previous, text, layout.width)) segments.push([]);
    segments.at(-1)?.push(text);
  });
  return segments
    .map((segment) => joinLines(segment))
    .filter((segment) => segment !== '')
    .join(' – ');
}

function isDeliberateBreak(previous: string, next: string, width: number): boolean {
  const nextWord = next.split(/\s+/u, 1)[0] ?? '';
  if (!/^\p{Lu}/u.test(nextWord) || /^TOP$/u.test(nextWord)) return false;
  if (ENDS_WITH_SEPARATOR.test(previous) || !ENDS_LIKE_A_HEADING.test(previous)) return false;
  return previous.length + 1 + nextWord.length <= width;
}
