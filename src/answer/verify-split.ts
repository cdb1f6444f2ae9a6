// Splits an LLM answer into statements (sentences or list entries with their citation markers) and framing lines
// (headings, "…:" intros), also on a growing stream: a statement is complete once what follows it has begun.

import { type ParsedCitation, parseCitationText } from '../citation/index.ts';
import { splitSentences } from '../text/index.ts';

/** A citation marker as the model wrote it: "[TOP 46 Ziff. 8]", "(TOP 46 Ziff. 8)", or a source number "[2]". */
export interface FoundMarker {
  text: string;
  /** Offsets in the text that was searched. */
  start: number;
  end: number;
  citations: ParsedCitation[];
  /** Numbers of the numbered sources ("[2]", "[Quelle 2]"), counting from 1. */
  sourceNumbers: number[];
}

export interface Segment {
  /** What stands before the statement: line breaks, spaces and a list bullet ("- ", "1. "), as written. */
  layout: string;
  /** The statement (or framing line) with its markers. */
  text: string;
  /** Markers of text, offsets relative to text. */
  markers: FoundMarker[];
  /** heading: "## TOP 4", "**TOP 4 – …**"; intro: a line ending in ":"; statement: everything else. */
  kind: 'statement' | 'heading' | 'intro';
}

const BRACKETED = /\[([^[\]\n]{1,200})\]|\(([^()\n]{3,200})\)/g;
const SOURCE_NUMBER = /^(?:Quelle|Source|Q)?\s*(\d{1,2})$/iu;

/** Every marker in a text: brackets holding citations or source numbers, parentheses holding citations. */
export function findMarkers(text: string): FoundMarker[] {
  const markers: FoundMarker[] = [];
  for (const match of text.matchAll(BRACKETED)) {
    const inBrackets = match[1] !== undefined;
    const inner = (match[1] ?? match[2] ?? '').trim();
    const parts = inner.split(inBrackets && /^[\d\s,;]+$/.test(inner) ? /\s*[,;]\s*/ : /\s*;\s*/);
    const citations: ParsedCitation[] = [];
    const sourceNumbers: number[] = [];
    let recognised = parts.length > 0;
    for (const part of parts) {
      const citation = parseCitationText(part);
      const number = inBrackets ? SOURCE_NUMBER.exec(part)?.[1] : undefined;
      if (citation) citations.push(citation);
      else if (number !== undefined) sourceNumbers.push(Number(number));
      else recognised = false;
    }
    if (!recognised) continue;
    const start = match.index ?? 0;
    markers.push({ text: match[0], start, end: start + match[0].length, citations, sourceNumbers });
  }
  return markers;
}

export interface SplitOptions {
  /** The text is complete: its last statement is complete too. */
  final: boolean;
  /** The text starts at the beginning of a line (a list bullet may open it). Default true. */
  startsLine?: boolean;
}

export interface SplitResult {
  /** Statements and framing lines known to be complete. */
  segments: Segment[];
  /** Length of the text the segments (with their layout) cover; the rest is still growing. */
  consumed: number;
  /** Whether the rest starts at the beginning of a line. */
  restStartsLine: boolean;
}

const BULLET = /^[ \t]*(?:(?:[-*•]|\d{1,2}[.)])[ \t]+)?/u;
const MARKER_TAIL = /^[.,;:!?]*/;

