// Synthetic corpora of any size from the real units: their sentences recombined into new meetings, items and
// paragraphs (deterministic for a seed), so the lexical index and the embedder see real German vocabulary.

import { CONFERENCES } from '../src/corpus/conferences.ts';
import { BeschlussError } from '../src/errors.ts';
import { type Item, type Meeting, NOTE_PREFIX, type Unit, unitsOf } from '../src/model.ts';
import { seededRandom } from '../src/seeded-random.ts';
import { splitSentences } from '../src/text/index.ts';

export interface SyntheticConference {
  /** Prefix of the meeting ids ("imk"). */
  id: string;
  /** Replaces "IMK" in the recombined text ("Die GMK bittet …"). */
  abbreviation: string;
}

export interface SyntheticCorpusOptions {
  /** The real units whose sentences, titles and item shapes are recombined; at least one paragraph. */
  sourceUnits: readonly Unit[];
  /** Units to generate, exactly. */
  unitCount: number;
  /** Seed of the generator (default 1): the same options always give the same corpus. */
  seed?: number;
  /** Items per meeting (default 40, about the 38 of the IMK meeting of 10.12.2020). */
  itemsPerMeeting?: number;
  /**
   * Nouns that replace capitalised words of the recombined sentences (default none). Without them the vocabulary
   * stays that of the source units however large the corpus grows; a real corpus keeps adding words.
   */
  nounPool?: readonly string[];
  /**
   * Share of capitalised words (5+ letters, not sentence-initial) replaced by a pool noun (default 0.3: at 100k units
   * about 90 % of the texts are distinct and ~90k distinct words occur, against 142 source sentences).
   */
  nounSubstitutionRate?: number;
  /** Conferences the meetings rotate through (default: all of src/corpus/conferences.ts). */
  conferences?: readonly SyntheticConference[];
  /** Date of the first meeting, ISO (default "2000-01-03"); later ones follow 1–10 days apart. */
  firstDate?: string;
}

export interface SyntheticCorpus {
  meetings: Meeting[];
  units: Unit[];
}

interface ItemShape {
  title: string;
  /** Sentences of each paragraph. */
  paragraphSentences: number[];
  notes: Array<{ by: string; sentences: number }>;
}

const DEFAULT_CONFERENCES: readonly SyntheticConference[] = CONFERENCES.map((conference) => ({
  id: conference.id,
  abbreviation: conference.abbreviations[0] ?? conference.id.toUpperCase(),
}));

const CAPITALISED_WORD = /(?<![\p{L}\d-])\p{Lu}\p{Ll}{4,}(?![\p{L}\d])/gu;
const DAY_MS = 24 * 60 * 60 * 1000;

export function createSyntheticCorpus(options: SyntheticCorpusOptions): SyntheticCorpus {
  const {
    sourceUnits,
    unitCount,
    seed = 1,
    itemsPerMeeting = 40,
    nounPool = [],
    nounSubstitutionRate = 0.3,
    conferences = DEFAULT_CONFERENCES,
    firstDate = '2000-01-03',
  } = options;
  if (!Number.isInteger(unitCount) || unitCount < 1) {
    throw new BeschlussError('INVALID_REQUEST', `Expected a positive whole unit count, got ${unitCount}.`);
  }
  if (!Number.isInteger(itemsPerMeeting) || itemsPerMeeting < 1 || conferences.length === 0) {
    throw new BeschlussError(
      'INVALID_REQUEST',
      `Expected at least one item per meeting and one conference, got ${itemsPerMeeting} and ${conferences.length}.`,
    );
  }
  const paragraphPool = sentencesOf(sourceUnits.filter((unit) => unit.kind === 'paragraph'));
  const notePool = sentencesOf(sourceUnits.filter((unit) => unit.kind === 'note'));
  const shapes = itemShapes(sourceUnits);
  if (paragraphPool.length === 0 || shapes.length === 0) {
    throw new BeschlussError(
      'INVALID_REQUEST',
      `Expected source units with at least one paragraph, got ${sourceUnits.length} units without one.`,
    );
  }
  const random = seededRandom(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)] as T;
  const rewrite = (text: string, abbreviation: string) => {
    const renamed = text.replace(/\bIMK\b/g, abbreviation);
    if (nounPool.length === 0 || nounSubstitutionRate <= 0) return renamed;
    return renamed.replace(CAPITALISED_WORD, (word, offset: number) =>
      offset > 0 && random() < nounSubstitutionRate ? pick(nounPool) : word,
    );
  };
  const compose = (sentenceCount: number, pool: readonly string[], abbreviation: string) =>
    Array.from({ length: Math.max(1, sentenceCount) }, () => rewrite(pick(pool), abbreviation)).join(' ');

  const meetings: Meeting[] = [];
  const units: Unit[] = [];
  const meetingNumbers = new Map<string, number>();
  let date = Date.parse(`${firstDate}T00:00:00Z`);
  while (units.length < unitCount) {
    const conference = conferences[meetings.length % conferences.length] as SyntheticConference;
    const number = (meetingNumbers.get(conference.id) ?? 0) + 1;
    meetingNumbers.set(conference.id, number);
    const isoDate = new Date(date).toISOString().slice(0, 10);
    date += (1 + Math.floor(random() * 10)) * DAY_MS;
    const items: Item[] = [];
    let remaining = unitCount - units.length;
    for (let position = 1; position <= itemsPerMeeting && remaining > 0; position++) {
      const shape = pick(shapes);
      const paragraphs = shape.paragraphSentences.slice(0, remaining).map((sentences, index) => ({
        para: String(index + 1),
        text: compose(sentences, paragraphPool, conference.abbreviation),
      }));
      remaining -= paragraphs.length;
      const notes = shape.notes.slice(0, remaining).map((note) => ({
        by: note.by,
        text: compose(
          note.sentences,
          notePool.length > 0 ? notePool : paragraphPool,
          conference.abbreviation,
        ),
      }));
      remaining -= notes.length;
      items.push({
        top: String(position),
        title: rewrite(shape.title, conference.abbreviation),
        paragraphs,
        notes,
      });
    }
    const meeting: Meeting = {
      id: `${conference.id}-${isoDate}`,
      date: isoDate,
      number,
      title: `Beschlüsse der ${number}. Sitzung der ${conference.abbreviation} am ${isoDate}`,
      items,
    };
    meetings.push(meeting);
    units.push(...unitsOf(meeting));
  }
  return { meetings, units };
}

function sentencesOf(units: readonly Unit[]): string[] {
  return units.flatMap((unit) => splitSentences(unit.text).map((sentence) => sentence.text));
}

/** The real items' titles and how many sentences each of their paragraphs and notes has. */
function itemShapes(units: readonly Unit[]): ItemShape[] {
  const shapes = new Map<string, ItemShape>();
  for (const unit of units) {
    const key = `${unit.meeting}/${unit.top}`;
    let shape = shapes.get(key);
    if (!shape) {
      shape = { title: unit.title, paragraphSentences: [], notes: [] };
      shapes.set(key, shape);
    }
    const sentences = splitSentences(unit.text).length;
    if (unit.kind === 'paragraph') shape.paragraphSentences.push(sentences);
    else shape.notes.push({ by: unit.para.slice(NOTE_PREFIX.length), sentences });
  }
  return [...shapes.values()].filter((shape) => shape.paragraphSentences.length > 0);
}
