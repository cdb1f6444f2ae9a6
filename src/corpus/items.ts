// Finds the agenda items (TOP) among content lines: header, title up to "Beschluss:", and the lines of the Beschluss.
import { joinLines } from './join-lines.ts';

/** "TOP 46: title", "TOP 29.2: title"; only at a line start. */
const ITEM_HEADER = /^TOP\s+(\d+(?:\.\d+)*)\s*:\s*(.*)$/;

/** The line that ends a title and opens the resolution text. */
const DECISION_LINE = /^Beschl(?:uss|üsse)\s*:?$/;

/** "… in Verbindung mit TOP 7: …" inside a joined title: the items are treated together. */
const COMBINED_WITH = /\s*\bin Verbindung mit\s+TOP\s+(\d+(?:\.\d+)*)\s*:\s*/;

const NOTE_LABEL_START = /^Protokollnotiz\b/;

/** A title runs over a few lines (counted per combined TOP); a "TOP n:" line without "Beschluss:" this close is text. */
const MAX_TITLE_LINES = 8;

/** An item's header: its TOP, title and where its "Beschluss:" line is. */
export interface ItemHeader {
  /** "6/7" for a combined item. */
  top: string;
  title: string;
  /** Index of the "Beschluss:" line. */
  decisionLine: number;
}

export interface ItemLines extends ItemHeader {
  /** The lines of the Beschluss and its Protokollnotizen. */
  bodyLines: string[];
}

/**
 * Reads the item header starting at `start`: the "TOP n:" line, title lines up to the "Beschluss:" line, and any
 * "in Verbindung mit TOP m:" in between. A "TOP n:" line that does not reach a "Beschluss:" line within a few lines,
 * or meets another "TOP" line that is not joined by "in Verbindung mit", is not a header.
 */
export function readItemHeader(lines: readonly string[], start: number): ItemHeader | undefined {
  const first = ITEM_HEADER.exec(lines[start] ?? '');
  if (!first) return undefined;
  const titleLines = [first[2] ?? ''];
  let titleStart = start;
  for (let index = start + 1; index < lines.length && index - titleStart <= MAX_TITLE_LINES; index += 1) {
    const line = lines[index] ?? '';
    if (DECISION_LINE.test(line)) return combine(first[1] ?? '', joinLines(titleLines), index);
    if (NOTE_LABEL_START.test(line)) return undefined;
    if (ITEM_HEADER.test(line)) {
      if (!/\bin Verbindung mit$/.test(joinLines(titleLines))) return undefined;
      titleStart = index;
    }
    titleLines.push(line);
  }
  return undefined;
}

/** "Rechtsextremismus … in Verbindung mit TOP 7: Resilienz …" → top "6/7", titles joined by "in Verbindung mit". */
function combine(firstTop: string, joinedTitle: string, decisionLine: number): ItemHeader {
  const tops = [firstTop];
  const titles: string[] = [];
  let rest = joinedTitle;
  for (let match = COMBINED_WITH.exec(rest); match; match = COMBINED_WITH.exec(rest)) {
    titles.push(rest.slice(0, match.index));
    tops.push(match[1] ?? '');
    rest = rest.slice(match.index + match[0].length);
  }
  titles.push(rest);
  return {
    top: tops.join('/'),
    title: titles.map((title) => title.trim()).join(' in Verbindung mit '),
    decisionLine,
  };
}

/** Splits content lines into the lines before the first item (the preamble) and the items. */
export function splitItems(lines: readonly string[]): { preamble: string[]; items: ItemLines[] } {
  const headers: { start: number; header: ItemHeader }[] = [];
  for (let index = 0; index < lines.length; index += 1) {
    const header = readItemHeader(lines, index);
    if (header) {
      headers.push({ start: index, header });
      index = header.decisionLine;
    }
  }
  const items = headers.map(({ header }, position) => {
    const end = headers[position + 1]?.start ?? lines.length;
    return { ...header, bodyLines: lines.slice(header.decisionLine + 1, end) };
  });
  return { preamble: lines.slice(0, headers[0]?.start ?? lines.length), items };
}
