// Finds what a PDF repeats on its pages — running headers, footers, page numbers — and takes it out of the text.
import type { PageLine } from './pdf-lines.ts';

export interface FurnitureOptions {
  /** How many lines from the top and from the bottom of a page can be furniture; default 6. */
  edgeLines?: number;
  /** Share of the pages a line must repeat on (same text, digits aside, same height) to be furniture; default 0.4. */
  repeatShare?: number;
  /** How far (points) the baselines of one running line may differ between pages; default 3. */
  heightTolerance?: number;
}

export interface PageText {
  /** Each page's lines without its furniture, top to bottom. */
  pages: string[][];
  /** The first running header and footer as printed (without page numbers); they carry the meeting's title. */
  title: string[];
}

/**
 * "- 23 -", "– 23 –", "Seite 3", "Seite 3 von 40", "S. 3", "Page 3 of 40", "3", "3/40", "3 von 40". A bare number
 * has at most three digits, so that a year standing alone ("2021") stays text.
 */
const PAGE_NUMBER =
  /^(?:[-–—]\s*\d{1,4}\s*[-–—]|(?:Seite|Page|S\.)\s*\d{1,4}(?:\s*(?:\/|von|of)\s*\d{1,4})?|\d{1,3}(?:\s*(?:\/|von|of)\s*\d{1,3})?)$/i;

export function isPageNumberLine(text: string): boolean {
  return PAGE_NUMBER.test(text);
}

/** Running lines differ between pages only in their numbers ("- 23 -", "Stand 11/2020"). */
function runningKey(text: string): string {
  return text.replace(/\d+/g, '#');
}

/** Where a line at a page edge stands: its page, its index in the page and its baseline. */
interface EdgeLine {
  page: number;
  index: number;
  y: number;
}

/** The indexes of the lines at the top or bottom edge of a page. */
type Edge = (lines: readonly PageLine[]) => number[];

/**
 * Marks, per page, the edge lines that repeat: same key on at least `minPages` pages at a height within the tolerance.
 * Returns the set "page:index" of repeating lines.
 */
function repeatingLines(
  pages: readonly (readonly PageLine[])[],
  edge: Edge,
  minPages: number,
  heightTolerance: number,
): Set<string> {
  const byKey = new Map<string, EdgeLine[]>();
  pages.forEach((lines, page) => {
    for (const index of edge(lines)) {
      const line = lines[index];
      if (!line) continue;
      const key = runningKey(line.text);
      const occurrences = byKey.get(key) ?? [];
      occurrences.push({ page, index, y: line.y });
      byKey.set(key, occurrences);
    }
  });
  const repeating = new Set<string>();
  for (const occurrences of byKey.values()) {
    for (const occurrence of occurrences) {
      const pagesAtHeight = new Set(
        occurrences
          .filter((other) => Math.abs(other.y - occurrence.y) <= heightTolerance)
          .map((other) => other.page),
      );
      if (pagesAtHeight.size >= minPages) repeating.add(`${occurrence.page}:${occurrence.index}`);
    }
  }
  return repeating;
}

/** Where the content of each page begins and ends once the furniture at its edges is cut off. */
interface ContentRange {
  start: number;
  end: number;
}

function contentRanges(
  pages: readonly (readonly PageLine[])[],
  repeatingTop: ReadonlySet<string>,
  repeatingBottom: ReadonlySet<string>,
  edgeLines: number,
): ContentRange[] {
  return pages.map((lines, page) => {
    const isFurniture = (repeating: ReadonlySet<string>, index: number) =>
      repeating.has(`${page}:${index}`) || isPageNumberLine(lines[index]?.text ?? '');
    let start = 0;
    while (start < Math.min(edgeLines, lines.length) && isFurniture(repeatingTop, start)) start += 1;
    let end = lines.length;
    while (end > start && lines.length - end < edgeLines && isFurniture(repeatingBottom, end - 1)) end -= 1;
    return { start, end };
  });
}

