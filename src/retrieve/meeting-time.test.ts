import { describe, expect, it } from 'vitest';
import { meetingsNamedByTime, namedTimes } from './meeting-time.ts';

const meetings = [
  { id: 'imk-2020-06-17', date: '2020-06-17', title: 'Frühjahr 2020' },
  { id: 'imk-2020-12-10', date: '2020-12-10', title: 'Herbst 2020' },
  { id: 'imk-2021-06-18', date: '2021-06-18', title: 'Frühjahr 2021' },
];

describe('meetingsNamedByTime', () => {
  it.each([
    ['Was beschloss die IMK im Dezember 2020 zu Feuerwerk?', ['imk-2020-12-10']],
    ['Was hat die Herbstkonferenz 2020 zu Waffen beschlossen?', ['imk-2020-12-10']],
    ['Beschlüsse der Frühjahrs-IMK 2021', ['imk-2021-06-18']],
    ['Beschluss vom 17.06.2020', ['imk-2020-06-17']],
    ['What did the ministers decide in spring 2020?', ['imk-2020-06-17']],
  ])('%s', (question, expected) => {
    expect(meetingsNamedByTime(question, meetings)).toEqual(expected);
  });

  it('does not read a deadline as the meeting', () => {
    expect(meetingsNamedByTime('Wer soll bis zur Frühjahrskonferenz 2021 berichten?', meetings)).toEqual([]);
    expect(meetingsNamedByTime('Wer berichtet zur Herbstsitzung 2021?', meetings)).toEqual([]);
    expect(meetingsNamedByTime('Was gilt bis Ende März 2021?', meetings)).toEqual([]);
  });

  it('names nothing without a time', () => {
    expect(namedTimes('Was beschloss die IMK zum Warntag?')).toEqual([]);
  });
});
