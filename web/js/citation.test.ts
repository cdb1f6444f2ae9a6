import { beforeAll, describe, expect, it } from 'vitest';
import type { UnitCatalog } from '../../src/citation/catalog.ts';
import {
  formatMarker,
  formatMarkers,
  fullCitation as serverFullCitation,
} from '../../src/citation/marker.ts';
import { FIXTURE_MEETING, fixtureCatalog, SECOND_MEETING } from '../../src/server/testing/fixture-meeting.ts';
import { testApp } from '../../src/server/testing/test-app.ts';
import { corpusCatalog } from '../testing/corpus-catalog.ts';
import {
  citationNames,
  fullCitation,
  meetingLabel,
  paraLabel,
  parseMarkers,
  parseUnitId,
  unitApiPath,
} from './citation.js';

let catalogs: Array<{ name: string; catalog: UnitCatalog }>;

beforeAll(async () => {
  catalogs = [
    { name: 'real corpus', catalog: await corpusCatalog() },
    { name: 'fixture with two meetings', catalog: fixtureCatalog([FIXTURE_MEETING, SECOND_MEETING]) },
  ];
});

describe('the page reads citations exactly as the server writes them', () => {
  it('parses every marker the server formats to the one unit it names', () => {
    for (const { catalog } of catalogs) {
      for (const unit of catalog.units) {
        for (const withMeeting of [false, true]) {
          const [marker, ...rest] = parseMarkers(`Aussage. ${formatMarker(unit, { withMeeting })} Weiter.`);
          expect(rest).toEqual([]);
          const named = catalog.units.filter((other) => citationNames(marker!.citations[0]!, other));
          // Without the meeting a marker names the unit in every meeting holding that TOP and paragraph.
          if (withMeeting) expect(named.map((each) => each.id)).toEqual([unit.id]);
          else expect(named.map((each) => each.id)).toContain(unit.id);
          expect(named.every((each) => each.top === unit.top && each.para === unit.para)).toBe(true);
        }
      }
    }
  });

  it('reads several citations in one bracket, separated by semicolons', () => {
    const [first, second] = catalogs[0]!.catalog.units;
    const [marker] = parseMarkers(`Text ${formatMarkers([first!, second!], { withMeeting: false })}`);
    expect(marker?.citations.map((citation) => citation.text)).toEqual([
      formatMarker(first!, { withMeeting: false }).slice(1, -1),
      formatMarker(second!, { withMeeting: false }).slice(1, -1),
    ]);
  });

  it('skips brackets that hold no citation', () => {
    expect(
      parseMarkers('Die Länder [siehe Anlage] und [TOP 46 Ziff. 8]').map((marker) => marker.text),
    ).toEqual(['[TOP 46 Ziff. 8]']);
  });

  it('writes the same quotable citation as the server for every unit', () => {
    for (const { catalog } of catalogs) {
      for (const unit of catalog.units) {
        expect(fullCitation({ ...unit, paragraphCount: unit.itemParagraphCount })).toBe(
          serverFullCitation(unit),
        );
      }
    }
  });

  it('labels a unit within its item', () => {
    expect(paraLabel({ para: '8', paragraphCount: 9 })).toBe('Ziff. 8');
    expect(paraLabel({ para: '1', paragraphCount: 1 })).toBe('Beschluss');
    expect(paraLabel({ para: 'Protokollnotiz SN', paragraphCount: 1 })).toBe('Protokollnotiz SN');
    expect(meetingLabel('imk-2020-12-10')).toBe('IMK 10.12.2020');
  });

  it('splits unit ids back into meeting, TOP and para, combined TOPs and long note labels included', () => {
    for (const { catalog } of catalogs) {
      for (const unit of catalog.units) {
        expect(parseUnitId(unit.id)).toEqual({ meeting: unit.meeting, top: unit.top, para: unit.para });
      }
    }
  });

  it('builds unit URLs the server answers with that very unit', async () => {
    const { app } = testApp();
    for (const unit of fixtureCatalog().units) {
      const response = await app.request(unitApiPath(unit));
      expect(response.status, unitApiPath(unit)).toBe(200);
      expect(((await response.json()) as { id: string }).id).toBe(unit.id);
    }
  });
});