/** Splits text into segments; with final false, only the segments that later text can no longer change. */
export function splitSegments(text: string, options: SplitOptions): SplitResult {
  const { final, startsLine = true } = options;
  const markers = findMarkers(text);
  // Markers hide from the sentence splitter (their "Ziff. 8" is no sentence end); the mask opens with a capital so
  // that "… entwickeln. [TOP 4 Ziff. 2]" still splits before the marker, which then goes back to its sentence.
  let masked = text;
  for (const marker of markers) {
    const length = marker.end - marker.start;
    masked = `${masked.slice(0, marker.start)}M${'x'.repeat(length - 1)}${masked.slice(marker.end)}`;
  }
  const segments: Segment[] = [];
  let consumed = 0;
  let restStartsLine = startsLine;
  let lineStart = 0;
  let firstLine = true;
  while (lineStart <= text.length) {
    const newline = text.indexOf('\n', lineStart);
    const lineEnd = newline === -1 ? text.length : newline;
    const lineComplete = newline !== -1 || final;
    const bulletLength =
      firstLine && !startsLine ? 0 : (BULLET.exec(text.slice(lineStart, lineEnd))?.[0].length ?? 0);
    const contentStart = lineStart + bulletLength;
    const spans = sentenceSpans(masked, contentStart, lineEnd, markers);
    const completeCount = lineComplete ? spans.length : confirmedCount(text, spans);
    for (const [index, span] of spans.slice(0, completeCount).entries()) {
      const body = text.slice(span.start, span.end);
      const segmentMarkers = markers
        .filter((marker) => marker.start >= span.start && marker.end <= span.end)
        .map((marker) => ({ ...marker, start: marker.start - span.start, end: marker.end - span.start }));
      segments.push({
        layout: text.slice(consumed, span.start),
        text: body,
        markers: segmentMarkers,
        kind: segmentMarkers.length > 0 ? 'statement' : framingKind(body, spans.length === 1 && index === 0),
      });
      consumed = span.end;
      restStartsLine = false;
    }
    if (!lineComplete || completeCount < spans.length) break;
    if (newline === -1) break;
    lineStart = newline + 1;
    firstLine = false;
    // An empty or blank line is layout of whatever comes next.
    if (spans.length > 0) restStartsLine = true;
  }
  if (final) consumed = text.length;
  return { segments, consumed, restStartsLine };
}

interface Span {
  start: number;
  end: number;
}

/** Sentences of one line; markers opening a sentence belong to the sentence before. */
function sentenceSpans(masked: string, start: number, end: number, markers: readonly FoundMarker[]): Span[] {
  const spans: Span[] = [];
  for (const sentence of splitSentences(masked.slice(start, end))) {
    let sentenceStart = start + sentence.start;
    const sentenceEnd = start + sentence.end;
    const previous = spans.at(-1);
    if (previous) {
      let position = sentenceStart;
      let moved = false;
      for (;;) {
        const marker = markers.find((candidate) => candidate.start === position);
        if (!marker || marker.end > sentenceEnd) break;
        position = marker.end + (MARKER_TAIL.exec(masked.slice(marker.end, sentenceEnd))?.[0].length ?? 0);
        moved = true;
        const whitespace = /^\s*/.exec(masked.slice(position, sentenceEnd))?.[0].length ?? 0;
        if (!markers.some((candidate) => candidate.start === position + whitespace)) break;
        position += whitespace;
      }
      if (moved) {
        previous.end = position;
        const rest = /^\s*/.exec(masked.slice(position, sentenceEnd))?.[0].length ?? 0;
        sentenceStart = position + rest;
        if (sentenceStart >= sentenceEnd) continue;
      }
    }
    spans.push({ start: sentenceStart, end: sentenceEnd });
  }
  return spans;
}

/**
 * On an unfinished line, a sentence is complete once the next one's first word is complete (the splitter reads it
 * to tell "2. Die" from "2. Dienstag") and no marker can still open it, so later text cannot change the split.
 */
const FIRST_WORD_COMPLETE = /^(?:[[(][^\])\n]*[\])]\s*)?[^\s[(]*[\p{L}\d]\S*\s/u;

function confirmedCount(text: string, spans: readonly Span[]): number {
  let count = 0;
  for (let index = 0; index + 1 < spans.length; index++) {
    const next = spans[index + 1];
    if (!next || !FIRST_WORD_COMPLETE.test(text.slice(next.start))) break;
    count = index + 1;
  }
  return count;
}

function framingKind(text: string, wholeLine: boolean): Segment['kind'] {
  const plain = text.replace(/[*_]+/g, '').trim();
  if (plain.endsWith(':')) return 'intro';
  if (!wholeLine) return 'statement';
  if (/^#{1,6}\s/.test(text)) return 'heading';
  if (/^(?:\*\*|__)[^*_]+(?:\*\*|__)$/.test(text.trim())) return 'heading';
  if (
    /^(?:[A-ZÄÖÜ]{2,}\s+\d{1,2}\.\d{1,2}\.\d{4},\s*)?TOP\s+\d[\d./]*\s*[–-]\s/u.test(plain) &&
    !/[.!?]$/.test(plain)
  ) {
    return 'heading';
  }
  return 'statement';
}
