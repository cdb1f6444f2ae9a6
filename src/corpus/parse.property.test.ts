import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Item, Meeting } from '../model.ts';
import { seededRandom } from '../seeded-random.ts';
import { parseCollection } from './parse.ts';

// Generated collections in the extraction's layout: random items are wrapped into lines (with printer hyphenation
// and traps such as "2. Halbjahr" or "TOP 9 der 212. IMK" at line starts), page headers and "noch TOP" lines are
// dropped in anywhere, and the parser must give back exactly the items that were generated.

const NOUNS = [
  'Polizei',
  'Länder',
  'Bericht',
  'Sicherheit',
  'Maßnahmen',
  'Verfassungsschutz',
  'Konzept',
  'Sammlung',
];
const COMPOUNDS = ['Kooperationsbereitschaft', 'Zusammenarbeit', 'Arbeitsgruppe', 'Rückführungspolitik'];
const WORDS = [
  'die',
  'der',
  'und',
  'beauftragt',
  'prüfen',
  'insbesondere',
  'berichten',
  'öffentlichen',
  'zeitnah',
];
const PHRASES = [
  'TOP 9 der 212. IMK',
  'im 2. Halbjahr',
  'Nr. 42 MiStra',
  'z. B. die',
  'am 07.12.20',
  'Bund-Länder-Abfrage',
  'Finanz- und Gewerbebehörden',
  '§ 24 Absatz 2 der 1. SprengV',
  'Waffenhersteller und -händler',
  'wissenschaftlich-analytischen',
  '(Stand: 22.10.20)',
];
const LAENDER = ['BY', 'BW', 'BB', 'HH', 'MV', 'NW', 'SL', 'SN', 'BMI'];
const MONTHS = [
  'Januar',
  'Februar',
  'März',
  'April',
  'Mai',
  'Juni',
  'Juli',
  'August',
  'September',
  'Oktober',
  'November',
  'Dezember',
];

const token = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...WORDS) },
  { weight: 2, arbitrary: fc.constantFrom(...NOUNS, ...COMPOUNDS) },
  { weight: 1, arbitrary: fc.constantFrom(...PHRASES) },
);
const sentence = fc
  .tuple(fc.constantFrom(...NOUNS, ...COMPOUNDS), fc.array(token, { minLength: 2, maxLength: 14 }))
  .map(([first, rest]) => `${[first, ...rest].join(' ')}.`);
const text = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((sentences) => sentences.join(' '));
const title = fc
  .array(fc.constantFrom(...NOUNS, ...COMPOUNDS, ...WORDS, 'TOP 9 der 212. IMK'), {
    minLength: 1,
    maxLength: 8,
  })
  .map((words) => words.join(' '));
const note = fc.record({
  by: fc
    .uniqueArray(fc.constantFrom(...LAENDER), { minLength: 1, maxLength: 4 })
    .map((codes) =>
      codes.length === 1 ? (codes[0] ?? '') : `${codes.slice(0, -1).join(', ')} und ${codes.at(-1)}`,
    ),
  text,
});
const generatedItem = fc.record({
  gap: fc.integer({ min: 1, max: 5 }),
  sub: fc.option(fc.integer({ min: 1, max: 9 }), { nil: undefined }),
  combinedTitle: fc.option(title, { nil: undefined }),
  combinedOnOneLine: fc.boolean(),
  title,
  paragraphs: fc.array(text, { minLength: 1, maxLength: 5 }),
  numberSingle: fc.boolean(),
  notes: fc.array(note, { maxLength: 2 }),
});
const collectionSpec = fc.record({
  date: fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }),
  dateStyle: fc.constantFrom('short', 'long', 'spelled'),
  number: fc.option(fc.integer({ min: 1, max: 400 }), { nil: undefined }),
  withNotice: fc.boolean(),
  items: fc.array(generatedItem, { minLength: 1, maxLength: 6 }),
  width: fc.integer({ min: 36, max: 100 }),
  seed: fc.integer(),
});
type CollectionSpec = typeof collectionSpec extends fc.Arbitrary<infer T> ? T : never;

/** Where a printer may break a word so that the parser must rejoin it: inside plain words, at hyphens before capitals. */
function breakPoints(word: string): number[] {
  if (/^\p{L}{8,}$/u.test(word)) {
    const points = [];
    for (let index = 4; index <= word.length - 4; index += 1)
      if (!/(lich|isch)$/.test(word.slice(0, index))) points.push(index);
    return points;
  }
  return [...word.matchAll(/\p{L}-(?=\p{Lu})|lich-(?=\p{Ll})/gu)].map(
    (match) => match.index + match[0].length,
  );
}

/** Wraps text into lines of at most `width` characters (a word longer than that gets its own line). */
function wrap(text: string, width: number, next: () => number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    if (line === '' || line.length + 1 + word.length <= width) {
      line = line === '' ? word : `${line} ${word}`;
      continue;
    }
    const room = width - line.length - 1;
    const points = breakPoints(word).filter((point) => point <= room && next() < 0.7);
    const point = points.at(-1);
    if (point !== undefined) {
      const plain = /^\p{L}+$/u.test(word);
      lines.push(`${line} ${plain ? `${word.slice(0, point)}-` : word.slice(0, point)}`);
      line = word.slice(point);
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '') lines.push(line);
  return lines.map((printed) => (next() < 0.3 ? `${printed} ` : printed));
}

