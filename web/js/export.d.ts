// Types of export.js.
import type { UnitAddress } from './citation.js';

export interface Payload {
  text: string;
  html: string;
}
export function escapeHtml(text: string): string;
export function quotePayload(quote: { pieces: string[]; citation: string }): Payload;
export function answerPayload(
  turn: {
    question: string;
    text: string;
    answer?: {
      statements?: Array<{ text: string; citations: UnitAddress[] }>;
      sources?: Array<UnitAddress & { id: string; title: string }>;
    };
  },
  context?: { meetings?: Array<{ id: string }> },
): Payload;
