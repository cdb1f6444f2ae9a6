// Types of sse.js.
export class EventStreamParser {
  push(text: string): string[];
  end(): string[];
}
export function readEventStream(body: ReadableStream<Uint8Array>): AsyncGenerator<string>;
