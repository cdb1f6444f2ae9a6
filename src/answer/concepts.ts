// The concepts of a question (one per content word: its stem, compound parts, synonyms, translations), weighed by
// rarity, and how much of them a sentence covers — the evidence the extractive answerer and the support check use.
import type { Analyzer } from '../analysis/index.ts';
import type { TermStatistics } from '../index/index.ts';
import { bundledQuestionVocabulary } from './question-vocabulary.ts';

export interface Concept {
  /** The word as written in the question. */
  surface: string;
  /** Terms that express the concept, with the strength (0–1] a match of each carries. */
  alternatives: Map<string, number>;
  /** Importance: idf of its best-known term relative to the corpus ceiling; see conceptsOf. */
  weight: number;
  /** False when no unit contains any of its terms (a word the resolutions never use). */
  known: boolean;
}

/** How much a match through each kind of term counts, relative to the question's own word. */
const STRENGTH = { stem: 1, entity: 1, abbreviation: 1, number: 1, part: 0.6, root: 0.6 } as const;
/** Unknown nouns and names (capitalised in German) usually carry the topic; unknown other words rarely do. */
const UNKNOWN_NOUN_WEIGHT = 1;
const UNKNOWN_OTHER_WEIGHT = 0.25;

export interface ConceptOptions {
  /** The question is English: words count through their German translations. */
  english?: boolean;
}

export function conceptsOf(
  text: string,
  analyzer: Analyzer,
  statistics: TermStatistics,
  options: ConceptOptions = {},
): Concept[] {
  const tokens = analyzer.tokenize(text);
  // Words that frame the question ("Was hat die IMK beschlossen?") rather than name what it is about.
  const { frame } = bundledQuestionVocabulary();
  const byPosition = new Map<number, Concept>();
  const ownTerms = new Map<Concept, { stems: string[]; parts: string[] }>();
  for (const term of analyzer.analyze(text)) {
    const token = tokens[term.position];
    if (!token || frame.has(token.text)) continue;
    let concept = byPosition.get(term.position);
    if (!concept) {
      concept = { surface: token.surface, alternatives: new Map(), weight: 0, known: false };
      byPosition.set(term.position, concept);
      ownTerms.set(concept, { stems: [], parts: [] });
      if (term.word !== undefined) {
        for (const synonym of analyzer.expand(term.word))
          add(concept, synonym.term, Math.min(0.7, 2 * synonym.weight));
      }
      if (options.english && token.kind === 'word') {
        for (const translation of analyzer.translate(token.text))
          add(concept, translation.term, translation.weight);
      }
    }
    const own = ownTerms.get(concept);
    if (term.kind === 'part' || term.kind === 'root') own?.parts.push(term.term);
    else own?.stems.push(term.term);
    const strength = STRENGTH[term.kind] * (options.english && term.kind !== 'number' ? 0.8 : 1);
    add(concept, term.term, strength);
  }
  const concepts = [...byPosition.values()];
  for (const concept of concepts) {
    const own = ownTerms.get(concept) ?? { stems: [], parts: [] };
    weighCompoundParts(concept, own.parts, statistics);
    const knownStems = own.stems.filter((term) => statistics.documentFrequency(term) > 0);
    concept.known = [...concept.alternatives.keys()].some((term) => statistics.documentFrequency(term) > 0);
    if (knownStems.length > 0 || (options.english && concept.known)) {
      // A word the resolutions use: as important as it is rare.
      let best = 0;
      for (const [term, strength] of concept.alternatives) {
        if (statistics.documentFrequency(term) === 0) continue;
        best = Math.max(best, (statistics.idf(term) / statistics.maxIdf) * Math.min(1, strength / 0.8));
      }
      concept.weight = Math.max(best, 0.05);
    } else {
      // A word the resolutions never use as such (a compound or synonym may still match part of it): nouns and
      // names carry the topic, so they weigh fully; other words little.
      concept.weight =
        /^\p{Lu}/u.test(concept.surface) && !options.english ? UNKNOWN_NOUN_WEIGHT : UNKNOWN_OTHER_WEIGHT;
    }
  }
  return mergeSameConcepts(concepts);
}

/**
 * A compound matched only through some of its parts is matched in proportion to how distinctive those parts are:
 * "Hochwasserschutz" found as "schutz" alone is barely matched, "Silvesterfeuerwerk" found as "feuerwerk" mostly.
 */
function weighCompoundParts(concept: Concept, parts: readonly string[], statistics: TermStatistics): void {
  if (parts.length === 0) return;
  const idfs = parts.map((part) => statistics.idf(part));
  const total = idfs.reduce((sum, idf) => sum + idf, 0);
  parts.forEach((part, index) => {
    const share = total === 0 ? 0 : (idfs[index] ?? 0) / total;
    concept.alternatives.set(
      part,
      Math.min(concept.alternatives.get(part) ?? 1, 0.8 * Math.min(1, 1.5 * share)),
    );
  });
}

function add(concept: Concept, term: string, strength: number): void {
  if (strength <= 0) return;
  concept.alternatives.set(term, Math.max(concept.alternatives.get(term) ?? 0, strength));
}

/** "AK" and "IV" of "AK IV" each come with the entity "ak_iv": keep one concept per distinct set of terms. */
function mergeSameConcepts(concepts: Concept[]): Concept[] {
  const seen = new Set<string>();
  return concepts.filter((concept) => {
    const key = [...concept.alternatives.keys()].sort().join(' ');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export interface Coverage {
  /** Σ weight × strength of matched concepts / Σ weight of all concepts, in [0, 1]. */
  score: number;
  /** Strength with which each concept was matched (0 = not at all), in concept order. */
  strengths: number[];
}

/**
 * How much of the concepts a set of terms covers. Context terms (e.g. the item title around a sentence) count at
 * `contextFactor` of their strength.
 */
export function coverage(
  concepts: readonly Concept[],
  terms: ReadonlySet<string>,
  context: ReadonlySet<string> = new Set(),
  contextFactor = 0.5,
): Coverage {
  let total = 0;
  let matched = 0;
  const strengths = concepts.map((concept) => {
    let strength = 0;
    for (const [term, alternativeStrength] of concept.alternatives) {
      if (terms.has(term)) strength = Math.max(strength, alternativeStrength);
      else if (context.has(term)) strength = Math.max(strength, alternativeStrength * contextFactor);
    }
    total += concept.weight;
    matched += concept.weight * strength;
    return strength;
  });
  return { score: total === 0 ? 0 : matched / total, strengths };
}

export function termSetOf(text: string, analyzer: Analyzer): Set<string> {
  return new Set(analyzer.terms(text));
}
