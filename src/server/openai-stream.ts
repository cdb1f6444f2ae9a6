// The SSE body of a streamed OpenAI chat completion, pulled from the answer events: a first chunk with the role (and
// the sources as an extension), one chunk per text delta, a last chunk with finish_reason "stop" (and the statements),
// then "data: [DONE]". A failure becomes a chunk { "error": … } and ends the stream. A client that disconnects cancels
// the stream, which closes the answer events.
import type { AnswerEvent } from '../answer/types.ts';
import { type CompletionMeta, chatCompletionChunk } from './openai-completion.ts';

const encoder = new TextEncoder();
const sse = (data: unknown) =>
  encoder.encode(`data: ${typeof data === 'string' ? data : JSON.stringify(data)}\n\n`);

export function completionStream(
  events: AsyncGenerator<AnswerEvent>,
  meta: CompletionMeta,
  onError: (error: unknown) => unknown,
): ReadableStream<Uint8Array> {
  let announced = false;
  const announce = (
    controller: ReadableStreamDefaultController<Uint8Array>,
    sources?: AnswerEvent & { type: 'sources' },
  ) => {
    if (announced && !sources) return;
    controller.enqueue(
      sse(
        chatCompletionChunk(meta, {
          ...(announced ? {} : { role: 'assistant', content: '' }),
          ...(sources ? { sources: sources.sources } : {}),
        }),
      ),
    );
    announced = true;
  };
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        const result = await events.next();
        if (result.done) {
          announce(controller);
          controller.enqueue(sse('[DONE]'));
          controller.close();
          return;
        }
        const event = result.value;
        if (event.type === 'sources') announce(controller, event);
        else if (event.type === 'text-delta') {
          announce(controller);
          if (event.delta !== '')
            controller.enqueue(sse(chatCompletionChunk(meta, { content: event.delta })));
        } else {
          announce(controller);
          controller.enqueue(sse(chatCompletionChunk(meta, { finish: true, answer: event.answer })));
        }
      } catch (error) {
        controller.enqueue(sse({ error: onError(error) }));
        controller.close();
      }
    },
    cancel() {
      // Not awaited: the return takes effect once the answerer's pending step settles (its abort signal ends it).
      events.return(undefined).catch(() => undefined);
    },
  });
}
