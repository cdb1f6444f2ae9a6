// Behaviour of splitting LLM answers into statements: markers, sentence ends, list layout, framing lines, and the
// same statements whether the text arrives at once or in arbitrary pieces.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findMarkers, type Segment, splitSegments } from './verify-split.ts';

const texts = (segments: Segment[]) => segments.map((segment) => segment.text);

/** Feeds the text in pieces the way the streaming answerer does; returns every segment it got. */
function splitInPieces(text: string, cuts: number[]): Segment[] {
  const positions = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((a, b) => a - b);
  const segments: Segment[] = [];
  let buffer = '';
  let startsLine = true;
  let previous = 0;
  for (const position of [...positions, text.length]) {
    buffer += text.slice(previous, position);
    previous = position;
    const result = splitSegments(buffer, { final: false, startsLine });
    segments.push(...result.segments);
    buffer = buffer.slice(result.consumed);
    startsLine = result.restStartsLine;
  }
  segments.push(...splitSegments(buffer, { final: true, startsLine }).segments);
  return segments;
}

describe('findMarkers', () => {
  it('reads brackets with citations, parentheses with citations and bracketed source numbers', () => {
    const markers = findMarkers(
      'A [TOP 46 Ziff. 8]. B (TOP 4 Ziffer 2). C [2]. D [Quelle 3]. E [TOP 46 Protokollnotiz SN; TOP 9].',
    );
    expect(markers.map((marker) => marker.text)).toEqual([
      '[TOP 46 Ziff. 8]',
      '(TOP 4 Ziffer 2)',
      '[2]',
      '[Quelle 3]',
      '[TOP 46 Protokollnotiz SN; TOP 9]',
    ]);
    expect(markers[0]?.citations).toEqual([{ top: '46', para: '8' }]);
    expect(markers[2]?.sourceNumbers).toEqual([2]);
    expect(markers[3]?.sourceNumbers).toEqual([3]);
    expect(markers[4]?.citations).toEqual([{ top: '46', para: 'Protokollnotiz SN' }, { top: '9' }]);
  });

  it('reads a marker that names the meeting', () => {
    const [marker] = findMarkers('Satz [IMK 10.12.2020, TOP 46 Ziff. 8].');
    expect(marker?.citations).toEqual([{ conference: 'IMK', date: '2020-12-10', top: '46', para: '8' }]);
  });

  it('leaves other brackets and numbered parentheses alone', () => {
    expect(findMarkers('Er sagte [sic] etwas (1) und (siehe oben) [TOP].')).toEqual([]);
  });
});

