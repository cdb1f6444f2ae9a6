// Removes what a page adds around the text — running headers, page numbers, "noch TOP 46" lines — wherever a page breaks.

/** "- 23 -", "– 23 –", "Seite 23", "Seite 23 von 40". */
const PAGE_NUMBER = /^(?:[-–]\s*\d+\s*[-–]|Seite\s+\d+(?:\s+von\s+\d+)?)$/;

/** "noch TOP 46", "noch TOP 6 und 7", "noch TOP 12.1": the item continues from the previous page. */
const CONTINUATION = /^noch\s+TOP\s+\d+(?:\.\d+)*(?:\s*(?:und|,|\/|u\.)\s*(?:TOP\s+)?\d+(?:\.\d+)*)*\s*:?$/i;

/** A running header opens with "Sammlung" ("Sammlung / der zur Veröffentlichung freigegebenen Beschlüsse / …"). */
const HEADER_START = /^Sammlung\b/;

/** How many lines a running header spans at most; longer blocks are text that happens to start with "Sammlung". */
const MAX_HEADER_LINES = 7;

const DATE_IN_LINE = /\d{1,2}\.\s*(?:\d{1,2}\.\s*\d{2,4}|\p{L}+\s+\d{4})/u;

const ITEM_HEADER = /^TOP\s+\d/;

function isPageNumber(line: string): boolean {
  return PAGE_NUMBER.test(line);
}

function isContinuationLine(line: string): boolean {
  return CONTINUATION.test(line);
}

/**
 * Where a running header that starts at `start` ends (exclusive), or undefined if the lines there are no header.
 * The header runs to its date line ("am 10.12.20") and takes a page number right after it; a header without a date
 * runs to its page number. It must speak of "Beschlüsse", and once the items have begun it must end in a page
 * number, so that a paragraph line starting with "Sammlung" stays text.
 */
function runningHeaderEnd(
  lines: readonly string[],
  start: number,
  needsPageNumber: boolean,
): number | undefined {
  if (!HEADER_START.test(lines[start] ?? '')) return undefined;
  const limit = Math.min(lines.length, start + MAX_HEADER_LINES);
  let end: number | undefined;
  for (let index = start; index < limit; index += 1) {
    const line = lines[index] ?? '';
    if (index > start && (ITEM_HEADER.test(line) || HEADER_START.test(line))) break;
    if (isPageNumber(line)) {
      end = index + 1;
      break;
    }
    if (DATE_IN_LINE.test(line)) {
      end = isPageNumber(lines[index + 1] ?? '') ? index + 2 : index + 1;
      break;
    }
  }
  if (end === undefined) return undefined;
  if (needsPageNumber && !isPageNumber(lines[end - 1] ?? '')) return undefined;
  const text = lines.slice(start, end).join(' ');
  return /Beschl(?:ü|ue)sse/.test(text) ? end : undefined;
}

export interface ContentLines {
  /** The lines of the text, furniture removed, in order. */
  lines: string[];
  /** Each running header found, as its lines without the page number. */
  headers: string[][];
}

/** Drops running headers, page numbers and continuation lines from trimmed, non-empty lines. */
export function removePageFurniture(lines: readonly string[]): ContentLines {
  const content: string[] = [];
  const headers: string[][] = [];
  let itemsBegun = false;
  for (let index = 0; index < lines.length; index += 1) {
    const line = lines[index] ?? '';
    itemsBegun ||= ITEM_HEADER.test(line);
    const headerEnd = runningHeaderEnd(lines, index, itemsBegun);
    if (headerEnd !== undefined) {
      headers.push(lines.slice(index, headerEnd).filter((headerLine) => !isPageNumber(headerLine)));
      index = headerEnd - 1;
      continue;
    }
    if (isPageNumber(line) || isContinuationLine(line)) continue;
    content.push(line);
  }
  return { lines: content, headers };
}
