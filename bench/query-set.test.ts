import { describe, expect, it } from 'vitest';
import { type Meeting, unitsOf } from '../src/model.ts';
import { item } from '../src/testing/meeting-item.ts';
import { createQuerySet, createQuestionSet, distinctTexts, GENERIC_QUERIES } from './query-set.ts';

const meeting: Meeting = {
  id: 'imk-2020-12-10',
  date: '2020-12-10',
  title: 'Beschlüsse',
  items: [
    item('12', 'Nationales Waffenregister, Meldeportal', {
      1: 'Die IMK nimmt den Bericht über das Nationale Waffenregister zur Kenntnis.',
      2: 'Sie bittet das Bundesministerium, über den Stand der Umsetzung zu berichten.',
    }),
  ],
};
const units = unitsOf(meeting);
const corpusText = units.map((unit) => `${unit.title} ${unit.text}`).join(' ');

describe('createQuerySet', () => {
  it('is deterministic for a seed and appends the generic queries', () => {
    const queries = createQuerySet({ units, count: 50, seed: 4 });
    expect(createQuerySet({ units, count: 50, seed: 4 })).toEqual(queries);
    expect(queries).toHaveLength(50 + GENERIC_QUERIES.length);
    expect(queries.slice(50).map((query) => query.text)).toEqual(GENERIC_QUERIES);
  });

  it('builds every generated query from words of the corpus or a reference to one of its units', () => {
    for (const query of createQuerySet({ units, count: 100, generic: [] })) {
      if (query.kind === 'reference') {
        expect(query.text).toMatch(/^TOP 12( Ziffer [12])?$/);
      } else {
        expect(query.text.length).toBeGreaterThan(0);
        for (const word of query.text.split(' ')) expect(corpusText).toContain(word);
      }
    }
  });

  it('mixes the kinds', () => {
    const kinds = new Set(createQuerySet({ units, count: 100 }).map((query) => query.kind));
    expect(kinds).toEqual(new Set(['span', 'keywords', 'title', 'reference', 'generic']));
  });

  it('refuses to generate from no units', () => {
    expect(() => createQuerySet({ units: [] })).toThrow(/got none/);
  });
});

describe('createQuestionSet', () => {
  it('asks questions ending in a question mark, the same ones for the same seed', () => {
    const questions = createQuestionSet({ units, count: 30, seed: 2 });
    expect(createQuestionSet({ units, count: 30, seed: 2 })).toEqual(questions);
    for (const question of questions) expect(question.text).toMatch(/\?$/);
  });
});

describe('references in a corpus of several meetings', () => {
  it('name the meeting by date in about half of the reference queries and in every reference question', () => {
    const later = unitsOf({ ...meeting, id: 'imk-2021-06-18', date: '2021-06-18' });
    const both = [...units, ...later];
    const queries = createQuerySet({ units: both, count: 300, generic: [] });
    const dated = queries.filter((query) => query.kind === 'dated-reference');
    expect(dated.length).toBeGreaterThan(0);
    expect(queries.some((query) => query.kind === 'reference')).toBe(true);
    for (const query of dated)
      expect(query.text).toMatch(/^TOP 12( Ziffer [12])? vom (10\.12\.2020|18\.06\.2021)$/);
    const questions = createQuestionSet({ units: both, count: 100, generic: [] });
    expect(questions.some((question) => question.kind === 'reference')).toBe(false);
  });
});

describe('distinctTexts', () => {
  // A generator of `count` queries whose texts repeat every `period` queries; records how many it was asked for.
  it.each([
    [
      'asks the generator for more until it has the distinct texts wanted, keeping their first order',
      7,
      5,
      5,
      [5],
    ],
    ['stops with fewer when more queries bring no new text', 3, 10, 3, [10, 20]],
  ])('%s', (_, period, wanted, found, askedFor) => {
    const asked: number[] = [];
    const texts = distinctTexts((count) => {
      asked.push(count);
      return Array.from({ length: count }, (_, index) => ({
        kind: 'span' as const,
        text: `q${index % period}`,
      }));
    }, wanted);
    expect(texts).toEqual(Array.from({ length: found }, (_, index) => `q${index}`));
    expect(asked).toEqual(askedFor);
  });

  it('yields thousands of distinct queries from a small corpus', () => {
    const texts = distinctTexts((count) => createQuerySet({ units, count, seed: 2 }), 300);
    expect(new Set(texts).size).toBe(texts.length);
    expect(texts.length).toBeGreaterThan(100);
  });
});
