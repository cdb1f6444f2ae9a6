// Starts an answerer's stream and waits for its first event, so a failure before any output (no index, unknown
// meeting …) still becomes an ordinary HTTP error instead of an error inside a stream that already said 200.
import type { AnswerEvent, Answerer, AnswerOptions, AskRequest } from '../answer/types.ts';

export async function startAnswerStream(
  answerer: Answerer,
  request: AskRequest,
  options: AnswerOptions,
): Promise<AsyncGenerator<AnswerEvent>> {
  const iterator = answerer.stream(request, options)[Symbol.asyncIterator]();
  const first = await iterator.next();
  async function* events(): AsyncGenerator<AnswerEvent> {
    try {
      let result = first;
      while (!result.done) {
        yield result.value;
        result = await iterator.next();
      }
    } finally {
      // Stopping early (client gone) lets the answerer release what it holds.
      await iterator.return?.();
    }
  }
  return events();
}
