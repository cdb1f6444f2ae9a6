// Reads a chat transcript (useChat's UI messages, or OpenAI chat messages) as a question with its history.
import type { AskRequest, ChatMessage } from '../answer/types.ts';
import { BeschlussError } from '../errors.ts';
import { LIMITS } from './schemas.ts';

export interface TranscriptMessage {
  role: string;
  /** The message's text (its text parts joined). */
  text: string;
}

/** Passed on to the request where given. */
export interface TranscriptOptions {
  k?: number | undefined;
  meeting?: string | undefined;
}

/** A message's content as text: a string as is, or its text parts joined (UI message parts, OpenAI content parts). */
export function textOf(
  content: string | null | undefined | ReadonlyArray<{ type: string; text?: string | undefined }>,
): string {
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content
    .filter((part) => part.type === 'text' && typeof part.text === 'string')
    .map((part) => part.text)
    .join('');
}

/**
 * The last message is the question (it must be the user's); earlier user and assistant messages become the history.
 * A transcript is the client's record of a whole conversation and grows legitimately, so unlike POST /api/ask it is
 * not refused for its length: only the last LIMITS.historyMessages messages are kept, each cut to
 * LIMITS.historyMessageChars characters. System messages are ignored (the assistant has its own instructions).
 */
export function askRequestFromTranscript(
  messages: TranscriptMessage[],
  options: TranscriptOptions = {},
): AskRequest {
  const last = messages.at(-1);
  if (last?.role !== 'user') {
    throw new BeschlussError(
      'INVALID_REQUEST',
      `Expected the last message to be the user's question; got ${last ? `a ${last.role} message` : 'no messages'}.`,
      { details: { field: 'messages' } },
    );
  }
  const question = last.text.trim();
  if (question === '') {
    throw new BeschlussError(
      'INVALID_REQUEST',
      "Expected the last user message to contain the question's text.",
      {
        details: { field: 'messages' },
      },
    );
  }
  if (question.length > LIMITS.questionChars) {
    throw new BeschlussError(
      'QUESTION_TOO_LONG',
      `Expected a question of at most ${LIMITS.questionChars} characters.`,
      {
        details: { field: 'messages' },
      },
    );
  }
  const history: ChatMessage[] = messages
    .slice(0, -1)
    .filter(
      (message) => (message.role === 'user' || message.role === 'assistant') && message.text.trim() !== '',
    )
    .slice(-LIMITS.historyMessages)
    .map((message) => ({
      role: message.role as 'user' | 'assistant',
      content: message.text.slice(0, LIMITS.historyMessageChars),
    }));
  const request: AskRequest = { question };
  if (history.length > 0) request.history = history;
  if (options.k !== undefined) request.k = options.k;
  if (options.meeting !== undefined) request.meeting = options.meeting;
  return request;
}
