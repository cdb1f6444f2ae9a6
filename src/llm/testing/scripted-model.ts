// Test fixture: an AI SDK mock language model (MockLanguageModelV3 from ai/test) that answers with scripted text —
// streamed in the given pieces, or generated at once — or hangs until aborted, or fails; it records its calls.
import type { LanguageModelV3CallOptions, LanguageModelV3StreamPart } from '@ai-sdk/provider';
import { MockLanguageModelV3, simulateReadableStream } from 'ai/test';

export type ScriptedBehaviour =
  /** Answers with the pieces: each is one text delta when streaming; joined when generating. */
  | { pieces: string[]; chunkDelayMs?: number }
  /** Never answers; rejects once the call is aborted, as fetch does. */
  | { hang: true }
  /** Fails with this error (e.g. an APICallError). */
  | { error: unknown };

const USAGE = {
  inputTokens: { total: 100, noCache: 100, cacheRead: undefined, cacheWrite: undefined },
  outputTokens: { total: 20, text: 20, reasoning: undefined },
};
const STOP = { unified: 'stop' as const, raw: 'stop' };

function untilAborted(abortSignal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (abortSignal?.aborted) reject(abortSignal.reason);
    abortSignal?.addEventListener('abort', () => reject(abortSignal.reason), { once: true });
  });
}

export function scriptedModel(behaviour: ScriptedBehaviour): MockLanguageModelV3 {
  return new MockLanguageModelV3({
    modelId: 'scripted',
    doGenerate: async (options: LanguageModelV3CallOptions) => {
      if ('hang' in behaviour) return untilAborted(options.abortSignal);
      if ('error' in behaviour) throw behaviour.error;
      return {
        content: [{ type: 'text', text: behaviour.pieces.join('') }],
        finishReason: STOP,
        usage: USAGE,
        warnings: [],
      };
    },
    doStream: async (options: LanguageModelV3CallOptions) => {
      if ('hang' in behaviour) return untilAborted(options.abortSignal);
      if ('error' in behaviour) throw behaviour.error;
      const chunks: LanguageModelV3StreamPart[] = [
        { type: 'stream-start', warnings: [] },
        { type: 'text-start', id: 'text' },
        ...behaviour.pieces.map((delta) => ({ type: 'text-delta' as const, id: 'text', delta })),
        { type: 'text-end', id: 'text' },
        { type: 'finish', finishReason: STOP, usage: USAGE },
      ];
      return {
        stream: simulateReadableStream({
          chunks,
          initialDelayInMs: null,
          chunkDelayInMs: behaviour.chunkDelayMs ?? null,
        }),
      };
    },
  });
}
