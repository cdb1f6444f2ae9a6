// Finds the agenda items (TOP) among content lines: header, title up to "Beschluss:", and the lines of the Beschluss.
import { joinLines } from './join-lines.ts';
import { joinTitleLines } from './title-lines.ts';

/** "TOP 46: title", "TOP 29.2: title"; only at a line start. */
const ITEM_HEADER = /^TOP\s+(\d+(?:\.\d+)*)\s*:\s*(.*)$/;

/** The line that ends a title and opens the resolution text. */
const DECISION_LINE = /^Beschl(?:uss|üsse)\s*:?$/;

/** "… in Verbindung mit TOP 7: …" inside a joined title: the items are treated together. */
const COMBINED_WITH_ALL = /\s*\bin Verbindung mit\s+TOP\s+(\d+(?:\.\d+)*)\s*:\s*/g;

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
 * or meets another "TOP" line that is not joined by "in Verbindung mit", is not a header. `width` is the printed
 * width of title lines (see joinTitleLines); 0 reads every line break as a wrap.
 */
export function readItemHeader(lines: readonly string[], start: number, width = 0): ItemHeader | undefined {
  const first = ITEM_HEADER.exec(lines[start] ?? '');
  if (!first) return undefined;
  const printed = [lines[start] ?? ''];
  let titleStart = start;
  for (let index = start + 1; index < lines.length && index - titleStart <= MAX_TITLE_LINES; index += 1) {
    const line = lines[index] ?? '';
    if (DECISION_LINE.test(line)) {
      const titleLines = [first[2] ?? '', ...printed.slice(1)];
      return combine(first[1] ?? '', joinTitleLines(titleLines, { width, printed }), index);
    }
    if (NOTE_LABEL_START.test(line)) return undefined;
    if (ITEM_HEADER.test(line)) {
      if (!/\bin Verbindung mit$/.test(joinLines(printed))) return undefined;
      titleStart = index;
    }
    printed.push(line);
  }
  return undefined;
}

/** "Rechtsextremismus … in Verbindung mit TOP 7: Resilienz …" → top "6/7", the title as printed. */
function combine(firstTop: string, joinedTitle: string, decisionLine: number): ItemHeader {
  const tops = [firstTop];
  for (const match of joinedTitle.matchAll(COMBINED_WITH_ALL)) tops.push(match[1] ?? '');
  return {
    top: tops.join('/'),
    title: joinedTitle.replace(COMBINED_WITH_ALL, (_match, top: string) => ` in Verbindung mit TOP ${top}: `),
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
  // The widest title line shows how wide the printer set titles: a shorter line was ended on purpose. A hyphen that
  // splits a word at the line end may stand in the margin, so it does not count.
  const width = Math.max(
    0,
    ...headers.flatMap(({ start, header }) =>
      lines.slice(start, header.decisionLine).map((line) => line.replace(/-$/u, '').length),
    ),
  );
  for (const entry of headers) entry.header = readItemHeader(lines, entry.start, width) ?? entry.header;
  const items = headers.map(({ header }, position) => {
    const end = headers[position + 1]?.start ?? lines.length;
    return { ...header, bodyLines: lines.slice(header.decisionLine + 1, end) };
  });
  return { preamble: lines.slice(0, headers[0]?.start ?? lines.length), items };
}
