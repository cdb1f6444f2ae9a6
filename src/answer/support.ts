// Whether a cited unit supports a statement, by words and — where the statement was embedded first — by meaning:
// the share of the statement's weighted concepts the unit covers (its title counting as context), and how close the
// statement comes to the unit's most similar sentence. Both must hold. Used to check LLM statements and, in the
// evaluation, citation precision.
import { LRUCache } from 'lru-cache';
import type { Analyzer } from '../analysis/index.ts';
import { parseMarkers } from '../citation/index.ts';
import type { SentenceVectors, TermStatistics } from '../index/index.ts';
import type { Unit } from '../model.ts';
import { conceptsOf, coverage, termSetOf } from './concepts.ts';

/** A statement whose cited unit covers less than this share of its concepts is not supported (see eval/REPORT.md). */
export const DEFAULT_SUPPORT_THRESHOLD = 0.5;

/**
 * Where the cosine of a statement and its unit's closest sentence maps to 0 and to 1; between them the support grows
 * linearly, reaching the threshold halfway. Measured on the eval dev split's support pairs with the bundled model
 * (statements restating a gold unit's facts): 95 % of them reach 0.826 with their gold unit, so the midpoint 0.79
 * passes them; units on another topic fall below it. The retriever's best wrong unit (a plausible neighbour) scores
 * as high as the gold one by meaning (median 0.845): the word check is what tells those apart.
 */
export const MODEL_SIMILARITY_RANGE = { low: 0.76, high: 0.82 } as const;

/** The same for the offline embedder's hashed vectors, whose cosines run far lower. */
export const OFFLINE_SIMILARITY_RANGE = { low: 0.1, high: 0.2 } as const;

export interface SemanticSupportCheck {
  /** The statement's vector (as a query: an LLM statement asks to be found in the sources). */
  embed(text: string): Promise<ArrayLike<number>>;
  sentences: SentenceVectors;
  ordinalOf(unitId: string): number | undefined;
  range: { low: number; high: number };
}

export interface SupportChecker {
  /** Embeds the statement, so that `score` weighs its meaning too; without it, words alone decide. */
  prepare(statement: string): Promise<void>;
  /** Support in [0, 1] of a statement (its citation markers are ignored) by one unit. */
  score(statement: string, unit: Unit): number;
  supports(statement: string, unit: Unit): boolean;
}

export function createSupportChecker(options: {
  analyzer: Analyzer;
  statistics: TermStatistics;
  threshold?: number;
  semantic?: SemanticSupportCheck;
}): SupportChecker {
  const { analyzer, statistics, threshold = DEFAULT_SUPPORT_THRESHOLD, semantic } = options;
  const vectors = new LRUCache<string, ArrayLike<number>>({ max: 500 });

  const lexical = (text: string, unit: Unit): number => {
    const english = analyzer.language(text) === 'en';
    const concepts = conceptsOf(text, analyzer, statistics, { english });
    if (concepts.length === 0) return 0;
    const context = termSetOf(`${unit.title} ${unit.kind === 'note' ? unit.para : ''}`, analyzer);
    return coverage(concepts, termSetOf(unit.text, analyzer), context).score;
  };

  /** The statement's closest sentence among the unit's (several units when they are cited together). */
  const closest = (vector: ArrayLike<number>, unit: Unit): number | undefined => {
    if (!semantic) return undefined;
    let best: number | undefined;
    for (const id of unit.id.split('+')) {
      const ordinal = semantic.ordinalOf(id);
      if (ordinal === undefined) continue;
      for (const sentence of semantic.sentences.sentencesOf(ordinal)) {
        const similarity = semantic.sentences.similarity(sentence.row, vector);
        best = best === undefined ? similarity : Math.max(best, similarity);
      }
    }
    return best;
  };

  const score = (statement: string, unit: Unit): number => {
    const text = withoutMarkers(statement);
    const byWords = lexical(text, unit);
    const vector = vectors.get(text);
    const similarity = vector === undefined ? undefined : closest(vector, unit);
    if (semantic === undefined || similarity === undefined) return byWords;
    const { low, high } = semantic.range;
    const byMeaning = Math.min(1, Math.max(0, (similarity - low) / (high - low)));
    return Math.min(byWords, byMeaning);
  };

  return {
    async prepare(statement) {
      if (!semantic) return;
      const text = withoutMarkers(statement);
      if (!vectors.has(text)) vectors.set(text, await semantic.embed(text));
    },
    score,
    supports: (statement, unit) => score(statement, unit) >= threshold,
  };
}

/** The statement text without its citation markers. */
export function withoutMarkers(statement: string): string {
  let text = statement;
  for (const marker of parseMarkers(statement).reverse()) {
    text = `${text.slice(0, marker.start)}${text.slice(marker.end)}`;
  }
  return text.replace(/\s+/g, ' ').trim();
}
