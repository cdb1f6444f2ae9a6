// Turns a computed answer into the answer event stream: sources first, then the text line by line, then the answer.
import type { Answer, AnswerEvent, AnswerOptions } from './types.ts';

export async function* streamAnswer(
  compute: () => Promise<Answer>,
  options: AnswerOptions = {},
): AsyncIterable<AnswerEvent> {
  const answer = await compute();
  options.abortSignal?.throwIfAborted();
  yield { type: 'sources', sources: answer.sources };
  // One delta per line keeps every citation marker whole inside one delta.
  const lines = answer.answer.split(/(?<=\n)/);
  for (const line of lines) {
    options.abortSignal?.throwIfAborted();
    yield { type: 'text-delta', delta: line };
  }
  yield { type: 'done', answer };
}
