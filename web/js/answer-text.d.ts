// Types of answer-text.js.
import type { MarkerCitation } from './citation.js';

export type AnswerBlock = { type: 'heading' | 'paragraph'; text: string } | { type: 'list'; items: string[] };
export type InlineSegment =
  | { type: 'text'; text: string }
  | { type: 'marker'; text: string; citations: MarkerCitation[]; quote: string };
export function answerBlocks(text: string): AnswerBlock[];
export function inlineSegments(line: string): InlineSegment[];
