// Citations as the page shows them: meeting labels, references ("TOP 46 Ziff. 8"), markers in answer text and unit ids
// (mirrors src/citation/marker.ts; web/js/citation.test.ts checks both agree on the real corpus).

import { CONFERENCE_LABELS } from './conferences.js';
import { BRACKET, ONE_CITATION } from './marker-grammar.js';

export const NOTE_PREFIX = 'Protokollnotiz ';

/** "imk-2020-12-10" → "IMK"; an unknown prefix is upper-cased. */
export function conferenceName(meetingId) {
  const prefix = meetingId.split('-')[0] ?? meetingId;
  return CONFERENCE_LABELS[prefix] ?? prefix.toUpperCase();
}

/** "2020-12-10" → "10.12.2020". */
export function germanDate(isoDate) {
  const [year, month, day] = isoDate.split('-');
  return `${day}.${month}.${year}`;
}

/** The ISO date a meeting id ends with ("imk-2020-12-10" → "2020-12-10"), or undefined. */
export function meetingDateOf(meetingId) {
  return /-(\d{4}-\d{2}-\d{2})$/.exec(meetingId)?.[1];
}

/** "IMK 10.12.2020"; the date defaults to the one in the meeting id. */
export function meetingLabel(meetingId, date = meetingDateOf(meetingId)) {
  return date ? `${conferenceName(meetingId)} ${germanDate(date)}` : conferenceName(meetingId);
}

export function isNote(para) {
  return para.startsWith(NOTE_PREFIX);
}

/**
 * The reference after the meeting: "TOP 46 Ziff. 8", "TOP 9" (the single paragraph of an item) or
 * "TOP 46 Protokollnotiz SN". `paragraphCount` is the number of numbered paragraphs of the item.
 */
export function unitReference({ top, para, paragraphCount }) {
  if (isNote(para)) return `TOP ${top} ${para}`;
  if (paragraphCount === 1 && para === '1') return `TOP ${top}`;
  return `TOP ${top} Ziff. ${para}`;
}

/** The quotable citation "IMK 10.12.2020, TOP 46 Ziff. 8" ("Zitat kopieren"). */
export function fullCitation(unit) {
  return `${meetingLabel(unit.meeting)}, ${unitReference(unit)}`;
}

/** How a unit is labelled within its item: "Ziff. 8", "Protokollnotiz SN", or "Beschluss" for a single paragraph. */
export function paraLabel({ para, paragraphCount }) {
  if (isNote(para)) return para;
  if (paragraphCount === 1 && para === '1') return 'Beschluss';
  return `Ziff. ${para}`;
}

/** "imk-2020-12-10/6/7/Protokollnotiz SN" → { meeting, top: "6/7", para }; a TOP may hold one slash, a para none. */
export function parseUnitId(id) {
  const segments = id.split('/');
  if (segments.length < 3) return undefined;
  const meeting = segments[0];
  const para = segments.at(-1);
  const top = segments.slice(1, -1).join('/');
  return meeting && top && para ? { meeting, top, para } : undefined;
}

export function unitId({ meeting, top, para }) {
  return `${meeting}/${top}/${para}`;
}

/** The API path of one unit; a combined TOP "6/7" travels as one encoded segment. */
export function unitApiPath({ meeting, top, para }) {
  return `/api/units/${encodeURIComponent(meeting)}/${encodeURIComponent(top)}/${encodeURIComponent(para)}`;
}

/**
 * One citation as written in a marker ("TOP 46 Ziff. 8", "IMK 10.12.2020, TOP 46 Protokollnotiz SN"):
 * { text, top, para?, conference?, date? }, or undefined when the text is no citation.
 */
export function parseCitationText(text) {
  const match = ONE_CITATION.exec(text.trim());
  if (!match?.groups) return undefined;
  const { conference, day, month, year, top, para, note } = match.groups;
  const citation = { text: text.trim(), top: top.replace(/\s+/g, '') };
  if (conference && day && month && year) {
    citation.conference = conference;
    citation.date = `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  if (para) citation.para = para;
  if (note) citation.para = `${NOTE_PREFIX}${note.slice('Protokollnotiz'.length).trim()}`;
  return citation;
}

/** Every citation marker in a text, in order: { text, start, end, citations }; brackets holding no citation are skipped. */
export function parseMarkers(text) {
  const markers = [];
  for (const match of text.matchAll(BRACKET)) {
    const citations = match[1].split(/\s*;\s*/).map(parseCitationText);
    if (citations.length === 0 || citations.some((citation) => citation === undefined)) continue;
    markers.push({ text: match[0], start: match.index, end: match.index + match[0].length, citations });
  }
  return markers;
}

/** Whether a citation read from a marker names the unit `{ meeting, top, para }` ("TOP 7" names "6/7"). */
export function citationNames(parsed, unit) {
  if (parsed.top !== unit.top && !unit.top.split('/').includes(parsed.top)) return false;
  if ((parsed.para ?? '1') !== unit.para) return false;
  if (parsed.date !== undefined && meetingDateOf(unit.meeting) !== parsed.date) return false;
  if (
    parsed.conference !== undefined &&
    conferenceName(unit.meeting).toLowerCase() !== parsed.conference.toLowerCase()
  ) {
    return false;
  }
  return true;
}
