import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isPageNumberLine, removeRunningFurniture } from './pdf-furniture.ts';
import type { PageLine } from './pdf-lines.ts';

const HEADER = ['Sammlung', 'der zur Veröffentlichung freigegebenen Beschlüsse', 'am 10.12.20'];

/** A page as printed: header lines, then optional page number, then content, then optional footer, 12 pt apart. */
function page(options: {
  header?: string[];
  top?: string;
  content: string[];
  bottom?: string[];
}): PageLine[] {
  const lines = [
    ...(options.header ?? []),
    ...(options.top === undefined ? [] : [options.top]),
    ...options.content,
  ];
  const printed = lines.map((text, index) => ({ text, y: 800 - index * 12 }));
  const footer = (options.bottom ?? []).map((text, index, all) => ({
    text,
    y: 40 + (all.length - index) * 12,
  }));
  return [...printed, ...footer];
}

describe('isPageNumberLine', () => {
  it.each(['- 23 -', '– 3 –', 'Seite 3', 'Seite 3 von 40', 'S. 12', 'Page 2 of 9', '3', '3/40', '3 von 40'])(
    'takes "%s" for a page number',
    (text) => expect(isPageNumberLine(text)).toBe(true),
  );

  it.each(['1. Die IMK dankt.', 'TOP 3:', '2021', '§ 86a StGB', '- wie jeder andere -'])(
    'takes "%s" for text',
    (text) => expect(isPageNumberLine(text)).toBe(false),
  );
});

describe('removeRunningFurniture', () => {
  it('removes the running header and page number of every page and keeps the first header as the title', () => {
    const pages = [
      page({
        header: HEADER,
        top: '- 1 -',
        content: ['TOP 3: Finanzströme', 'Beschluss:', 'Die IMK dankt.'],
      }),
      page({ header: HEADER, top: '- 2 -', content: ['noch TOP 3', 'Sie bittet den AK IV.'] }),
      page({
        header: HEADER,
        top: '- 3 -',
        content: ['TOP 4: Reichsflaggen', 'Beschluss:', 'Die IMK prüft.'],
      }),
    ];
    expect(removeRunningFurniture(pages)).toEqual({
      title: HEADER,
      pages: [
        ['TOP 3: Finanzströme', 'Beschluss:', 'Die IMK dankt.'],
        ['noch TOP 3', 'Sie bittet den AK IV.'],
        ['TOP 4: Reichsflaggen', 'Beschluss:', 'Die IMK prüft.'],
      ],
    });
  });

  it('removes a footer whose page numbers change and appends its first copy to the title', () => {
    const texts = ['Die IMK dankt.', 'Sie bittet den AK IV.', 'Der Bericht liegt vor.', 'Sie prüft.'];
    const pages = texts.map((text, index) =>
      page({ content: [text], bottom: ['IMK Herbstsitzung 2020', `Seite ${index + 1} von 4`] }),
    );
    const result = removeRunningFurniture(pages);
    expect(result.pages).toEqual(texts.map((text) => [text]));
    expect(result.title).toEqual(['IMK Herbstsitzung 2020']);
  });

  it('keeps a line that repeats at the same height on many pages when text stands between it and the edge', () => {
    const pages = [5, 6, 7].map((number) =>
      page({
        header: HEADER,
        content: [`TOP ${number}: Thema ${'x'.repeat(number)}`, 'Beschluss:', 'Die IMK dankt.'],
      }),
    );
    const long = (letter: string) =>
      page({
        header: HEADER,
        content: [
          `TOP 8: Lang ${letter}`,
          'Beschluss:',
          ...Array.from({ length: 50 }, (_, index) => letter.repeat(index + 1)),
        ],
      });
    const result = removeRunningFurniture([...pages, long('a'), long('b')]);
    expect(result.pages.slice(0, 3)).toEqual(
      [5, 6, 7].map((number) => [
        `TOP ${number}: Thema ${'x'.repeat(number)}`,
        'Beschluss:',
        'Die IMK dankt.',
      ]),
    );
    expect(result.title).toEqual(HEADER);
  });

  it('keeps the closing sentence of short pages when the text of longer pages runs below it', () => {
    const short = (title: string) =>
      page({ content: [`TOP 1: ${title}`, 'Beschluss:', 'Die IMK nimmt den Bericht zur Kenntnis.'] });
    const long = (letter: string) =>
      page({ content: Array.from({ length: 40 }, (_, index) => letter.repeat(index + 1)) });
    const result = removeRunningFurniture([
      short('Waffen'),
      short('Cyber'),
      short('Kataster'),
      long('a'),
      long('b'),
    ]);
    expect(result.pages.slice(0, 3).map((lines) => lines.at(-1))).toEqual(
      Array(3).fill('Die IMK nimmt den Bericht zur Kenntnis.'),
    );
  });

  it('keeps a line that repeats on many pages at different heights', () => {
    const pages = [1, 2, 3].map((number) =>
      page({
        content: [
          ...Array.from({ length: number }, (_, index) => `Zeile ${'ab'.repeat(index + number)}`),
          'Beschluss:',
        ],
      }),
    );
    expect(removeRunningFurniture(pages).pages.every((lines) => lines.at(-1) === 'Beschluss:')).toBe(true);
  });

  it('keeps a header that is on too few pages to be running, for the parser to judge', () => {
    const pages = [
      page({ header: HEADER, top: '- 1 -', content: ['TOP 3: Finanzströme'] }),
      ...[2, 3, 4, 5, 6].map((number) =>
        page({ top: `- ${number} -`, content: [`Absatz ${'y'.repeat(number)}.`] }),
      ),
    ];
    const result = removeRunningFurniture(pages);
    expect(result.title).toEqual([]);
    expect(result.pages[0]).toEqual([...HEADER, '- 1 -', 'TOP 3: Finanzströme']);
    expect(result.pages[1]).toEqual(['Absatz yy.']);
  });

  it('treats a one-page document as having no running lines but still drops its page number', () => {
    expect(removeRunningFurniture([page({ header: HEADER, content: ['TOP 3: A'], bottom: ['1'] })])).toEqual({
      title: [],
      pages: [[...HEADER, 'TOP 3: A']],
    });
  });

  it('returns every content line in order for any pages framed by a header and numbered footers', () => {
    const sentence = fc
      .array(fc.stringMatching(/^[a-zäöüß]{2,10}$/), { minLength: 2, maxLength: 6 })
      .map((words) => `${words.join(' ')}.`);
    // Content lines are distinct: a line repeated at the same place on many pages is furniture by definition.
    const document = fc
      .uniqueArray(sentence, { minLength: 2, maxLength: 80 })
      .chain((lines) =>
        fc
          .integer({ min: 1, max: Math.ceil(lines.length / 2) })
          .map((size) =>
            Array.from({ length: Math.ceil(lines.length / size) }, (_, index) =>
              lines.slice(index * size, (index + 1) * size),
            ),
          ),
      );
    fc.assert(
      fc.property(document, fc.constantFrom('- # -', 'Seite # von 9', '#'), (contents, label) => {
        const printed = contents.map((content, index) =>
          page({ header: HEADER, content, bottom: [label.replace('#', String(index + 1))] }),
        );
        const result = removeRunningFurniture(printed);
        expect(result.pages).toEqual(contents);
        expect(result.title).toEqual(HEADER);
      }),
    );
  });
});
