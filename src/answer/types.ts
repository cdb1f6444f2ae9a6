// The answer contract of DESIGN.md (POST /api/ask) and the Answerer interface behind it.
import type { Citation, Source } from '../model.ts';

export interface ChatMessage {
  role: 'user' | 'assistant' | 'system';
  content: string;
}

export interface AskRequest {
  question: string;
  /** Earlier turns, oldest first; follow-ups ("Und mit welcher Frist?") are read against them. */
  history?: ChatMessage[];
  /** How many sources to retrieve (default 5). */
  k?: number;
  /** Restrict to one meeting id, e.g. "imk-2020-12-10". */
  meeting?: string;
}

export interface Statement {
  /** The statement as it stands in the answer, including its citation marker(s). */
  text: string;
  citations: Citation[];
}

export interface Answer {
  answer: string;
  statements: Statement[];
  sources: Source[];
  abstained: boolean;
  mode: 'extractive' | 'llm';
  /** Why an LLM answer was replaced or repaired, when it was (e.g. "LLM timed out after 30000 ms"). */
  notice?: string;
  /** The language of the answer's own words (quotes stay German); the page frames the answer in it. */
  language?: 'de' | 'en';
  /** The question with unknown or misspelt words replaced by the closest index words, when there were any. */
  didYouMean?: string;
}

/** What a streaming answer emits, in order: sources first, then text, then the complete answer. */
export type AnswerEvent =
  | { type: 'sources'; sources: Source[] }
  | { type: 'text-delta'; delta: string }
  | { type: 'done'; answer: Answer };

export interface AnswerOptions {
  abortSignal?: AbortSignal;
  /** The server's id of the request: what the answerer logs (an LLM's failure in detail) is filed under it. */
  requestId?: string;
}

export interface Answerer {
  answer(request: AskRequest, options?: AnswerOptions): Promise<Answer>;
  /** The same answer as a stream; the text deltas concatenate to answer.answer. */
  stream(request: AskRequest, options?: AnswerOptions): AsyncIterable<AnswerEvent>;
}

export const ABSTAIN_DE = 'Dazu enthalten die Beschlüsse keine Aussage.';
export const ABSTAIN_EN = 'The resolutions say nothing about this.';
