// Rebuilds the printed lines of one PDF page from its positioned text pieces: group by baseline, order by x, space by gap.

/** One piece of text as a PDF places it: baseline start (x, y) in points, y growing upwards as in PDF space. */
export interface PositionedText {
  text: string;
  x: number;
  y: number;
  /** Advance width of the piece in points. */
  width: number;
  /** Font size in points (the text matrix's vertical scale). */
  fontSize: number;
}

/** One rebuilt line of a page, with the baseline it was printed on. */
export interface PageLine {
  text: string;
  y: number;
}

export interface LineOptions {
  /**
   * Pieces whose baselines differ by at most this share of the larger font size sit on one line; default 0.5, which
   * keeps a raised footnote mark on its line (about 0.33 em) and separates lines set at the usual 1.2 em leading.
   */
  lineTolerance?: number;
  /**
   * A horizontal gap wider than this share of the font size between two pieces is a word space; default 0.15, below
   * the narrowest space of common fonts (Times 0.25 em) and above kerning (under 0.1 em).
   */
  spaceGap?: number;
}

/** A line being gathered: its pieces and the baseline and size of its largest text. */
interface LineGroup {
  y: number;
  fontSize: number;
  pieces: PositionedText[];
}

/** Joins the pieces of one line, left to right, with a space where the gap between them is word-sized. */
function joinPieces(pieces: readonly PositionedText[], spaceGap: number): string {
  const sorted = [...pieces].sort((left, right) => left.x - right.x);
  let text = '';
  let previous: PositionedText | undefined;
  for (const piece of sorted) {
    if (previous) {
      const gap = piece.x - (previous.x + previous.width);
      const spaced = /\s$/.test(text) || /^\s/.test(piece.text);
      if (!spaced && gap > spaceGap * Math.max(piece.fontSize, previous.fontSize)) text += ' ';
    }
    text += piece.text;
    previous = piece;
  }
  // A soft hyphen is where the typesetter broke a word: at the line's end it reads as the printed "-", inside a line
  // it is invisible. Either way the parser's hyphen rules (join-lines.ts) then see what the reader sees.
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/\u00ad$/, '-')
    .replaceAll('\u00ad', '');
}

/**
 * The lines of a page from top to bottom. Pieces without visible characters only carry spacing, which the gaps
 * already show, so they are dropped; a line left without text is dropped too.
 */
export function rebuildLines(pieces: readonly PositionedText[], options: LineOptions = {}): PageLine[] {
  const { lineTolerance = 0.5, spaceGap = 0.15 } = options;
  const visible = pieces
    .filter((piece) => piece.text.trim() !== '')
    .sort((upper, lower) => lower.y - upper.y || upper.x - lower.x);
  const groups: LineGroup[] = [];
  for (const piece of visible) {
    const current = groups.at(-1);
    const tolerance = lineTolerance * Math.max(piece.fontSize, current?.fontSize ?? 0);
    if (current && Math.abs(current.y - piece.y) <= tolerance) {
      current.pieces.push(piece);
      // The line sits on the baseline of its largest text, not on a raised footnote mark that came first.
      if (piece.fontSize > current.fontSize) Object.assign(current, { y: piece.y, fontSize: piece.fontSize });
    } else {
      groups.push({ y: piece.y, fontSize: piece.fontSize, pieces: [piece] });
    }
  }
  return groups
    .map((group) => ({ text: joinPieces(group.pieces, spaceGap), y: group.y }))
    .filter((line) => line.text !== '');
}
