// Hand-written meetings for the server tests: several-paragraph items, a one-paragraph item, a combined item
// "6/7", a dotted TOP "29.2" and Protokollnotizen, plus a second meeting for the several-meetings case.
import { UnitCatalog } from '../../citation/index.ts';
import { type Meeting, unitsOf } from '../../model.ts';
import { item } from '../../testing/meeting-item.ts';

export const FIXTURE_MEETING: Meeting = {
  id: 'imk-2020-12-10',
  date: '2020-12-10',
  number: 213,
  title: 'Sammlung der zur Veröffentlichung freigegebenen Beschlüsse der 213. Sitzung der IMK',
  items: [
    item('3', 'Aufdeckung möglicher Finanzströme rechtsextremer Organisationen und Akteure', {
      1: 'Die IMK stellt fest, dass die Aufklärung der Einnahmequellen des Rechtsextremismus einen hohen Stellenwert besitzt.',
      2: 'Gleichwohl sieht sie den Bedarf, die Aufklärungsdichte der Finanzströme weiter zu verbessern.',
      3: 'Sie beauftragt den AK IV, eine länderoffene Arbeitsgruppe einzurichten und bis zur Herbstkonferenz 2021 zu berichten.',
    }),
    item(
      '6/7',
      'Lagebild Clankriminalität in Verbindung mit Bekämpfung der Clankriminalität',
      { 1: 'Die IMK nimmt das Lagebild Clankriminalität zur Kenntnis und bittet um Fortschreibung.' },
      { SN: 'Sachsen verweist auf die eigene Landesstrategie gegen Clankriminalität.' },
    ),
    item('9', 'Bundeseinheitlicher Umgang mit Reichskriegsflaggen', {
      1: 'Die IMK spricht sich dafür aus, konsequent gegen den Missbrauch von Reichskriegsflaggen vorzugehen.',
    }),
    item('29.2', 'Warnung der Bevölkerung: Sirenen', {
      1: 'Die IMK begrüßt das Förderprogramm für Sirenen des Bundes.',
      2: 'Sie bittet den Bund, die Warnung über Cell Broadcast bis 2021 einzuführen.',
    }),
    item(
      '46',
      'Sicherheit im Bahnverkehr',
      {
        1: 'Die IMK nimmt den Bericht zur Sicherheit im Bahnverkehr zur Kenntnis.',
        2: 'Sie hält eine stärkere Präsenz der Bundespolizei auf Bahnhöfen für erforderlich.',
        8: 'Die IMK bittet die Deutsche Bahn, die Videoüberwachung auf Bahnhöfen auszubauen.',
      },
      {
        SN: 'Sachsen hält zusätzliche Kontrollen in Grenznähe für geboten.',
        'BY, BW, BB, MV, NW, SL und BMI':
          'Die genannten Länder und der Bund behalten sich eine eigene Bewertung vor.',
      },
    ),
  ],
};

export const SECOND_MEETING: Meeting = {
  id: 'imk-2021-06-18',
  date: '2021-06-18',
  title: 'Sammlung der Beschlüsse der 214. Sitzung der IMK',
  items: [
    item('46', 'Sicherheit im Bahnverkehr – Fortschreibung', {
      1: 'Die IMK nimmt den fortgeschriebenen Bericht zur Sicherheit im Bahnverkehr zur Kenntnis.',
    }),
  ],
};

/** A real catalog over the given meetings (default: the one fixture meeting). */
export function fixtureCatalog(meetings: Meeting[] = [FIXTURE_MEETING]): UnitCatalog {
  return new UnitCatalog(
    meetings.flatMap((meeting) => unitsOf(meeting)),
    meetings.map(({ items: _items, ...summary }) => summary),
  );
}
