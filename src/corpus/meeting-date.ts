// Finds the meeting date in a German title or header line ("am 10.12.20", "vom 17. bis 19.06.20", "10. Dezember 2020").

const MONTHS: Record<string, number> = {
  januar: 1,
  jänner: 1,
  februar: 2,
  märz: 3,
  maerz: 3,
  april: 4,
  mai: 5,
  juni: 6,
  juli: 7,
  august: 8,
  september: 9,
  oktober: 10,
  november: 11,
  dezember: 12,
};

const MONTH_NAMES = Object.keys(MONTHS).join('|');

/**
 * A date with an optional first day of a range before it: "10.12.20", "17. bis 19.06.20", "07./08.12.17",
 * "10. Dezember 2020", "16. bis 18. Juni 2021". A meeting over several days is dated by its first day.
 */
const DATE_PATTERN = new RegExp(
  String.raw`(?<!\d)(?:(?<firstDay>\d{1,2})\.\s*(?:bis|-|–|/)\s*)?(?<day>\d{1,2})\.\s*(?:(?<month>\d{1,2})\.\s*|(?<monthName>${MONTH_NAMES})\s+)(?<year>\d{4}|\d{2})(?!\d)`,
  'giu',
);

export interface FoundDate {
  /** ISO date "2020-12-10". */
  iso: string;
  /** Where the date text starts and ends in the searched string. */
  start: number;
  end: number;
  /** Whether the text names several days ("17. bis 19.06.20"). */
  range: boolean;
}

/** Two-digit years are 20xx: the published collections start in the 2000s. */
function toIso(year: number, month: number, day: number): string | undefined {
  const fullYear = year < 100 ? 2000 + year : year;
  const date = new Date(Date.UTC(fullYear, month - 1, day));
  if (date.getUTCFullYear() !== fullYear || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return undefined;
  }
  return date.toISOString().slice(0, 10);
}

/** Every valid date in the text, in order. */
export function findDates(text: string): FoundDate[] {
  const dates: FoundDate[] = [];
  for (const match of text.matchAll(DATE_PATTERN)) {
    const groups = match.groups ?? {};
    const month = groups.month ? Number(groups.month) : MONTHS[(groups.monthName ?? '').toLowerCase()];
    const day = Number(groups.firstDay ?? groups.day);
    if (month === undefined) continue;
    const iso = toIso(Number(groups.year), month, day);
    if (iso) {
      dates.push({
        iso,
        start: match.index,
        end: match.index + match[0].length,
        range: groups.firstDay !== undefined,
      });
    }
  }
  return dates;
}

/** The meeting date of a title: the first date after "am"/"vom", else the first date at all. */
export function findMeetingDate(text: string): FoundDate | undefined {
  const dates = findDates(text);
  const introduced = dates.find((date) => /\b(?:am|vom)\s*$/i.test(text.slice(0, date.start)));
  return introduced ?? dates[0];
}

/** "2020-12-10" → "10.12.2020", the form German readers expect in a title. */
export function formatGermanDate(iso: string): string {
  const [year, month, day] = iso.split('-');
  return `${day}.${month}.${year}`;
}