function printedDate(iso: string, style: string): string {
  const [year, month, day] = iso.split('-');
  if (style === 'short') return `${day}.${month}.${year?.slice(2)}`;
  if (style === 'long') return `${day}.${month}.${year}`;
  return `${Number(day)}. ${MONTHS[Number(month) - 1]} ${year}`;
}

interface Rendered {
  /** The collection as printed. */
  text: string;
  /** The same lines without the page furniture (headers, page numbers, "noch TOP"). */
  content: string;
  expected: Meeting;
}

function render(spec: CollectionSpec): Rendered {
  // seeded from fast-check's seed, so that a failing case replays
  const next = seededRandom(spec.seed);
  const iso = spec.date.toISOString().slice(0, 10);
  const [year, month, day] = iso.split('-');
  const conferenceLine = spec.number === undefined ? 'der Innenministerkonferenz' : `der ${spec.number}. IMK`;
  const headerLines = [
    'Sammlung',
    'der zur Veröffentlichung freigegebenen Beschlüsse',
    conferenceLine,
    `am ${printedDate(iso, spec.dateStyle)}`,
  ];
  const expected: Meeting = {
    id: `imk-${iso}`,
    date: iso,
    title: `Sammlung der zur Veröffentlichung freigegebenen Beschlüsse ${conferenceLine} am ${day}.${month}.${year}`,
    items: [],
  };
  if (spec.number !== undefined) expected.number = spec.number;

  type Line = { text: string; kind: 'body' | 'title'; top?: string };
  const lines: Line[] = [];
  const push = (texts: string[], kind: Line['kind'], top?: string) => {
    for (const printed of texts) lines.push({ text: printed, kind, top });
  };
  if (spec.withNotice)
    push([' Hinweise:', 'Sofern Beschlüsse nicht freigegeben sind, wird um Nachsicht gebeten.'], 'body');
  let number = 0;
  for (const generated of spec.items) {
    number += generated.gap;
    const first = generated.sub === undefined ? `${number}` : `${number}.${generated.sub}`;
    const tops = [first];
    if (generated.combinedTitle !== undefined) {
      number += 1;
      tops.push(`${number}`);
    }
    const top = tops.join('/');
    if (generated.combinedTitle === undefined) {
      push(wrap(`TOP ${first}: ${generated.title}`, spec.width, next), 'title', top);
    } else if (generated.combinedOnOneLine) {
      push(
        wrap(
          `TOP ${first}: ${generated.title} in Verbindung mit TOP ${tops[1]}: ${generated.combinedTitle}`,
          spec.width,
          next,
        ),
        'title',
        top,
      );
    } else {
      push(wrap(`TOP ${first}: ${generated.title}`, spec.width, next), 'title', top);
      push(['in Verbindung mit'], 'title', top);
      push(wrap(`TOP ${tops[1]}: ${generated.combinedTitle}`, spec.width, next), 'title', top);
    }
    push(['Beschluss:'], 'body', top);
    const numbered = generated.paragraphs.length > 1 || generated.numberSingle;
    generated.paragraphs.forEach((paragraph, index) => {
      push(wrap(numbered ? `${index + 1}. ${paragraph}` : paragraph, spec.width, next), 'body', top);
    });
    for (const generatedNote of generated.notes) {
      push(
        [`Protokollnotiz ${generatedNote.by}:`, ...wrap(generatedNote.text, spec.width + 20, next)],
        'title',
        top,
      );
    }
    const item: Item = {
      top,
      title:
        generated.combinedTitle === undefined
          ? generated.title
          : `${generated.title} in Verbindung mit TOP ${tops[1]}: ${generated.combinedTitle}`,
      paragraphs: generated.paragraphs.map((paragraph, index) => ({
        para: String(index + 1),
        text: paragraph,
      })),
      notes: generated.notes,
    };
    expected.items.push(item);
  }

  // Page breaks: a running header (the first page's, or anywhere), a page number, and "noch TOP" on a continued item.
  const output: string[] = [];
  const content: string[] = [];
  const firstHeaderAt = next() < 0.5 ? 0 : Math.floor(next() * lines.length);
  let page = 1;
  lines.forEach((line, index) => {
    if (index === firstHeaderAt || (index > 0 && next() < 0.08)) {
      output.push(...headerLines.map((printed) => `${printed} \n`), `- ${page} -\n`);
      page += 1;
      const continued = lines[index - 1]?.top;
      if (continued !== undefined && next() < 0.7)
        output.push(` noch TOP ${continued.replace('/', ' und ')}\n`);
    }
    output.push(line.kind === 'body' ? `${line.text}\n\n` : `${line.text}\n`);
    content.push(line.text);
  });
  return { text: output.join(''), content: content.join('\n'), expected };
}

describe('parseCollection on generated collections', () => {
  it('gives back exactly the generated meeting, items, paragraphs and notes', () => {
    fc.assert(
      fc.property(collectionSpec, (spec) => {
        const { text: printed, expected } = render(spec);
        expect(parseCollection(printed, { file: 'generated.txt' }).meeting).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps every character of the units, modulo whitespace and hyphens, in source order', () => {
    fc.assert(
      fc.property(collectionSpec, (spec) => {
        const { text: printed, content } = render(spec);
        const strip = (value: string) => value.replace(/[\s-]/g, '');
        const source = strip(content);
        let position = 0;
        for (const item of parseCollection(printed, { file: 'generated.txt' }).meeting.items) {
          for (const unit of [...item.paragraphs, ...item.notes]) {
            const found = source.indexOf(strip(unit.text), position);
            expect(found).toBeGreaterThanOrEqual(position);
            position = found + strip(unit.text).length;
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});