/**
 * Drops the repeating lines that content on other pages reaches past: a footer sits below the text of every page,
 * while a closing sentence that ends several short pages at one height is passed by the text of the longer ones.
 * `allowance` pages may be passed (a title page set higher than the running header). Returns whether any was dropped.
 */
function dropOvertaken(
  pages: readonly (readonly PageLine[])[],
  ranges: readonly ContentRange[],
  repeating: Set<string>,
  side: 'top' | 'bottom',
  heightTolerance: number,
  allowance: number,
): boolean {
  const extremes = pages.flatMap((lines, page) => {
    const { start, end } = ranges[page] ?? { start: 0, end: 0 };
    const heights = lines.slice(start, end).map((line) => line.y);
    if (heights.length === 0) return [];
    return [side === 'top' ? Math.max(...heights) : Math.min(...heights)];
  });
  let dropped = false;
  for (const position of [...repeating]) {
    const [page = 0, index = 0] = position.split(':').map(Number);
    const y = pages[page]?.[index]?.y ?? 0;
    const passing = extremes.filter((extreme) =>
      side === 'top' ? extreme > y + heightTolerance : extreme < y - heightTolerance,
    ).length;
    if (passing > allowance) {
      repeating.delete(position);
      dropped = true;
    }
  }
  return dropped;
}

/**
 * Removes running headers and footers and page numbers from the pages' lines. A line is running when it repeats
 * (same text, digits aside) at one height on enough pages, and stays beyond the content of (nearly) every page. Only
 * a block that reaches the page edge is removed: walking in from the top (or bottom), lines are furniture while they
 * are running or page numbers, and the walk stops at the first line that is neither, so a "Beschluss:" line that
 * happens to stand at the same height on many pages stays text. A one-page document has nothing that repeats; only
 * its page number goes.
 */
export function removeRunningFurniture(
  pages: readonly (readonly PageLine[])[],
  options: FurnitureOptions = {},
): PageText {
  const { edgeLines = 6, repeatShare = 0.4, heightTolerance = 3 } = options;
  const minPages = Math.max(2, Math.ceil(pages.length * repeatShare));
  const allowance = Math.max(1, Math.floor(pages.length * 0.1));
  const top: Edge = (lines) => Array.from({ length: Math.min(edgeLines, lines.length) }, (_, index) => index);
  const bottom: Edge = (lines) =>
    Array.from({ length: Math.min(edgeLines, lines.length) }, (_, offset) => lines.length - 1 - offset);
  const repeatingTop = repeatingLines(pages, top, minPages, heightTolerance);
  const repeatingBottom = repeatingLines(pages, bottom, minPages, heightTolerance);
  let ranges = contentRanges(pages, repeatingTop, repeatingBottom, edgeLines);
  // Each line dropped widens the content, which may overtake more lines; this settles within a few rounds.
  for (;;) {
    const droppedTop = dropOvertaken(pages, ranges, repeatingTop, 'top', heightTolerance, allowance);
    const droppedBottom = dropOvertaken(pages, ranges, repeatingBottom, 'bottom', heightTolerance, allowance);
    if (!droppedTop && !droppedBottom) break;
    ranges = contentRanges(pages, repeatingTop, repeatingBottom, edgeLines);
  }
  let header: string[] | undefined;
  let footer: string[] | undefined;
  const contentPages = pages.map((lines, page) => {
    const { start, end } = ranges[page] ?? { start: 0, end: lines.length };
    const runningText = (from: number, to: number) =>
      lines
        .slice(from, to)
        .map((line) => line.text)
        .filter((text) => !isPageNumberLine(text));
    if (!header && runningText(0, start).length > 0) header = runningText(0, start);
    if (!footer && runningText(end, lines.length).length > 0) footer = runningText(end, lines.length);
    return lines.slice(start, end).map((line) => line.text);
  });
  return { pages: contentPages, title: [...(header ?? []), ...(footer ?? [])] };
}
