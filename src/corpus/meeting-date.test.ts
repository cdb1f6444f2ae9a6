import { describe, expect, it } from 'vitest';
import { findDates, findMeetingDate, formatGermanDate } from './meeting-date.ts';

describe('findMeetingDate', () => {
  it.each([
    ['am 10.12.20', '2020-12-10'],
    ['am 10.12.2020', '2020-12-10'],
    ['am 10. Dezember 2020', '2020-12-10'],
    ['am 1. März 2021', '2021-03-01'],
    ['vom 17. bis 19.06.20', '2020-06-17'],
    ['vom 07./08.12.17', '2017-12-07'],
    ['vom 16. bis 18. Juni 2021', '2021-06-16'],
    ['Beschlüsse (Stand 01.02.21) der Sitzung am 03.04.21', '2021-04-03'],
  ])('reads %j as %s', (text, iso) => {
    expect(findMeetingDate(text)?.iso).toBe(iso);
  });

  it('treats two-digit years as 20xx', () => {
    expect(findMeetingDate('am 05.06.99')?.iso).toBe('2099-06-05');
  });

  it('rejects dates that do not exist', () => {
    expect(findDates('am 31.02.21 und am 12.13.2020')).toEqual([]);
  });

  it('finds no date in text without one', () => {
    expect(findMeetingDate('Sammlung der zur Veröffentlichung freigegebenen Beschlüsse')).toBeUndefined();
  });

  it('reports where the date text is and whether it is a range', () => {
    const text = 'Beschlüsse am 10.12.20';
    const date = findMeetingDate(text);
    expect(date && text.slice(date.start, date.end)).toBe('10.12.20');
    expect(date?.range).toBe(false);
    expect(findMeetingDate('vom 17. bis 19.06.20')?.range).toBe(true);
  });
});

describe('formatGermanDate', () => {
  it('formats an ISO date the German way', () => {
    expect(formatGermanDate('2020-12-10')).toBe('10.12.2020');
  });
});
