import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { EventStreamParser, readEventStream } from './sse.js';

function serialise(events: string[], newline: string): string {
  return events
    .map(
      (data) =>
        `${data
          .split('\n')
          .map((line) => `data: ${line}`)
          .join(newline)}${newline}${newline}`,
    )
    .join('');
}

function streamOf(chunks: Uint8Array[]): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(chunk);
      controller.close();
    },
  });
}

async function collect(iterable: AsyncIterable<string>): Promise<string[]> {
  const events: string[] = [];
  for await (const event of iterable) events.push(event);
  return events;
}

describe('EventStreamParser', () => {
  it('yields the same events however the text is cut into pieces', () => {
    const data = fc.array(
      fc.string({ unit: 'grapheme', maxLength: 30 }).map((text) => text.replace(/\r/g, '')),
      {
        minLength: 1,
        maxLength: 3,
      },
    );
    fc.assert(
      fc.property(
        fc.array(
          data.map((lines) => lines.join('\n')),
          { maxLength: 8 },
        ),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.array(fc.nat(), { maxLength: 10 }),
        (events, newline, cuts) => {
          const text = serialise(events, newline);
          const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
          const parser = new EventStreamParser();
          const received: string[] = [];
          let from = 0;
          for (const position of [...positions, text.length]) {
            received.push(...parser.push(text.slice(from, position)));
            from = position;
          }
          received.push(...parser.end());
          expect(received).toEqual(events);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('ignores comments and fields other than data', () => {
    const parser = new EventStreamParser();
    expect(
      parser.push(': keep-alive\nevent: message\nid: 7\ndata: {"type":"start"}\n\ndata:[DONE]\n\n'),
    ).toEqual(['{"type":"start"}', '[DONE]']);
  });

  it('discards half an event left by a dropped connection', () => {
    const parser = new EventStreamParser();
    expect(parser.push('data: {"type":"start"}\n\ndata: {"type":"text-del')).toEqual(['{"type":"start"}']);
    expect(parser.end()).toEqual([]);
  });
});

describe('readEventStream', () => {
  it('decodes UTF-8 split inside a character across chunks', async () => {
    const bytes = new TextEncoder().encode('data: {"delta":"Überwachung für Bahnhöfe"}\n\ndata: [DONE]\n\n');
    const chunks = Array.from({ length: bytes.length }, (_, index) => bytes.slice(index, index + 1));
    expect(await collect(readEventStream(streamOf(chunks)))).toEqual([
      '{"delta":"Überwachung für Bahnhöfe"}',
      '[DONE]',
    ]);
  });

  it('cancels the response body when its reader stops early', async () => {
    let cancelled = false;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(new TextEncoder().encode('data: x\n\n'));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const event of readEventStream(body)) {
      expect(event).toBe('x');
      break;
    }
    expect(cancelled).toBe(true);
  });
});
