// Splits German (and English) resolution text into sentences with offsets, at the ends the sentence-end rule accepts.
import { isSentenceEnd, SENTENCE_END_CANDIDATE } from './sentence-end.ts';

export interface Sentence {
  text: string;
  /** Offsets in the source text: source.slice(start, end) === text. */
  start: number;
  end: number;
}

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = skipSpace(text, 0);
  for (const match of text.matchAll(SENTENCE_END_CANDIDATE)) {
    const end = (match.index ?? 0) + match[0].length;
    if (end <= start || !isSentenceEnd(text, match.index ?? 0)) continue;
    push(sentences, text, start, end);
    start = skipSpace(text, end);
  }
  if (start < text.length) push(sentences, text, start, text.length);
  return sentences;
}

function push(sentences: Sentence[], text: string, start: number, end: number): void {
  let trimmedEnd = end;
  while (trimmedEnd > start && /\s/.test(text[trimmedEnd - 1] ?? '')) trimmedEnd--;
  if (trimmedEnd > start) sentences.push({ text: text.slice(start, trimmedEnd), start, end: trimmedEnd });
}

function skipSpace(text: string, index: number): number {
  let position = index;
  while (position < text.length && /\s/.test(text[position] ?? '')) position++;
  return position;
}
