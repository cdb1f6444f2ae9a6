// OpenAI chat-completion shapes of an answer: the whole completion, and the chunks of a streamed one. The answer
// text keeps its citation markers; `sources` and `beschluss` (statements, abstained, mode, notice) are extensions
// that OpenAI clients pass through untouched.
import type { Answer } from '../answer/types.ts';
import type { Source } from '../model.ts';

export interface CompletionMeta {
  id: string;
  /** Unix seconds. */
  created: number;
  model: string;
}

export interface AnswerExtension {
  statements: Answer['statements'];
  abstained: boolean;
  mode: Answer['mode'];
  notice?: string;
}

function extension(answer: Answer): AnswerExtension {
  const result: AnswerExtension = {
    statements: answer.statements,
    abstained: answer.abstained,
    mode: answer.mode,
  };
  if (answer.notice !== undefined) result.notice = answer.notice;
  return result;
}

export function chatCompletion(answer: Answer, meta: CompletionMeta) {
  return {
    id: meta.id,
    object: 'chat.completion' as const,
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant' as const, content: answer.answer, refusal: null },
        finish_reason: 'stop' as const,
        logprobs: null,
      },
    ],
    sources: answer.sources,
    beschluss: extension(answer),
  };
}

export interface ChunkContent {
  /** Role announcement (first chunk). */
  role?: 'assistant';
  content?: string;
  finish?: boolean;
  sources?: Source[];
  answer?: Answer;
}

export function chatCompletionChunk(meta: CompletionMeta, content: ChunkContent) {
  const delta: { role?: 'assistant'; content?: string } = {};
  if (content.role !== undefined) delta.role = content.role;
  if (content.content !== undefined) delta.content = content.content;
  return {
    id: meta.id,
    object: 'chat.completion.chunk' as const,
    created: meta.created,
    model: meta.model,
    choices: [{ index: 0, delta, logprobs: null, finish_reason: content.finish ? ('stop' as const) : null }],
    ...(content.sources !== undefined ? { sources: content.sources } : {}),
    ...(content.answer !== undefined ? { beschluss: extension(content.answer) } : {}),
  };
}
