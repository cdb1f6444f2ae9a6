// Reads the parts of /api/chat's AI SDK UI message stream and turns its failures into ApiErrors.
import { ApiError, isAbort } from './api.js';
import { readEventStream } from './sse.js';

/**
 * Yields each part ({ type: "start" | "source-document" | "text-delta" | "data-answer" | "finish" … }) as it arrives.
 * Throws ApiError kind "stream" for an error part, "interrupted" when the stream ends (or the connection drops)
 * before its finish part, "format" for data that is not JSON. An abort propagates as the AbortError it is.
 */
export async function* readChatParts(body) {
  let finished = false;
  try {
    for await (const data of readEventStream(body)) {
      if (data === '[DONE]') break;
      let part;
      try {
        part = JSON.parse(data);
      } catch {
        throw new ApiError({
          kind: 'format',
          message: `Expected JSON in the answer stream; got ${data.slice(0, 80)}`,
        });
      }
      if (part?.type === 'error')
        throw new ApiError({ kind: 'stream', message: String(part.errorText ?? '') });
      if (part?.type === 'abort') throw new DOMException('The server stopped the answer.', 'AbortError');
      if (part?.type === 'finish') finished = true;
      yield part;
    }
  } catch (error) {
    if (error instanceof ApiError || isAbort(error)) throw error;
    throw new ApiError({
      kind: 'interrupted',
      message: error instanceof Error ? error.message : String(error),
    });
  }
  if (!finished)
    throw new ApiError({ kind: 'interrupted', message: 'The answer stream ended before its finish part.' });
}
