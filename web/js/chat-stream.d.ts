// Types of chat-stream.js.
export function readChatParts(
  body: ReadableStream<Uint8Array>,
): AsyncGenerator<{ type: string; [key: string]: unknown }>;
