// Types of conversation.js.
export interface Turn {
  id: string;
  question: string;
  status: 'pending' | 'streaming' | 'done' | 'error' | 'aborted';
  text: string;
  sources: Array<{ id: string; title: string }>;
  answer: unknown;
  error: unknown;
  feedback?: 'helpful' | 'unhelpful' | 'wrong-citation';
  saved?: { id: string; turn: number };
  answeredAt?: string;
  indexVersion?: string;
}
export interface TextMessage {
  id: string;
  role: 'user' | 'assistant';
  parts: Array<{ type: 'text'; text: string }>;
}
export function newId(prefix: string): string;
export function newConversationKey(): string;
export function turnFromSaved(
  saved: { question: string; answer: Record<string, unknown>; answeredAt: string; indexVersion: string },
  conversationId: string,
  index: number,
): Turn;
export function createTurn(question: string): Turn;
export function applyPart(turn: Turn, part: { type: string; [key: string]: unknown }): void;
export function transcript(turns: Turn[], current: Turn): TextMessage[];
