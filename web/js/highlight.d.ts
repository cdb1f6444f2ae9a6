// Types of highlight.js.
export interface TextRange {
  start: number;
  end: number;
}
export function quotedText(statementText: string): string;
export function normalise(text: string): { normalised: string; starts: number[]; ends: number[] };
export function findQuote(unitText: string, quote: string): TextRange[];
