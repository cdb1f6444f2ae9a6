import { describe, expect, it } from 'vitest';
import { PLATEAU_BYTES_PER_MINUTE, rssSlopePerMinute, summarizeSoak, uniqueQuestion } from './soak.ts';

const MIB = 1024 ** 2;
const samples = (rssAt: (seconds: number) => number, durationSeconds = 600, every = 10) =>
  Array.from({ length: durationSeconds / every + 1 }, (_, index) => {
    const seconds = index * every;
    return { seconds, rss: rssAt(seconds), heapUsed: 0 };
  });

describe('rssSlopePerMinute', () => {
  it('is the least-squares slope in bytes per minute', () => {
    expect(rssSlopePerMinute(samples((seconds) => 500 * MIB + seconds * 0.1 * MIB))).toBeCloseTo(6 * MIB, 0);
    expect(rssSlopePerMinute(samples(() => 500 * MIB))).toBe(0);
    expect(rssSlopePerMinute([{ seconds: 0, rss: 1, heapUsed: 0 }])).toBe(0);
  });
});

describe('summarizeSoak', () => {
  it('calls memory that rises, then levels off, a plateau, and one still climbing none', () => {
    const levelling = summarizeSoak(
      samples((seconds) => (500 + Math.min(seconds, 200) * 0.2) * MIB),
      600,
    );
    expect(levelling).toMatchObject({
      startRss: 500 * MIB,
      endRss: 540 * MIB,
      maxRss: 540 * MIB,
      plateau: true,
    });
    expect(levelling.slopePerMinute).toBeGreaterThan(levelling.lastHalfSlopePerMinute);
    const climbing = summarizeSoak(
      samples((seconds) => (658 + seconds * 0.2) * MIB),
      600,
    );
    expect(climbing.plateau).toBe(false);
    expect(climbing.lastHalfSlopePerMinute).toBeGreaterThan(PLATEAU_BYTES_PER_MINUTE);
  });
});

describe('uniqueQuestion', () => {
  it('never repeats, past the questions times the nouns too', () => {
    const questions = ['Was gilt für Sirenen?', 'Wer berichtet?'];
    const nouns = ['Abend', 'Brücke', 'Chor'];
    const asked = Array.from({ length: 30 }, (_, index) => uniqueQuestion(questions, nouns, index));
    expect(new Set(asked).size).toBe(30);
    expect(asked.slice(0, 3)).toEqual([
      'Was gilt für Sirenen, auch zu Abend?',
      'Wer berichtet, auch zu Abend?',
      'Was gilt für Sirenen, auch zu Brücke?',
    ]);
  });
});
