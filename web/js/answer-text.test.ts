import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { renderAbstention, renderAnswer } from '../../src/answer/render.ts';
import { formatMarker } from '../../src/citation/marker.ts';
import { fixtureCatalog } from '../../src/server/testing/fixture-meeting.ts';
import { answerBlocks, inlineSegments } from './answer-text.js';
import { quotedText } from './highlight.js';

const catalog = fixtureCatalog();
const unit = (id: string) => catalog.get(id)!;

describe('answerBlocks', () => {
  it('reads the extractive answer as one heading and one list per item', () => {
    const evidence = [
      'imk-2020-12-10/46/2',
      'imk-2020-12-10/46/8',
      'imk-2020-12-10/46/Protokollnotiz SN',
      'imk-2020-12-10/9/1',
    ].map((id) => ({ unit: unit(id), text: unit(id).text, score: 1 }));
    const answer = renderAnswer(evidence, [], { language: 'de', withMeeting: false });
    const blocks = answerBlocks(answer.answer);
    expect(blocks.map((block) => block.type)).toEqual(['heading', 'list', 'heading', 'list']);
    expect(blocks[0]).toEqual({ type: 'heading', text: 'TOP 46 – Sicherheit im Bahnverkehr' });
    const items = blocks.flatMap((block) => (block.type === 'list' ? block.items : []));
    expect(items).toEqual(answer.statements.map((statement) => statement.text));
  });

  it('reads an abstention as its message, the hint heading and the hint list', () => {
    const answer = renderAbstention({
      language: 'de',
      withMeeting: false,
      hints: [
        { unit: unit('imk-2020-12-10/46/8'), score: 0.2 },
        { unit: unit('imk-2020-12-10/3/1'), score: 0.1 },
      ],
    });
    expect(answerBlocks(answer.answer)).toEqual([
      { type: 'paragraph', text: 'Dazu enthalten die Beschlüsse keine Aussage.' },
      { type: 'heading', text: 'Am nächsten kommen diese Beschlüsse (sie beantworten die Frage nicht):' },
      {
        type: 'list',
        items: ['TOP 46 – Sicherheit im Bahnverkehr', `TOP 3 – ${unit('imk-2020-12-10/3/1').title}`],
      },
    ]);
  });
});

describe('inlineSegments', () => {
  it('gives each marker the quote of its statement', () => {
    const note = unit('imk-2020-12-10/46/Protokollnotiz SN');
    const statement = `Protokollnotiz SN: ${note.text} ${formatMarker(note, { withMeeting: false })}`;
    const segments = inlineSegments(statement);
    expect(segments.at(-1)).toMatchObject({
      type: 'marker',
      text: '[TOP 46 Protokollnotiz SN]',
      quote: note.text,
    });
    expect(quotedText(statement)).toBe(note.text);
  });

  it('lets markers in a row share the statement before them', () => {
    const segments = inlineSegments(
      'Die IMK bittet den Bund. [TOP 3 Ziff. 1] [TOP 3 Ziff. 2] Danach mehr. [TOP 9]',
    );
    const markers = segments.filter((segment) => segment.type === 'marker');
    expect(markers.map((marker) => marker.quote)).toEqual([
      'Die IMK bittet den Bund.',
      'Die IMK bittet den Bund.',
      'Danach mehr.',
    ]);
  });

  it('keeps every character of the line, in order', () => {
    const marker = fc.constantFrom(
      '[TOP 46 Ziff. 8]',
      '[TOP 9]',
      '[TOP 3 Ziff. 1; TOP 3 Ziff. 2]',
      '[Anlage]',
      '[TOP',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.string({ maxLength: 12 }), marker), { maxLength: 12 }), (pieces) => {
        const line = pieces.join('');
        expect(
          inlineSegments(line)
            .map((segment) => segment.text)
            .join(''),
        ).toBe(line);
      }),
    );
  });
});
