import { describe, expect, it } from 'vitest';
import { BeschlussError } from '../errors.ts';
import { type Meeting, unitsOf } from '../model.ts';
import { item } from '../testing/meeting-item.ts';
import { UnitCatalog } from './catalog.ts';
import { parseMarkers } from './marker.ts';
import { findReferences } from './reference.ts';

const autumn: Meeting = {
  id: 'imk-2020-12-10',
  date: '2020-12-10',
  number: 213,
  title: 'IMK 10.12.2020',
  items: [
    item('6/7', 'Rechtsextremismus in der Polizei', { 1: 'Erster.', 2: 'Zweiter.' }),
    item('9', 'Lagebild Antisemitismus', { 1: 'Nur einer.' }),
    item(
      '46',
      'Terrorismus',
      { 1: 'Eins.', 8: 'Acht.' },
      { 'BY, BW, BB, MV, NW, SL und BMI': 'Sieben Länder.', SN: 'Sachsen.' },
    ),
  ],
};
const spring: Meeting = {
  id: 'imk-2021-06-18',
  date: '2021-06-18',
  title: 'IMK 18.06.2021',
  items: [item('9', 'Anderes', { 1: 'Frühjahr.' })],
};

function catalog(...meetings: Meeting[]) {
  return new UnitCatalog(
    meetings.flatMap(unitsOf),
    meetings.map(({ items: _items, ...summary }) => summary),
  );
}

function ids(units: { id: string }[]) {
  return units.map((unit) => unit.id);
}

describe('UnitCatalog.resolve', () => {
  const single = catalog(autumn);

  it('resolves TOP and Ziffer exactly', () => {
    const [reference] = findReferences('TOP 46 Ziffer 8');
    expect(ids(single.resolve(reference!))).toEqual(['imk-2020-12-10/46/8']);
  });

  it('finds a combined item by either number', () => {
    const [reference] = findReferences('TOP 7');
    expect(ids(single.resolve(reference!))).toEqual(['imk-2020-12-10/6/7/1', 'imk-2020-12-10/6/7/2']);
  });

  it('resolves a Protokollnotiz by Land name, also inside a joint label', () => {
    const [saxony] = findReferences('die Protokollnotiz von Sachsen unter TOP 46');
    expect(ids(single.resolve(saxony!))).toEqual(['imk-2020-12-10/46/Protokollnotiz SN']);
    const [bavaria] = findReferences('Welche Protokollnotiz hat Bayern abgegeben?');
    expect(ids(single.resolve(bavaria!))).toEqual([
      'imk-2020-12-10/46/Protokollnotiz BY, BW, BB, MV, NW, SL und BMI',
    ]);
  });

  it('returns nothing for a paragraph that does not exist', () => {
    const [reference] = findReferences('TOP 46 Ziffer 15');
    expect(single.resolve(reference!)).toEqual([]);
  });

  it('keeps meetings apart and honours a date or meeting filter', () => {
    const both = catalog(autumn, spring);
    const [reference] = findReferences('TOP 9');
    expect(ids(both.resolve(reference!))).toEqual(['imk-2020-12-10/9/1', 'imk-2021-06-18/9/1']);
    expect(ids(both.resolve(reference!, { meeting: 'imk-2021-06-18' }))).toEqual(['imk-2021-06-18/9/1']);
    const [dated] = findReferences('IMK 10.12.2020, TOP 9');
    expect(ids(both.resolve(dated!))).toEqual(['imk-2020-12-10/9/1']);
    expect(both.multiMeeting).toBe(true);
  });
});

describe('UnitCatalog.resolveCitation', () => {
  const single = catalog(autumn);

  it('resolves markers of every form and rejects invented ones', () => {
    const text =
      'A [TOP 46 Ziff. 8]. B [TOP 9]. C [TOP 46 Protokollnotiz SN]. D [TOP 46 Ziff. 5]. E [TOP 46].';
    const resolved = parseMarkers(text).map((marker) => single.resolveCitation(marker.citations[0]!)?.id);
    expect(resolved).toEqual([
      'imk-2020-12-10/46/8',
      'imk-2020-12-10/9/1',
      'imk-2020-12-10/46/Protokollnotiz SN',
      undefined,
      undefined,
    ]);
  });
});

describe('UnitCatalog.require and tableOfContents', () => {
  const both = catalog(autumn, spring);

  it('says what exists when a unit is missing', () => {
    expect(both.require('imk-2020-12-10', '46', '8').text).toBe('Acht.');
    try {
      both.require('imk-2020-12-10', '46', '3');
      expect.unreachable();
    } catch (error) {
      expect(BeschlussError.is(error, 'UNIT_NOT_FOUND')).toBe(true);
      expect((error as Error).message).toContain('1, 8, Protokollnotiz');
    }
    expect(() => both.require('imk-1999-01-01', '1', '1')).toThrow(
      /Eine Sitzung „imk-1999-01-01“ ist nicht geladen/,
    );
  });

  it('lists meetings oldest first with their items and units', () => {
    const toc = both.tableOfContents();
    expect(toc.meetings.map((meeting) => meeting.id)).toEqual(['imk-2020-12-10', 'imk-2021-06-18']);
    expect(toc.meetings[0]?.items.map((item) => item.top)).toEqual(['6/7', '9', '46']);
    expect(toc.meetings[0]?.number).toBe(213);
    expect(toc.meetings[0]?.items[2]?.units).toHaveLength(4);
  });
});
