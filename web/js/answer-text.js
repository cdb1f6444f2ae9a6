// Reads answer text into what the page renders: blocks (headings, paragraphs, lists) and, within a line, plain text
// and citation markers, each marker with the quote it stands behind.
import { parseMarkers } from './citation.js';
import { quotedText } from './highlight.js';

const BULLET = /^\s*[-•*]\s+/u;

/**
 * The blocks of an answer: a line directly followed by list lines is a heading ("TOP 46 – …" above its quotes),
 * "- " lines form a list, other lines are paragraphs; blank lines only separate.
 * Returns [{ type: "heading" | "paragraph", text } | { type: "list", items: string[] }].
 */
export function answerBlocks(text) {
  const lines = text.split(/\r?\n/);
  const blocks = [];
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    if (BULLET.test(line)) {
      const item = line.replace(BULLET, '');
      const last = blocks.at(-1);
      if (last?.type === 'list') last.items.push(item);
      else blocks.push({ type: 'list', items: [item] });
      continue;
    }
    const next = lines[index + 1];
    const heading = next !== undefined && BULLET.test(next) && parseMarkers(line).length === 0;
    blocks.push({ type: heading ? 'heading' : 'paragraph', text: line.trim() });
  }
  return blocks;
}

/**
 * A line as text and markers: [{ type: "text", text } | { type: "marker", text, citations, quote }], where quote is
 * the statement text before the marker (since the line's start or the previous marker) without labels and quotes.
 */
export function inlineSegments(line) {
  const segments = [];
  let from = 0;
  let statementStart = 0;
  for (const marker of parseMarkers(line)) {
    if (marker.start > from) segments.push({ type: 'text', text: line.slice(from, marker.start) });
    const before = line.slice(statementStart, marker.start);
    // Markers in a row ("… [TOP 3 Ziff. 1] [TOP 3 Ziff. 2]") share the statement before the first.
    const quote =
      before.trim() === ''
        ? (segments.findLast((segment) => segment.type === 'marker')?.quote ?? '')
        : quotedText(before);
    segments.push({ type: 'marker', text: marker.text, citations: marker.citations, quote });
    from = marker.end;
    statementStart = marker.end;
  }
  if (from < line.length) segments.push({ type: 'text', text: line.slice(from) });
  return segments;
}
