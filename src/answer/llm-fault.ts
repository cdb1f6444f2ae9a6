// What went wrong with an LLM call (down, timed out, HTTP error, unreadable response): the kind told in the question's
// language for the answer's notice, the details (the server's address, its error body) kept for the log only.
import { APICallError } from '@ai-sdk/provider';
import { RetryError } from 'ai';
import type { Language } from './question.ts';

export type LlmFault =
  | { kind: 'timeout'; timeoutMs: number }
  | { kind: 'unreachable'; detail: string }
  | { kind: 'http'; status: number; detail: string }
  | { kind: 'invalid-response'; detail: string }
  | { kind: 'empty' }
  | { kind: 'failed'; detail: string };

const DETAIL_LENGTH = 160;

export function classifyFault(error: unknown, context: { timedOut: boolean; timeoutMs: number }): LlmFault {
  if (context.timedOut) return { kind: 'timeout', timeoutMs: context.timeoutMs };
  const cause = RetryError.isInstance(error) ? error.lastError : error;
  if (APICallError.isInstance(cause)) {
    const status = cause.statusCode;
    if (status === undefined) return { kind: 'unreachable', detail: shorten(networkReason(cause)) };
    if (status >= 200 && status < 300) return { kind: 'invalid-response', detail: shorten(cause.message) };
    return { kind: 'http', status, detail: shorten(cause.responseBody ?? cause.message) };
  }
  if (isNetworkError(cause)) return { kind: 'unreachable', detail: shorten(networkReason(cause)) };
  const name = cause instanceof Error ? cause.name : '';
  if (/JSONParse|TypeValidation|InvalidResponseData|NoOutputGenerated|NoContentGenerated/.test(name)) {
    return { kind: 'invalid-response', detail: shorten(messageOf(cause)) };
  }
  return { kind: 'failed', detail: shorten(messageOf(cause)) };
}

/** The fault as a notice shows it to anyone: its kind, never the server's address or error body (see the log). */
export function describeFault(fault: LlmFault, language: Language): string {
  const english = language === 'en';
  switch (fault.kind) {
    case 'timeout':
      return english
        ? `LLM timed out after ${fault.timeoutMs} ms`
        : `LLM-Zeitüberschreitung nach ${fault.timeoutMs} ms`;
    case 'unreachable':
      return english ? 'LLM not reachable' : 'LLM nicht erreichbar';
    case 'http':
      return english ? `LLM error: HTTP ${fault.status}` : `LLM-Fehler: HTTP ${fault.status}`;
    case 'invalid-response':
      return english ? 'LLM returned an unreadable response' : 'LLM lieferte eine unlesbare Antwort';
    case 'empty':
      return english ? 'LLM returned no text' : 'LLM lieferte keinen Text';
    case 'failed':
      return english ? 'LLM failed' : 'LLM-Fehler';
  }
}

function networkReason(error: unknown): string {
  // fetch wraps the socket error: "fetch failed" ← "connect ECONNREFUSED 127.0.0.1:9".
  let current: unknown = error;
  let reason = messageOf(error);
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return messageOf(current);
    current = current.cause;
    if (current instanceof Error) reason = current.message;
  }
  return reason;
}

function isNetworkError(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current instanceof Error; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === 'string' && /^(?:ECONN|ENOTFOUND|EHOST|ENETUNREACH|EAI_|UND_ERR_SOCKET)/.test(code)) {
      return true;
    }
    if (current instanceof TypeError && current.message === 'fetch failed') return true;
    current = current.cause;
  }
  return false;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim() || 'no details';
  return flat.length > DETAIL_LENGTH ? `${flat.slice(0, DETAIL_LENGTH)}…` : flat;
}
