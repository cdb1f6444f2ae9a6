// Reads which meeting a question names by its time ("im Dezember 2020", "Herbstkonferenz 2020", "am 10.12.2020",
// "in spring 2021") so retrieval can prefer it; deadlines ("bis zur Herbstsitzung 2021") are not meeting times.
import type { MeetingSummary } from '../citation/index.ts';

const MONTHS: Record<string, number> = {
  januar: 1,
  jänner: 1,
  january: 1,
  februar: 2,
  february: 2,
  märz: 3,
  maerz: 3,
  march: 3,
  april: 4,
  mai: 5,
  may: 5,
  juni: 6,
  june: 6,
  juli: 7,
  july: 7,
  august: 8,
  september: 9,
  oktober: 10,
  october: 10,
  november: 11,
  dezember: 12,
  december: 12,
};
/** Spring meetings fall in the first half of the year, autumn meetings in the second. */
const SEASONS: Record<string, [number, number]> = {
  frühjahr: [1, 7],
  frühling: [1, 7],
  sommer: [5, 9],
  spring: [1, 7],
  summer: [5, 9],
  herbst: [8, 12],
  winter: [11, 12],
  autumn: [8, 12],
  fall: [8, 12],
};

/** A span of time the question names: months [from, to] of a year; or one exact day. */
export interface NamedTime {
  year: number;
  fromMonth: number;
  toMonth: number;
  day?: number;
}

const DEADLINE_BEFORE =
  /(?:\bbis\b|\bzur\b|\bzum\b|\bzu\s+(?:ihrer|seiner|der)\b|\bspätestens\b|\buntil\b|\bby\b|\bbefore\b|\bab\b)[\s\p{L}-]{0,25}$/iu;

export function namedTimes(question: string): NamedTime[] {
  const times: NamedTime[] = [];
  const monthNames = Object.keys(MONTHS).join('|');
  const seasonNames = Object.keys(SEASONS).join('|');
  const patterns: Array<[RegExp, (match: RegExpMatchArray) => NamedTime | undefined]> = [
    [
      /\b(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}|\d{2})\b/gu,
      (match) => {
        const month = Number(match[2]);
        return { year: fullYear(match[3]), fromMonth: month, toMonth: month, day: Number(match[1]) };
      },
    ],
    [
      new RegExp(String.raw`\b(${monthNames})\s+(\d{4})\b`, 'giu'),
      (match) => {
        const month = MONTHS[(match[1] ?? '').toLowerCase()] ?? 0;
        return { year: Number(match[2]), fromMonth: month, toMonth: month };
      },
    ],
    [
      new RegExp(
        String.raw`\b(${seasonNames})\w*(?:[-\s]+(?:IMK|konferenz|sitzung|tagung|meeting|conference))?\s+(\d{4})\b`,
        'giu',
      ),
      (match) => {
        const [fromMonth, toMonth] = SEASONS[(match[1] ?? '').toLowerCase()] ?? [1, 12];
        return { year: Number(match[2]), fromMonth, toMonth };
      },
    ],
  ];
  const covered: Array<[number, number]> = [];
  for (const [pattern, read] of patterns) {
    for (const match of question.matchAll(pattern)) {
      const start = match.index ?? 0;
      const end = start + match[0].length;
      if (covered.some(([from, to]) => start < to && end > from)) continue;
      if (DEADLINE_BEFORE.test(question.slice(Math.max(0, start - 40), start))) continue;
      const time = read(match);
      if (time && time.fromMonth >= 1) {
        times.push(time);
        covered.push([start, end]);
      }
    }
  }
  return times;
}

/** Ids of the meetings a question names by time; empty when it names none (or none matches). */
export function meetingsNamedByTime(question: string, meetings: readonly MeetingSummary[]): string[] {
  const times = namedTimes(question);
  if (times.length === 0) return [];
  return meetings
    .filter((meeting) => {
      const [year, month, day] = meeting.date.split('-').map(Number);
      return times.some(
        (time) =>
          time.year === year &&
          (month ?? 0) >= time.fromMonth &&
          (month ?? 0) <= time.toMonth &&
          (time.day === undefined || time.day === day),
      );
    })
    .map((meeting) => meeting.id);
}

function fullYear(text: string | undefined): number {
  const year = Number(text);
  return text !== undefined && text.length === 2 ? 2000 + year : year;
}
