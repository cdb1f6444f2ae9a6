// Hand-written meetings for the server tests: several-paragraph items, a one-paragraph item, a combined item
// "6/7", a dotted TOP "29.2" and Protokollnotizen, plus a second meeting for the several-meetings case.
import { UnitCatalog } from '../../citation/catalog.ts';
import { type Meeting, unitsOf } from '../../model.ts';

export const FIXTURE_MEETING: Meeting = {
  id: 'imk-2020-12-10',
  date: '2020-12-10',
  number: 213,
  title: 'Sammlung der zur Veröffentlichung freigegebenen Beschlüsse der 213. Sitzung der IMK',
  items: [
    {
      top: '3',
      title: 'Aufdeckung möglicher Finanzströme rechtsextremer Organisationen und Akteure',
      paragraphs: [
        {
          para: '1',
          text: 'Die IMK stellt fest, dass die Aufklärung der Einnahmequellen des Rechtsextremismus einen hohen Stellenwert besitzt.',
        },
        {
          para: '2',
          text: 'Gleichwohl sieht sie den Bedarf, die Aufklärungsdichte der Finanzströme weiter zu verbessern.',
        },
        {
          para: '3',
          text: 'Sie beauftragt den AK IV, eine länderoffene Arbeitsgruppe einzurichten und bis zur Herbstkonferenz 2021 zu berichten.',
        },
      ],
      notes: [],
    },
    {
      top: '6/7',
      title: 'Lagebild Clankriminalität in Verbindung mit Bekämpfung der Clankriminalität',
      paragraphs: [
        {
          para: '1',
          text: 'Die IMK nimmt das Lagebild Clankriminalität zur Kenntnis und bittet um Fortschreibung.',
        },
      ],
      notes: [{ by: 'SN', text: 'Sachsen verweist auf die eigene Landesstrategie gegen Clankriminalität.' }],
    },
    {
      top: '9',
      title: 'Bundeseinheitlicher Umgang mit Reichskriegsflaggen',
      paragraphs: [
        {
          para: '1',
          text: 'Die IMK spricht sich dafür aus, konsequent gegen den Missbrauch von Reichskriegsflaggen vorzugehen.',
        },
      ],
      notes: [],
    },
    {
      top: '29.2',
      title: 'Warnung der Bevölkerung: Sirenen',
      paragraphs: [
        { para: '1', text: 'Die IMK begrüßt das Förderprogramm für Sirenen des Bundes.' },
        { para: '2', text: 'Sie bittet den Bund, die Warnung über Cell Broadcast bis 2021 einzuführen.' },
      ],
      notes: [],
    },
    {
      top: '46',
      title: 'Sicherheit im Bahnverkehr',
      paragraphs: [
        { para: '1', text: 'Die IMK nimmt den Bericht zur Sicherheit im Bahnverkehr zur Kenntnis.' },
        {
          para: '2',
          text: 'Sie hält eine stärkere Präsenz der Bundespolizei auf Bahnhöfen für erforderlich.',
        },
        {
          para: '8',
          text: 'Die IMK bittet die Deutsche Bahn, die Videoüberwachung auf Bahnhöfen auszubauen.',
        },
      ],
      notes: [
        { by: 'SN', text: 'Sachsen hält zusätzliche Kontrollen in Grenznähe für geboten.' },
        {
          by: 'BY, BW, BB, MV, NW, SL und BMI',
          text: 'Die genannten Länder und der Bund behalten sich eine eigene Bewertung vor.',
        },
      ],
    },
  ],
};

export const SECOND_MEETING: Meeting = {
  id: 'imk-2021-06-18',
  date: '2021-06-18',
  title: 'Sammlung der Beschlüsse der 214. Sitzung der IMK',
  items: [
    {
      top: '46',
      title: 'Sicherheit im Bahnverkehr – Fortschreibung',
      paragraphs: [
        {
          para: '1',
          text: 'Die IMK nimmt den fortgeschriebenen Bericht zur Sicherheit im Bahnverkehr zur Kenntnis.',
        },
      ],
      notes: [],
    },
  ],
};

/** A real catalog over the given meetings (default: the one fixture meeting). */
export function fixtureCatalog(meetings: Meeting[] = [FIXTURE_MEETING]): UnitCatalog {
  return new UnitCatalog(
    meetings.flatMap((meeting) => unitsOf(meeting)),
    meetings.map(({ items: _items, ...summary }) => summary),
  );
}
