// Citation markers in answer text: "[TOP 46 Ziff. 8]", "[TOP 9]", "[TOP 46 Protokollnotiz SN]",
// with several meetings loaded "[IMK 10.12.2020, TOP 46 Ziff. 8]" — formatting and parsing.
import { conferenceLabel } from '../corpus/index.ts';
import { NOTE_PREFIX, type Unit } from '../model.ts';
import { BRACKET_SOURCE, ONE_CITATION_SOURCE } from './marker-grammar.ts';

/** "imk-2020-12-10" → "IMK"; an unknown prefix is upper-cased. */
export function conferenceName(meetingId: string): string {
  const prefix = meetingId.split('-')[0] ?? meetingId;
  return conferenceLabel(prefix) ?? prefix.toUpperCase();
}

/** "2020-12-10" → "10.12.2020". */
export function germanDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

/** "IMK 10.12.2020" for a unit's meeting. */
export function meetingLabel(unit: Pick<Unit, 'meeting' | 'date'>): string {
  return `${conferenceName(unit.meeting)} ${germanDate(unit.date)}`;
}

/** The part after "TOP": "46 Ziff. 8", "9" (one-paragraph item) or "46 Protokollnotiz SN". */
export function unitReference(unit: Pick<Unit, 'top' | 'para' | 'kind' | 'itemParagraphCount'>): string {
  if (unit.kind === 'note') return `TOP ${unit.top} ${unit.para}`;
  if (unit.itemParagraphCount === 1 && unit.para === '1') return `TOP ${unit.top}`;
  return `TOP ${unit.top} Ziff. ${unit.para}`;
}

export interface MarkerOptions {
  /** Name the meeting in the marker (when more than one meeting is loaded). */
  withMeeting: boolean;
}

/** The marker for one unit, e.g. "[TOP 46 Ziff. 8]" or "[IMK 10.12.2020, TOP 46 Ziff. 8]". */
export function formatMarker(unit: Unit, options: MarkerOptions): string {
  return `[${citationText(unit, options)}]`;
}

/** Marker for several units of one statement: "[TOP 46 Ziff. 8; TOP 47 Ziff. 2]". */
export function formatMarkers(units: Unit[], options: MarkerOptions): string {
  return `[${units.map((unit) => citationText(unit, options)).join('; ')}]`;
}

/** The quotable citation "IMK 10.12.2020, TOP 46 Ziff. 8" (used by "Zitat kopieren"). */
export function fullCitation(unit: Unit): string {
  return citationText(unit, { withMeeting: true });
}

function citationText(unit: Unit, options: MarkerOptions): string {
  const reference = unitReference(unit);
  return options.withMeeting ? `${meetingLabel(unit)}, ${reference}` : reference;
}

/** One citation as written inside a marker; meeting and para are absent when the marker leaves them out. */
export interface ParsedCitation {
  conference?: string;
  /** ISO date of the meeting named in the marker. */
  date?: string;
  top: string;
  /** "8", or "Protokollnotiz SN"; undefined for "[TOP 9]". */
  para?: string;
}

export interface ParsedMarker {
  /** The whole bracket as it stands in the text. */
  text: string;
  start: number;
  end: number;
  citations: ParsedCitation[];
}

const ONE_CITATION = new RegExp(ONE_CITATION_SOURCE, 'u');
const BRACKET = new RegExp(BRACKET_SOURCE, 'g');

/** Parses one citation text ("TOP 46 Ziff. 8", "IMK 10.12.2020, TOP 46 Protokollnotiz SN"); undefined if it is none. */
export function parseCitationText(text: string): ParsedCitation | undefined {
  const match = ONE_CITATION.exec(text.trim());
  if (!match?.groups) return undefined;
  const { conference, day, month, year, top, para, note } = match.groups;
  const citation: ParsedCitation = { top: (top ?? '').replace(/\s+/g, '') };
  if (conference && day && month && year) {
    citation.conference = conference;
    citation.date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  if (para) citation.para = para;
  if (note) citation.para = `${NOTE_PREFIX}${note.slice('Protokollnotiz'.length).trim()}`;
  return citation;
}

/** Every citation marker in a text, in order; brackets that hold no citation are skipped. */
export function parseMarkers(text: string): ParsedMarker[] {
  const markers: ParsedMarker[] = [];
  for (const match of text.matchAll(BRACKET)) {
    const inner = match[1] ?? '';
    const parts = inner.split(/\s*;\s*/);
    const citations = parts.map(parseCitationText);
    if (citations.length === 0 || citations.some((citation) => citation === undefined)) continue;
    const start = match.index ?? 0;
    markers.push({
      text: match[0],
      start,
      end: start + match[0].length,
      citations: citations as ParsedCitation[],
    });
  }
  return markers;
}
