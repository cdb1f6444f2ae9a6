// Benchmark queries and questions generated from the corpus itself (titles, text spans, keywords, references) plus a
// few generic ones — deliberately not the evaluation set, so latency is not measured on tuned questions.
import { BeschlussError } from '../src/errors.ts';
import type { Unit } from '../src/model.ts';
import { seededRandom } from '../src/seeded-random.ts';

export type QueryKind = 'title' | 'span' | 'keywords' | 'reference' | 'dated-reference' | 'generic';

export interface BenchQuery {
  kind: QueryKind;
  text: string;
}

export interface QuerySetOptions {
  units: readonly Unit[];
  /** Queries generated from the units (default 200); the generic ones come on top. */
  count?: number;
  /** Default 1: the same units and seed give the same queries. */
  seed?: number;
  /** Queries not taken from the corpus (default GENERIC_QUERIES). */
  generic?: readonly string[];
}

/** Topics a user might search that the corpus may or may not cover, one in English. */
export const GENERIC_QUERIES: readonly string[] = [
  'Warnung der Bevölkerung Sirenen Katastrophenschutz',
  'Cybersicherheit kritische Infrastrukturen',
  'Digitalisierung der Verwaltung',
  'Finanzierung durch den Bund',
  'Ehrenamt Feuerwehr Nachwuchs',
  'Bericht bis zur Frühjahrskonferenz',
  'measures against extremism in public service',
  'Wetter morgen Regen',
];

/** Questions for /api/ask that the corpus may or may not answer, one in English. */
export const GENERIC_QUESTIONS: readonly string[] = [
  'Was haben die Minister zum Katastrophenschutz beschlossen?',
  'Welche Berichte sollen bis zur nächsten Konferenz vorgelegt werden?',
  'Wer soll die Länder über die Ergebnisse informieren?',
  'Welche Aufträge erhält der Arbeitskreis?',
  'What did the ministers decide about police training?',
  'Wie wird das Wetter morgen?',
];

type Pick = <T>(values: readonly T[]) => T;

function words(text: string): string[] {
  return text
    .split(/\s+/)
    .map((word) => word.replace(/^[^\p{L}\d§]+|[^\p{L}\d]+$/gu, ''))
    .filter(Boolean);
}

function span(unit: Unit, random: () => number): string {
  const all = words(unit.text);
  const length = Math.min(all.length, 4 + Math.floor(random() * 6));
  const start = Math.floor(random() * (all.length - length + 1));
  return all.slice(start, start + length).join(' ');
}

function keywords(unit: Unit, pick: Pick, random: () => number): string {
  const long = [...new Set(words(unit.text).filter((word) => word.length >= 7))];
  if (long.length === 0) return words(unit.title).slice(0, 3).join(' ');
  const wanted = Math.min(long.length, 2 + Math.floor(random() * 2));
  const chosen = new Set<string>();
  while (chosen.size < wanted) chosen.add(pick(long));
  return [...chosen].join(' ');
}

function title(unit: Unit): string {
  return words(unit.title).slice(0, 8).join(' ');
}

function reference(unit: Unit): string {
  return unit.kind === 'paragraph' && unit.itemParagraphCount > 1
    ? `TOP ${unit.top} Ziffer ${unit.para}`
    : `TOP ${unit.top}`;
}

/** "TOP 12 Ziffer 2 vom 10.12.2020": names one meeting where several have a TOP 12. */
function datedReference(unit: Unit): string {
  const [year, month, day] = unit.date.split('-');
  return `${reference(unit)} vom ${day}.${month}.${year}`;
}

function generator(units: readonly Unit[], seed: number) {
  if (units.length === 0) {
    throw new BeschlussError(
      'INVALID_REQUEST',
      'Expected units to generate benchmark queries from, got none.',
    );
  }
  const random = seededRandom(seed);
  const pick: Pick = (values) => values[Math.floor(random() * values.length)] as (typeof values)[number];
  const multiMeeting = units.some((unit) => unit.meeting !== units[0]?.meeting);
  return { random, pick, unit: () => pick(units), multiMeeting };
}

type Generator = ReturnType<typeof generator>;

/**
 * `count` queries (default `defaults.count`), each made by `make` from a roll in [0, 1) and a random unit, then the
 * generic ones. The roll is drawn before the unit, so that a seed gives the same set as it always did.
 */
function drawQueries(
  options: QuerySetOptions,
  defaults: { count: number; generic: readonly string[] },
  make: (roll: number, source: Unit, generated: Generator) => BenchQuery,
): BenchQuery[] {
  const { units, count = defaults.count, seed = 1, generic = defaults.generic } = options;
  const generated = generator(units, seed);
  const queries = Array.from({ length: count }, () => {
    const roll = generated.random();
    return make(roll, generated.unit(), generated);
  });
  return [...queries, ...generic.map((text) => ({ kind: 'generic' as const, text }))];
}

/**
 * Kinds in proportion: 30 % spans, 30 % keywords, 25 % titles, 15 % explicit references — with several meetings,
 * half of those name the meeting's date (a bare "TOP 12" names the TOP 12 of every meeting).
 */
export function createQuerySet(options: QuerySetOptions): BenchQuery[] {
  return drawQueries(
    options,
    { count: 200, generic: GENERIC_QUERIES },
    (roll, source, { random, pick, multiMeeting }) => {
      if (roll < 0.3) return { kind: 'span', text: span(source, random) };
      if (roll < 0.6) return { kind: 'keywords', text: keywords(source, pick, random) };
      if (roll < 0.85) return { kind: 'title', text: title(source) };
      if (multiMeeting && random() < 0.5) return { kind: 'dated-reference', text: datedReference(source) };
      return { kind: 'reference', text: reference(source) };
    },
  );
}

/** Questions in the shapes users ask them: about an item's topic, about keywords, about a cited paragraph. */
export function createQuestionSet(options: QuerySetOptions): BenchQuery[] {
  return drawQueries(
    options,
    { count: 100, generic: GENERIC_QUESTIONS },
    (roll, source, { random, pick, multiMeeting }) => {
      if (roll < 0.4) return { kind: 'title', text: `Was wurde zum Thema „${title(source)}“ beschlossen?` };
      if (roll < 0.8)
        return { kind: 'keywords', text: `Was sagen die Beschlüsse über ${keywords(source, pick, random)}?` };
      if (multiMeeting) return { kind: 'dated-reference', text: `Was steht in ${datedReference(source)}?` };
      return { kind: 'reference', text: `Was steht in ${reference(source)}?` };
    },
  );
}

/**
 * Up to `wanted` distinct texts from a generator asked for ever more queries (the same seed gives the same prefix),
 * in the order generated: spans and keyword sets keep varying where titles and references repeat. Fewer when the
 * generator stops producing new texts.
 */
export function distinctTexts(generate: (count: number) => readonly BenchQuery[], wanted: number): string[] {
  let count = wanted;
  let previous = -1;
  for (;;) {
    const texts = [...new Set(generate(count).map((query) => query.text))];
    if (texts.length >= wanted || texts.length === previous) return texts.slice(0, wanted);
    previous = texts.length;
    count *= 2;
  }
}
