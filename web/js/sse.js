// Reads a Server-Sent Events body incrementally (the AI SDK UI message stream is SSE: "data: {json}" lines,
// ending with "data: [DONE]") and yields each event's data.

/** Splits SSE text, fed in arbitrary pieces, into the data of complete events. */
export class EventStreamParser {
  #buffer = '';
  #data = [];

  /** Feeds a piece of text; returns the data of the events it completed. */
  push(text) {
    this.#buffer += text;
    const events = [];
    let newline = this.#buffer.search(/\r\n|\r|\n/);
    // A lone "\r" at the end may be the first half of "\r\n": wait for the next piece.
    while (newline >= 0 && !(this.#buffer[newline] === '\r' && newline === this.#buffer.length - 1)) {
      const line = this.#buffer.slice(0, newline);
      const width = this.#buffer.startsWith('\r\n', newline) ? 2 : 1;
      this.#buffer = this.#buffer.slice(newline + width);
      this.#line(line, events);
      newline = this.#buffer.search(/\r\n|\r|\n/);
    }
    return events;
  }

  /**
   * Ends the stream. As the SSE standard says, an event without its closing blank line is discarded: it is what a
   * dropped connection leaves behind, half an event. A final lone "\r" still ends the last line.
   */
  end() {
    const events = [];
    if (this.#buffer === '\r') this.#line('', events);
    this.#buffer = '';
    this.#data = [];
    return events;
  }

  #line(line, events) {
    if (line === '') {
      if (this.#data.length > 0) events.push(this.#data.join('\n'));
      this.#data = [];
      return;
    }
    if (line.startsWith(':')) return;
    const colon = line.indexOf(':');
    const field = colon < 0 ? line : line.slice(0, colon);
    if (field !== 'data') return;
    let value = colon < 0 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    this.#data.push(value);
  }
}

/** The data of each event of a response body, as it arrives. */
export async function* readEventStream(body) {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  const parser = new EventStreamParser();
  let finished = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    finished = true;
    yield* parser.push(decoder.decode());
    yield* parser.end();
  } finally {
    // A consumer that stops early (the user pressed stop) closes the connection instead of leaving it open.
    if (!finished) reader.cancel().catch(() => {});
  }
}
