import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../testing/errors.ts';
import { parseCollection } from './parse.ts';

const fixture = (name: string) => readFile(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

/** A collection in the extraction's layout: every body line followed by an empty line. */
const layout = (...lines: string[]) => lines.map((line) => `${line}\n\n`).join('');
const HEADER = layout(
  'Sammlung',
  'der zur Veröffentlichung freigegebenen Beschlüsse',
  'der 213. IMK',
  'am 10.12.20',
  '- 2 -',
);

const parseError = (text: string) => errorOf(() => parseCollection(text, { file: 'x.txt' }));

const IMK_2021 = await fixture('imk-2021-06-18.txt');
const GMK_2020 = await fixture('gmk-2020-06-16.txt');

describe('parseCollection on a collection of another meeting', () => {
  const { meeting } = parseCollection(IMK_2021, { file: 'imk-2021-06-18.txt' });
  const item = (top: string) => meeting.items.find((candidate) => candidate.top === top);

  it('reads id, date, number and title from the header with a spelled-out date', () => {
    expect(meeting.id).toBe('imk-2021-06-18');
    expect(meeting.date).toBe('2021-06-18');
    expect(meeting.number).toBe(214);
    expect(meeting.title).toBe(
      'Sammlung der zur Veröffentlichung freigegebenen Beschlüsse der 214. IMK am 18.06.2021',
    );
  });

  it('finds the items, including a dotted TOP and a combined one written on one line', () => {
    expect(meeting.items.map((candidate) => candidate.top)).toEqual(['2', '12.1', '14/15']);
    expect(item('14/15')?.title).toBe(
      'Resilienz der Polizei in Verbindung mit TOP 15: Extremismus im öffentlichen Dienst',
    );
  });

  it('joins a title over three lines whose second line starts with a TOP reference', () => {
    expect(item('2')?.title).toBe(
      'Bericht über die Umsetzung von TOP 9 der 212. IMK zum Waffenrecht und zu weiteren Fragen der Sicherheit',
    );
    expect(item('2')?.paragraphs).toEqual([
      {
        para: '1',
        text: 'Die IMK nimmt den Bericht zur Umsetzung der Ziffer 1 des Beschlusses zu TOP 9 der 212. IMK (Stand: 01.03.21) zur Kenntnis und bittet die Frühjahrs-IMK 2022, erneut zu beraten.',
      },
    ]);
  });

  it('continues a paragraph across a page header and keeps "2. Halbjahr" inside paragraph 1', () => {
    expect(item('12.1')?.paragraphs).toEqual([
      {
        para: '1',
        text: 'Die IMK nimmt den Bericht über die Sitzungen des Gremiums im 2. Halbjahr 2020 zur Kenntnis. Sie begrüßt die Kooperationsbereitschaft der Länder.',
      },
      {
        para: '2',
        text: 'Sie bittet das BMI, die Registrierung der Hersteller und -händler zu prüfen und die wissenschaftlich-analytischen Fähigkeiten sowie die Finanz- und Gewerbebehörden zu stärken. Dabei sind die Vorgaben der Nr. 42 MiStra zu berücksichtigen, soweit die Länder dies für erforderlich halten.',
      },
      { para: '3', text: 'Die IMK beauftragt den AK II, zur Herbstsitzung 2021 zu berichten.' },
    ]);
  });

  it('attaches two Protokollnotizen to one item, a note line starting "1. SprengV" included', () => {
    expect(item('14/15')?.notes).toEqual([
      {
        by: 'HH',
        text: 'Hamburg hält eine gesetzliche Regelung gemäß § 24 Absatz 2 der 1. SprengV für ausreichend.',
      },
      {
        by: 'BY, BW und BMI',
        text: 'Bayern, Baden-Württemberg und das BMI halten die Prüfung für entbehrlich.',
      },
    ]);
    expect(item('14/15')?.paragraphs.map((p) => p.text)).toEqual([
      'Die IMK bekräftigt ihre Haltung.',
      'Sie bittet die Länder, ihre Konzepte zur Quellen-Telekommunikations-überwachung fortzuschreiben.',
    ]);
  });
});

describe('parseCollection on another conference', () => {
  const { meeting } = parseCollection(GMK_2020, { file: 'gmk.txt' });

  it('names the meeting after the conference in the header and the first day of a range', () => {
    expect(meeting.id).toBe('gmk-2020-06-16');
    expect(meeting.number).toBe(93);
    expect(meeting.title).toBe(
      'Sammlung der zur Veröffentlichung freigegebenen Beschlüsse der 93. Gesundheitsministerkonferenz vom 16. bis 17.06.2020',
    );
    expect(meeting.items.map((item) => [item.top, item.title, item.paragraphs.length])).toEqual([
      ['5', 'Stärkung des Öffentlichen Gesundheitsdienstes', 1],
      ['6', 'Pflege', 2],
    ]);
  });
});

describe('parseCollection meeting data', () => {
  const item =
    layout(' TOP 1: Thema') + layout('Beschluss:', 'Die GMK nimmt den Bericht zur Kenntnis. Die GMK dankt.');

  it('takes the date from title lines before the first item when there is no running header', () => {
    const { meeting } = parseCollection(
      layout('Beschlüsse der 97. Sitzung der Kultusministerkonferenz', 'am 1. März 2022') + item,
      {
        file: 'kmk.txt',
      },
    );
    expect(meeting).toMatchObject({ id: 'kmk-2022-03-01', date: '2022-03-01', number: 97 });
    expect(meeting.title).toBe('Beschlüsse der 97. Sitzung der Kultusministerkonferenz am 01.03.2022');
  });

  it('falls back to the abbreviation the resolutions use most when the title names no conference', () => {
    const { meeting } = parseCollection(
      layout('Sammlung der freigegebenen Beschlüsse', 'am 02.03.2022') + item,
      {
        file: 'x.txt',
      },
    );
    expect(meeting.id).toBe('gmk-2022-03-02');
    expect(meeting.number).toBeUndefined();
  });

  it('does not take a meeting number from a reference inside a resolution', () => {
    const text = `${layout('Sammlung der Beschlüsse der Innenministerkonferenz am 10.12.20')}${layout(' TOP 9: Waffenrecht', 'Beschluss:', 'Die IMK verweist auf TOP 9 der 212. IMK.')}`;
    const { meeting } = parseCollection(text, { file: 'x.txt' });
    expect(meeting.id).toBe('imk-2020-12-10');
    expect(meeting.number).toBeUndefined();
  });

  it('uses the IMK when nothing names a conference', () => {
    const text =
      HEADER.replace('der 213. IMK', 'der Beratung') + layout(' TOP 1: Thema', 'Beschluss:', 'Text.');
    expect(parseCollection(text, { file: 'x.txt' }).meeting.id).toBe('imk-2020-12-10');
  });
});

describe('parseCollection structure rules', () => {
  it('treats "TOP n: …" that never reaches "Beschluss:" as text of the paragraph', () => {
    const text =
      HEADER +
      layout(
        ' TOP 4: Thema',
        'Beschluss:',
        '1. Die IMK verweist auf ihren Beschluss zu',
        'TOP 29: Harmonisierung der Befugnisse.',
      ) +
      layout('2. Sie bittet um Bericht.');
    const [item] = parseCollection(text, { file: 'x.txt' }).meeting.items;
    expect(item?.paragraphs).toEqual([
      { para: '1', text: 'Die IMK verweist auf ihren Beschluss zu TOP 29: Harmonisierung der Befugnisse.' },
      { para: '2', text: 'Sie bittet um Bericht.' },
    ]);
  });

  it('joins three items combined with "in Verbindung mit" on separate lines', () => {
    const text =
      HEADER +
      layout(
        ' TOP 6: Eins',
        'in Verbindung mit',
        'TOP 7: Zwei',
        'in Verbindung mit',
        'TOP 8: Drei',
        'Beschluss:',
        'Text.',
      );
    const [item] = parseCollection(text, { file: 'x.txt' }).meeting.items;
    expect(item).toMatchObject({
      top: '6/7/8',
      title: 'Eins in Verbindung mit TOP 7: Zwei in Verbindung mit TOP 8: Drei',
    });
  });

  it('removes "noch TOP" lines and page numbers inside a paragraph', () => {
    const text =
      HEADER +
      layout(
        ' TOP 4: Thema',
        'Beschluss:',
        'Die IMK bittet die',
        '- 3 -',
        ' noch TOP 4',
        'Länder um Bericht.',
      );
    expect(parseCollection(text, { file: 'x.txt' }).meeting.items[0]?.paragraphs).toEqual([
      { para: '1', text: 'Die IMK bittet die Länder um Bericht.' },
    ]);
  });

  it('keeps a paragraph line that starts like a running header but has no page number', () => {
    const text =
      HEADER +
      layout(
        ' TOP 4: Thema',
        'Beschluss:',
        'Die IMK bittet, die',
        'Sammlung der Beschlüsse der Vorjahre',
        'am 10.12.20 abzuschließen.',
      );
    expect(parseCollection(text, { file: 'x.txt' }).meeting.items[0]?.paragraphs[0]?.text).toBe(
      'Die IMK bittet, die Sammlung der Beschlüsse der Vorjahre am 10.12.20 abzuschließen.',
    );
  });

  it('reads Windows line ends and form feeds like newlines', () => {
    const text = `${HEADER} TOP 4: Thema\r\n\r\nBeschluss:\r\n\r\n1. Eins.\f2. Zwei.\r\n`;
    expect(parseCollection(text, { file: 'x.txt' }).meeting.items[0]?.paragraphs.map((p) => p.text)).toEqual([
      'Eins.',
      'Zwei.',
    ]);
  });
});

describe('parseCollection errors', () => {
  it('rejects a text without any content as FILE_EMPTY', () => {
    expect(parseError(' \n\n \t\n')).toMatchObject({
      code: 'FILE_EMPTY',
      message: expect.stringContaining('x.txt'),
    });
  });

  it('rejects a text without item headers as FILE_NO_ITEMS, naming the file', () => {
    const error = parseError(`${HEADER}${layout('Die IMK nimmt den Bericht zur Kenntnis.')}`);
    expect(error.code).toBe('FILE_NO_ITEMS');
    expect(error.message).toMatch(/^x\.txt: no agenda item found .*"TOP 3: <title>"/);
  });

  it('rejects a collection without a meeting date as FILE_NO_MEETING_DATE', () => {
    const error = parseError(layout(' TOP 1: Thema', 'Beschluss:', 'Die IMK dankt.'));
    expect(error.code).toBe('FILE_NO_MEETING_DATE');
    expect(error.message).toContain('x.txt');
  });

  it('rejects a TOP printed twice as FILE_DUPLICATE_ITEM', () => {
    const text =
      HEADER +
      layout(
        ' TOP 6: A',
        'in Verbindung mit',
        'TOP 7: B',
        'Beschluss:',
        'Text.',
        ' TOP 7: C',
        'Beschluss:',
        'Text.',
      );
    expect(parseError(text)).toMatchObject({
      code: 'FILE_DUPLICATE_ITEM',
      message: expect.stringContaining('TOP 7'),
    });
  });
});
