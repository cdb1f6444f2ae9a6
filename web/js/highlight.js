// Finds the sentence a statement quotes inside its unit's text, tolerant to quote marks, dashes, soft hyphens,
// whitespace and case, so the side panel can mark it.
import { parseMarkers } from './citation.js';

const QUOTE_MARKS = /["„“”‟«»‚‘’‛'`´]/u;
const DASHES = /[‐‑‒–—―−]/u;
const SOFT_HYPHEN = '\u00ad';
const ELLIPSIS = /\s*(?:\[…\]|\(…\)|…|\.\.\.)\s*/u;
const MIN_FRAGMENT = 12;

/**
 * The text a statement quotes: without its citation markers, a leading list dash, a leading "Protokollnotiz X:" label
 * and surrounding quote marks (English answers quote the German text).
 */
export function quotedText(statementText) {
  let text = '';
  let from = 0;
  for (const marker of parseMarkers(statementText)) {
    text += statementText.slice(from, marker.start);
    from = marker.end;
  }
  text += statementText.slice(from);
  text = text
    .trim()
    .replace(/^[-•*]\s+/u, '')
    .replace(/^Protokollnotiz [^:\n]{1,200}:\s*/u, '')
    .trim();
  const first = text.at(0);
  const last = text.at(-1);
  if (text.length >= 2 && first && last && QUOTE_MARKS.test(first) && QUOTE_MARKS.test(last)) {
    text = text.slice(1, -1).trim();
  }
  return text;
}

/**
 * The normalised text and, for each of its characters, the index of the original character it came from
 * (`starts`) and the index just after it (`ends`).
 */
export function normalise(text) {
  let normalised = '';
  const starts = [];
  const ends = [];
  let index = 0;
  for (const character of text) {
    const next = index + character.length;
    if (character === SOFT_HYPHEN) {
      index = next;
      continue;
    }
    if (/\s/u.test(character)) {
      if (normalised.endsWith(' ')) ends[ends.length - 1] = next;
      else if (normalised !== '') {
        normalised += ' ';
        starts.push(index);
        ends.push(next);
      }
      index = next;
      continue;
    }
    let mapped = character;
    if (QUOTE_MARKS.test(character)) mapped = '"';
    else if (DASHES.test(character)) mapped = '-';
    else mapped = character.toLocaleLowerCase('de-DE');
    for (const unit of mapped) {
      normalised += unit;
      starts.push(index);
      ends.push(next);
    }
    index = next;
  }
  // A trailing space (from trailing whitespace) never helps a match.
  if (normalised.endsWith(' ')) {
    normalised = normalised.slice(0, -1);
    starts.pop();
    ends.pop();
  }
  return { normalised, starts, ends };
}

function locate(haystack, needle, from) {
  if (needle === '') return undefined;
  const at = haystack.normalised.indexOf(needle, from);
  if (at < 0) return undefined;
  return { start: haystack.starts[at], end: haystack.ends[at + needle.length - 1], next: at + needle.length };
}

/**
 * Where `quote` stands in `unitText`: ranges { start, end } of the original text, in order. Empty when the quote is
 * not found (an LLM's paraphrase). A quote with an ellipsis is found piece by piece.
 */
export function findQuote(unitText, quote) {
  const haystack = normalise(unitText);
  const needle = normalise(quote).normalised;
  if (needle === '') return [];
  const whole = locate(haystack, needle, 0) ?? locate(haystack, needle.replace(/[.;:,!?"\s]+$/u, ''), 0);
  if (whole) return [{ start: whole.start, end: whole.end }];
  const fragments = needle
    .split(ELLIPSIS)
    .map((fragment) => fragment.replace(/^[.;:,!?"\s]+|[.;:,!?"\s]+$/gu, ''))
    .filter((fragment) => fragment.length >= MIN_FRAGMENT);
  if (fragments.length < 2) return [];
  const ranges = [];
  let from = 0;
  for (const fragment of fragments) {
    const found = locate(haystack, fragment, from);
    if (!found) return [];
    ranges.push({ start: found.start, end: found.end });
    from = found.next;
  }
  return ranges;
}
