import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type PositionedText, rebuildLines } from './pdf-lines.ts';

/** Helvetica-like advance: half an em per character. */
const piece = (text: string, x: number, y: number, fontSize = 10): PositionedText => ({
  text,
  x,
  y,
  width: text.length * fontSize * 0.5,
  fontSize,
});

describe('rebuildLines', () => {
  it('orders lines top to bottom and pieces left to right, whatever the content order', () => {
    const lines = rebuildLines([
      piece('Beschluss:', 50, 700),
      piece('Akteure', 120, 712),
      piece('TOP 3:', 50, 724),
      piece('Finanzströme', 90, 724),
      piece('und', 50, 712),
    ]);
    expect(lines.map((line) => line.text)).toEqual(['TOP 3: Finanzströme', 'und Akteure', 'Beschluss:']);
    expect(lines.map((line) => line.y)).toEqual([724, 712, 700]);
  });

  it('puts a space only where the gap is word-sized, not where kerning split a word', () => {
    const kerned = piece('Verf', 50, 700);
    const rest = piece('assung', kerned.x + kerned.width + 0.4, 700);
    const word = piece('schutz', rest.x + rest.width + 3, 700);
    expect(rebuildLines([kerned, rest, word]).map((line) => line.text)).toEqual(['Verfassung schutz']);
  });

  it('keeps spaces the pieces carry and collapses runs of them', () => {
    const first = piece('1.', 50, 700);
    const space = piece(' ', first.x + first.width, 700);
    const text = piece(' Die IMK  nimmt', 68, 700);
    expect(rebuildLines([first, space, text]).map((line) => line.text)).toEqual(['1. Die IMK nimmt']);
  });

  it('keeps a raised footnote mark on its line', () => {
    const word = piece('Beschluss', 50, 700);
    const mark = piece('1', word.x + word.width, 703.5, 6);
    const next = piece('vom', 110, 700);
    expect(rebuildLines([mark, next, word]).map((line) => line.text)).toEqual(['Beschluss1 vom']);
  });

  it('prints a soft hyphen at the end of a line as "-" and drops it inside a line', () => {
    const lines = rebuildLines([
      piece('Kooperations\u00ad', 50, 700),
      piece('be\u00adreitschaft der Länder', 50, 688),
    ]);
    expect(lines.map((line) => line.text)).toEqual(['Kooperations-', 'bereitschaft der Länder']);
  });

  it('drops pieces and lines without visible characters', () => {
    expect(rebuildLines([piece('  ', 50, 700), piece('', 50, 688), piece('Text', 50, 676)])).toEqual([
      { text: 'Text', y: 676 },
    ]);
  });

  it('rebuilds any page of words set on lines, from its pieces in any order', () => {
    const word = fc.stringMatching(/^[A-Za-zÄÖÜäöüß0-9.,:§„“-]{1,12}$/);
    const page = fc.array(fc.array(word, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 12 });
    fc.assert(
      fc.property(page, fc.integer({ min: 7, max: 14 }), fc.nat(), (lines, fontSize, seed) => {
        const pieces: PositionedText[] = [];
        lines.forEach((words, row) => {
          let x = 40;
          for (const text of words) {
            pieces.push(piece(text, x, 800 - row * fontSize * 1.2, fontSize));
            x += text.length * fontSize * 0.5 + fontSize * 0.25;
          }
        });
        const shuffled = pieces
          .map((value, index) => ({ value, key: (index * 7919 + seed) % 104729 }))
          .sort((left, right) => left.key - right.key)
          .map(({ value }) => value);
        expect(rebuildLines(shuffled).map((line) => line.text)).toEqual(
          lines.map((words) => words.join(' ')),
        );
      }),
    );
  });
});
