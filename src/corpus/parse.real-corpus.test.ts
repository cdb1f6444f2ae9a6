import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Collection, Item } from '../model.ts';
import { DEFAULT_CORPUS_DIR } from '../paths.ts';
import { parseCollection } from './parse.ts';

const FILE = path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt');

let source: string;
let collection: Collection;
const item = (top: string): Item => {
  const found = collection.meeting.items.find((candidate) => candidate.top === top);
  if (!found) throw new Error(`no TOP ${top}`);
  return found;
};
const paragraph = (top: string, para: string) => item(top).paragraphs.find((p) => p.para === para)?.text;

beforeAll(async () => {
  source = await readFile(FILE, 'utf8');
  collection = parseCollection(source, { file: FILE });
});

describe('the IMK collection of 10.12.2020', () => {
  it('is the meeting of 10 December 2020, without a number the text does not state', () => {
    const { items, ...meeting } = collection.meeting;
    expect(meeting).toEqual({
      id: 'imk-2020-12-10',
      date: '2020-12-10',
      title:
        'Sammlung der zur Veröffentlichung freigegebenen Beschlüsse der Beratung der Ständigen Konferenz der Innenminister und -senatoren der Länder am 10.12.2020',
    });
    expect(collection.file).toBe(FILE);
  });

  it('has the items in document order, the combined one as 6/7', () => {
    expect(collection.meeting.items.map((candidate) => candidate.top)).toEqual(
      '3,4,5,6/7,8,9,10,14,16,17,18,20,21,22,23,24,25,27,28,29.2,32,33,34,35,37,38,39,42,43,45,46,47,48,49,50,51,52,53'.split(
        ',',
      ),
    );
  });

  it('has the printed number of paragraphs per item', () => {
    const counts = Object.fromEntries(collection.meeting.items.map((c) => [c.top, c.paragraphs.length]));
    expect(counts).toEqual({
      '3': 4,
      '4': 3,
      '5': 6,
      '6/7': 9,
      '8': 4,
      '9': 1,
      '10': 3,
      '14': 1,
      '16': 3,
      '17': 2,
      '18': 1,
      '20': 3,
      '21': 2,
      '22': 3,
      '23': 2,
      '24': 1,
      '25': 5,
      '27': 1,
      '28': 1,
      '29.2': 3,
      '32': 1,
      '33': 2,
      '34': 1,
      '35': 3,
      '37': 2,
      '38': 3,
      '39': 1,
      '42': 1,
      '43': 1,
      '45': 2,
      '46': 9,
      '47': 2,
      '48': 1,
      '49': 4,
      '50': 5,
      '51': 4,
      '52': 2,
      '53': 1,
    });
    expect(collection.meeting.items.filter((c) => c.paragraphs.length === 1)).toHaveLength(13);
    for (const candidate of collection.meeting.items) {
      expect(candidate.paragraphs.map((p) => p.para)).toEqual(
        candidate.paragraphs.map((_, index) => String(index + 1)),
      );
    }
  });

  it('attaches the Protokollnotizen to the items above them, labelled as printed', () => {
    const notes = collection.meeting.items
      .filter((c) => c.notes.length > 0)
      .map((c) => [c.top, c.notes.map((n) => n.by)]);
    expect(notes).toEqual([
      ['38', ['HH']],
      ['39', ['BY']],
      ['46', ['BY, BW, BB, MV, NW, SL und BMI', 'SN']],
    ]);
    expect(item('39').notes[0]?.text).toBe(
      'Die Prüfung der Einführung einer Ermächtigungsgrundlage für Kommunen zur Einschränkung des Abbrennens erlaubnisfreien Feuerwerks hat die bereits bestehende Ermächtigungsgrundlage gemäß § 24 Absatz 2 der 1. SprengV zu berücksichtigen.',
    );
    expect(item('46').notes[1]?.text).toMatch(/^Sachsen ist der Auffassung, .* umsetzen sollen\.$/);
  });

  it('joins multi-line titles and the combined item title as printed', () => {
    expect(item('6/7').title).toBe(
      'Rechtsextremismus in der Polizei in Verbindung mit TOP 7: Resilienz gegen verfassungsfeindliche Tendenzen in der Polizei',
    );
    expect(item('38').title).toBe(
      'Umsatzbesteuerung der öffentlichen Hand - Nutzung des verlängerten Überganszeitraums zur Entwicklung einer kommunalverträglichen Auslegung von § 2b UStG',
    );
    expect(item('52').title).toBe(
      'Kooperations- und Rücknahmebereitschaft anderer Staaten bei Ausreisepflichtigen',
    );
  });

  it('keeps a subtitle the printer set on its own line apart from the heading', () => {
    expect(item('22').title).toBe(
      'Nationales Waffenregister (NWR) – Betrieb und Ausbau zum NWR II - Sachstandsbericht',
    );
    expect(item('29.2').title).toMatch(/^Herausforderungen .* Gewalttaten – Praktische Erfahrungen /u);
    // Wrapped lines that start with a capitalised noun still run on.
    expect(item('20').title).toBe('Initiierung einer Bund-Länder-Arbeitsgemeinschaft "Kampfmittelräumung"');
    expect(item('23').title).toBe(
      'Schreckschuss-, Reizstoff- und Signalwaffen: Verschärfung des Waffenrechts',
    );
  });

  it('keeps the reference "TOP 9 der 212. IMK" inside paragraph 1 of TOP 29.2', () => {
    expect(paragraph('29.2', '1')).toBe(
      'Die IMK nimmt den "Bericht des AK IV zur Umsetzung der Ziffer 1 des Beschlusses zu TOP 9 der 212. IMK" (Stand: 22.10.20) (nicht freigegeben) zur Kenntnis.',
    );
  });

  it('undoes printer hyphenation but keeps real hyphens', () => {
    expect(paragraph('52', '1')).toContain('eine nur geringe Kooperationsbereitschaft zeigen');
    expect(paragraph('22', '2')).toContain('die Registrierung der Waffenhersteller und -händler sowie');
    expect(paragraph('8', '3')).toContain(
      'Sie hebt die weitere Stärkung der wissenschaftlich-analytischen Fähigkeiten',
    );
    expect(paragraph('23', '2')).toContain('bis zur Frühjahrs-IMK 2021 zu prüfen');
    expect(paragraph('46', '7')).toContain('zur sogenannten Quellen-Telekommunikations-überwachung und');
    expect(paragraph('3', '3')).toContain('der Finanz- und Gewerbebehörden');
  });

  it('drops continuation lines and running headers between and inside paragraphs', () => {
    expect(paragraph('6/7', '5')).toMatch(/Öffentlichkeitsarbeit nach innen und außen\.$/);
    expect(paragraph('6/7', '6')).toMatch(/^Die IMK hält es für dringend erforderlich/);
    expect(paragraph('29.2', '3')).toMatch(/über einen gewissen Zeitraum etablieren konnte\.$/);
    expect(paragraph('49', '4')).toBe(
      'Sie beauftragt die Arbeitsgruppe Internationale Polizeimissionen (AG IPM), die erforderlichen Maßnahmen zu treffen.',
    );
    const texts = collection.meeting.items.flatMap((c) =>
      [...c.paragraphs, ...c.notes].map((unit) => unit.text),
    );
    for (const text of texts) expect(text).not.toMatch(/Sammlung|noch TOP|- \d+ -|freigegebenen Beschlüsse/);
  });

  it('keeps "2. Halbjahr" at a line start inside its paragraph and unnumbered items whole', () => {
    expect(paragraph('35', '3')).toBe(
      'Die IMK nimmt den "Bericht zum IT-Planungsrat" des Ansprechpartners der IMK über die Sitzungen des IT-Planungsrats im 2. Halbjahr 2020 (freigegeben) zur Kenntnis.',
    );
    expect(item('53').paragraphs).toHaveLength(1);
    expect(paragraph('53', '1')).toMatch(
      /^Die IMK bittet das BMI, .* unmittelbar zur Pandemiebekämpfung beitragen\.$/,
    );
  });

  it('does not take the opening "Hinweise:" block for an item', () => {
    const texts = collection.meeting.items.flatMap((c) => [c.title, ...c.paragraphs.map((p) => p.text)]);
    for (const text of texts) expect(text).not.toContain('Nachfragen abzusehen');
  });

  it('reproduces the whole text of the source modulo whitespace, hyphens and page furniture', () => {
    const furniture = [
      /^Sammlung$/,
      /^der zur Veröffentlichung freigegebenen Beschlüsse$/,
      /^der Beratung der Ständigen Konferenz der Innenminister und -senatoren der Länder$/,
      /^am 10\.12\.20$/,
      /^- \d+ -$/,
      /^noch TOP [\d ]+(und [\d ]+)?$/,
    ];
    const lines = source.split('\n').map((line) => line.trim());
    const content = lines.slice(lines.findIndex((line) => line.startsWith('TOP 3:')));
    // A subtitle's " – " stands for a line break of the source.
    const normalize = (text: string) => text.replace(/[\s–-]/g, '');
    const literal = (text: string) => normalize(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const actual = normalize(
      content.filter((line) => !furniture.some((pattern) => pattern.test(line))).join(''),
    );
    const expected = collection.meeting.items
      .map((candidate) => {
        const tops = candidate.top.split('/');
        const header = `TOP ${tops[0]}: ${candidate.title}`;
        const paragraphs = candidate.paragraphs.map((p) =>
          candidate.paragraphs.length === 1 ? `(?:1\\.)?${literal(p.text)}` : literal(`${p.para}. ${p.text}`),
        );
        const notes = candidate.notes.map((note) => literal(`Protokollnotiz ${note.by}: ${note.text}`));
        return [literal(header), literal('Beschluss:'), ...paragraphs, ...notes].join('');
      })
      .join('');
    expect(actual).toMatch(new RegExp(`^${expected}$`));
  });
});