describe('splitSegments', () => {
  const MARKERS_AT_ENDS =
    'Der AK I soll einen Mustererlass entwickeln [TOP 4 Ziff. 2]. Das BMI prüft ein Verbot. [TOP 4 Ziff. 3] Ende [TOP 9].';

  it.each([
    [
      'ends a statement with its marker, before or after the full stop',
      MARKERS_AT_ENDS,
      [
        'Der AK I soll einen Mustererlass entwickeln [TOP 4 Ziff. 2].',
        'Das BMI prüft ein Verbot. [TOP 4 Ziff. 3]',
        'Ende [TOP 9].',
      ],
    ],
    [
      'does not end a sentence inside a marker, after an abbreviation or inside a date',
      'Bis zum 31. März 2021 ist z. B. nach Nr. 5 zu berichten [IMK 10.12.2020, TOP 46 Ziff. 8]. Danach endet es [TOP 9].',
      [
        'Bis zum 31. März 2021 ist z. B. nach Nr. 5 zu berichten [IMK 10.12.2020, TOP 46 Ziff. 8].',
        'Danach endet es [TOP 9].',
      ],
    ],
  ])('%s', (_, text, statements) => {
    expect(texts(splitSegments(text, { final: true }).segments)).toEqual(statements);
  });

  it('keeps the space before a statement as its layout, and its markers with it', () => {
    const { segments } = splitSegments(MARKERS_AT_ENDS, { final: true });
    expect(segments.map((segment) => segment.layout)).toEqual(['', ' ', ' ']);
    expect(segments[1]?.markers.map((marker) => marker.text)).toEqual(['[TOP 4 Ziff. 3]']);
  });

  it('keeps list bullets and line breaks as layout and tells headings and intros from statements', () => {
    const { segments } = splitSegments(
      '**TOP 4 – Reichsflaggen**\n\nDie IMK beschließt:\n- Erstens gilt dies [TOP 4 Ziff. 1].\n2. Zweitens gilt das [TOP 4 Ziff. 2]\nOhne Beleg.',
      { final: true },
    );
    expect(segments.map((segment) => [segment.layout, segment.text, segment.kind])).toEqual([
      ['', '**TOP 4 – Reichsflaggen**', 'heading'],
      ['\n\n', 'Die IMK beschließt:', 'intro'],
      ['\n- ', 'Erstens gilt dies [TOP 4 Ziff. 1].', 'statement'],
      ['\n2. ', 'Zweitens gilt das [TOP 4 Ziff. 2]', 'statement'],
      ['\n', 'Ohne Beleg.', 'statement'],
    ]);
  });

  it('holds back a statement until the next one has begun, so a trailing marker still joins it', () => {
    const partial = splitSegments('Der AK I soll berichten. [TOP 4 Zi', { final: false });
    expect(partial.segments).toEqual([]);
    expect(partial.consumed).toBe(0);
    const closed = splitSegments('Der AK I soll berichten. [TOP 4 Ziff. 2]', { final: false });
    expect(closed.segments).toEqual([]);
    const next = splitSegments('Der AK I soll berichten. [TOP 4 Ziff. 2] Die IMK ', { final: false });
    expect(texts(next.segments)).toEqual(['Der AK I soll berichten. [TOP 4 Ziff. 2]']);
    expect('Der AK I soll berichten. [TOP 4 Ziff. 2] Die IMK '.slice(next.consumed)).toBe(' Die IMK ');
  });

  it('waits for the next word to be whole before deciding a number ends a sentence', () => {
    // "Ziffer 2. Die …" ends a sentence; "Ziffer 2. Dienstag …" might be an ordinal: undecided until the word is whole.
    expect(splitSegments('Es gilt Ziffer 2. Die', { final: false }).segments).toEqual([]);
    expect(texts(splitSegments('Es gilt Ziffer 2. Die IMK', { final: false }).segments)).toEqual([
      'Es gilt Ziffer 2.',
    ]);
  });

  it('gives the same statements whether the text comes at once or in any pieces', () => {
    // Plain words, and the ones a sentence must not end at: ordinals, dates, abbreviations, numbered references.
    const plain = ['Die', 'IMK', 'bittet', 'den', 'AK', 'II', 'bis', 'März', 'Dienstag', 'Bericht'];
    const word = fc.constantFrom(...plain, '31.', 'z. B.', 'Nr. 5', '2.');
    const marker = fc.constantFrom(
      '[TOP 4 Ziff. 2]',
      '[TOP 9]',
      '[TOP 46 Protokollnotiz SN]',
      '[IMK 10.12.2020, TOP 46 Ziff. 8]',
      '(TOP 4 Ziff. 3)',
      '[2]',
      '[sic]',
    );
    const statement = fc
      .record({
        words: fc.array(word, { minLength: 1, maxLength: 6 }),
        inner: fc.option(marker, { nil: undefined }),
        after: fc.option(marker, { nil: undefined }),
        end: fc.constantFrom('.', '', ':', '!'),
      })
      .map(({ words, inner, after, end }) =>
        [words.join(' '), inner ? ` ${inner}` : '', end, after ? ` ${after}` : ''].join(''),
      );
    const separator = fc.constantFrom(' ', '\n', '\n- ', '\n\n', '\n1. ', '  ');
    const answer = fc
      .array(fc.tuple(separator, statement), { minLength: 1, maxLength: 6 })
      .map((parts) => parts.map(([gap, text], index) => (index === 0 ? text : `${gap}${text}`)).join(''));
    fc.assert(
      fc.property(answer, fc.array(fc.nat(), { maxLength: 12 }), (text, cuts) => {
        const whole = splitSegments(text, { final: true }).segments;
        expect(splitInPieces(text, cuts)).toEqual(whole);
        const joined = whole.map((segment) => `${segment.layout}${segment.text}`).join('');
        expect(text.startsWith(joined)).toBe(true);
        expect(text.slice(joined.length)).toMatch(/^[\s\-\d.]*$/);
      }),
      { numRuns: 300 },
    );
  });
});
