// Reads a meeting's id, date, number and title from a collection's running header or opening title lines.
import type { Meeting } from '../model.ts';
import { CONFERENCES, conferenceInBody, conferenceInTitle, DEFAULT_CONFERENCE_ID } from './conferences.ts';
import { joinLines } from './join-lines.ts';
import { findMeetingDate, formatGermanDate } from './meeting-date.ts';

export type MeetingInfo = Omit<Meeting, 'items'>;

const ABBREVIATIONS = CONFERENCES.flatMap((conference) => conference.abbreviations).join('|');

/** "213. IMK", "213. Sitzung", "213. Tagung der Innenministerkonferenz" — the meeting's ordinal as printed. */
const MEETING_NUMBER = new RegExp(
  String.raw`(?<![\d.])(\d{1,4})\.\s+(?:(?:ordentlichen?|außerordentlichen?)\s+)?(?:Sitzung|Tagung|Konferenz|Beratung|\p{L}*konferenz|${ABBREVIATIONS})(?![\p{L}])`,
  'u',
);

/** Words that make an opening line a title rather than a notice ("Hinweise: …"). */
const TITLE_WORDS = /Beschl(?:uss|üsse)|Sitzung|Tagung|Konferenz|minister/i;

/** How many lines before a date line belong to the same title ("Beschlüsse der 213. IMK" / "am 10.12.2020"). */
const MAX_TITLE_LINES = 4;

/**
 * The title lines of a preamble without running header: the first line with a date that reads like a title, with
 * the lines before it while the title continues in lower case ("am 10.12.2020").
 */
function preambleTitle(preamble: readonly string[]): string[] | undefined {
  for (let index = 0; index < preamble.length; index += 1) {
    if (!findMeetingDate(preamble[index] ?? '')) continue;
    let start = index;
    while (start > 0 && index - start < MAX_TITLE_LINES && /^\p{Ll}/u.test(preamble[start] ?? '')) start -= 1;
    const lines = preamble.slice(start, index + 1);
    if (TITLE_WORDS.test(lines.join(' '))) return lines;
  }
  return undefined;
}

/**
 * Meeting data from the first running header that carries a date, else from the title lines before the first item.
 * The conference is the one the title names, else the one whose abbreviation the resolutions use most, else the IMK.
 * Returns undefined when no date is found.
 */
export function readMeetingInfo(options: {
  headers: readonly string[][];
  preamble: readonly string[];
  body: string;
}): MeetingInfo | undefined {
  const candidates = [...options.headers, preambleTitle(options.preamble) ?? []];
  const titleLines = candidates.find((lines) => findMeetingDate(joinLines(lines)) !== undefined);
  if (!titleLines) return undefined;
  const printedTitle = joinLines(titleLines);
  const date = findMeetingDate(printedTitle);
  if (!date) return undefined;
  const conference = conferenceInTitle(printedTitle) ?? conferenceInBody(options.body);
  const number = MEETING_NUMBER.exec(printedTitle)?.[1];
  const title = date.range
    ? printedTitle
    : `${printedTitle.slice(0, date.start)}${formatGermanDate(date.iso)}${printedTitle.slice(date.end)}`;
  const info: MeetingInfo = {
    id: `${conference?.id ?? DEFAULT_CONFERENCE_ID}-${date.iso}`,
    date: date.iso,
    title,
  };
  if (number !== undefined) info.number = Number(number);
  return info;
}
