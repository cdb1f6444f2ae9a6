import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Meeting, unitsOf } from '../src/model.ts';
import { splitSentences } from '../src/text/index.ts';
import { nounsOfThesaurus } from './noun-pool.ts';
import { createSyntheticCorpus } from './synthetic-corpus.ts';

const source: Meeting = {
  id: 'imk-2020-12-10',
  date: '2020-12-10',
  title: 'Beschlüsse der 213. Sitzung der IMK',
  items: [
    {
      top: '4',
      title: 'Umgang mit Reichskriegsflaggen',
      paragraphs: [
        {
          para: '1',
          text: 'Die IMK spricht sich gegen den Missbrauch von Reichsflaggen aus. Sie bittet den Bund um Prüfung.',
        },
        { para: '2', text: 'Hierzu beauftragt die IMK den Arbeitskreis, einen Mustererlass zu entwickeln.' },
      ],
      notes: [{ by: 'SN', text: 'Sachsen hält eine bundeseinheitliche Regelung für geboten.' }],
    },
    {
      top: '9',
      title: 'Kampfmittelräumung',
      paragraphs: [{ para: '1', text: 'Die IMK nimmt den Bericht zur Kampfmittelräumung zur Kenntnis.' }],
      notes: [],
    },
  ],
};
const sourceUnits = unitsOf(source);
const sourceSentences = new Set(sourceUnits.flatMap((unit) => splitSentences(unit.text).map((s) => s.text)));
const imkOnly = [{ id: 'imk', abbreviation: 'IMK' }];

describe('createSyntheticCorpus', () => {
  it('is deterministic: the same seed gives the same corpus, another seed another one', () => {
    const options = {
      sourceUnits,
      unitCount: 300,
      nounPool: ['Feuerwehr', 'Sirene'],
      nounSubstitutionRate: 0.3,
    };
    expect(createSyntheticCorpus({ ...options, seed: 7 })).toEqual(
      createSyntheticCorpus({ ...options, seed: 7 }),
    );
    const other = createSyntheticCorpus({ ...options, seed: 8 });
    expect(other.units.map((unit) => unit.text)).not.toEqual(
      createSyntheticCorpus({ ...options, seed: 7 }).units.map((unit) => unit.text),
    );
  });

  it('makes exactly the asked number of units, with unique ids, each listed by its meeting', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.integer({ min: 1, max: 12 }),
        (unitCount, itemsPerMeeting) => {
          const corpus = createSyntheticCorpus({ sourceUnits, unitCount, itemsPerMeeting });
          expect(corpus.units).toHaveLength(unitCount);
          expect(new Set(corpus.units.map((unit) => unit.id)).size).toBe(unitCount);
          expect(corpus.meetings.flatMap(unitsOf)).toEqual(corpus.units);
          expect(new Set(corpus.meetings.map((meeting) => meeting.id)).size).toBe(corpus.meetings.length);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('recombines only real sentences when no noun is substituted', () => {
    const corpus = createSyntheticCorpus({ sourceUnits, unitCount: 200, conferences: imkOnly, seed: 3 });
    for (const unit of corpus.units) {
      for (const sentence of splitSentences(unit.text)) expect(sourceSentences).toContain(sentence.text);
    }
    expect(new Set(corpus.units.map((unit) => unit.title))).toEqual(
      new Set(['Umgang mit Reichskriegsflaggen', 'Kampfmittelräumung']),
    );
  });

  it('names the conference of each meeting in its id and its text', () => {
    const corpus = createSyntheticCorpus({
      sourceUnits,
      unitCount: 120,
      itemsPerMeeting: 5,
      conferences: [
        { id: 'imk', abbreviation: 'IMK' },
        { id: 'gmk', abbreviation: 'GMK' },
      ],
    });
    const gmk = corpus.units.filter((unit) => unit.meeting.startsWith('gmk-'));
    expect(gmk.length).toBeGreaterThan(0);
    for (const unit of gmk) expect(unit.text).not.toMatch(/\bIMK\b/);
    expect(gmk.some((unit) => /\bGMK\b/.test(unit.text))).toBe(true);
    const dates = corpus.meetings.map((meeting) => meeting.date);
    expect([...dates].sort()).toEqual(dates);
  });

  it('replaces capitalised words by pool nouns, never the first word of a sentence', () => {
    const corpus = createSyntheticCorpus({
      sourceUnits,
      unitCount: 100,
      nounPool: ['Zauberwort'],
      nounSubstitutionRate: 1,
      conferences: imkOnly,
    });
    const texts = corpus.units.map((unit) => unit.text).join(' ');
    expect(texts).toContain('Zauberwort');
    expect(texts).not.toMatch(/Reichsflaggen|Mustererlass|Kampfmittelräumung/);
    expect(corpus.units.every((unit) => !unit.text.startsWith('Zauberwort'))).toBe(true);
  });

  it('refuses a unit count below one and sources without paragraphs', () => {
    expect(() => createSyntheticCorpus({ sourceUnits, unitCount: 0 })).toThrow(
      /positive whole unit count, got 0/,
    );
    expect(() => createSyntheticCorpus({ sourceUnits: [], unitCount: 5 })).toThrow(/at least one paragraph/);
  });
});

describe('nounsOfThesaurus', () => {
  it('keeps single capitalised words of five or more letters, once, sorted, and skips comments', () => {
    const text =
      '# Kommentar;Kopfzeile\nSeminar;Training;Kurs;Bildungsmaßnahme;moralische Werte\nTraining;abfliegen\n';
    expect(nounsOfThesaurus(text)).toEqual(['Bildungsmaßnahme', 'Seminar', 'Training']);
  });
});
