// Whether a cited unit supports a statement: the share of the statement's weighted concepts the unit covers (its
// title counting as context). Used to check LLM statements and, in the evaluation, citation precision.
import type { Analyzer } from '../analysis/index.ts';
import { parseMarkers } from '../citation/marker.ts';
import type { Unit } from '../model.ts';
import { conceptsOf, coverage, termSetOf } from './concepts.ts';
import type { TermStatistics } from './term-statistics.ts';

/** A statement whose cited unit covers less than this share of its concepts is not supported (see eval/REPORT.md). */
export const DEFAULT_SUPPORT_THRESHOLD = 0.5;

export interface SupportChecker {
  /** Support in [0, 1] of a statement (its citation markers are ignored) by one unit. */
  score(statement: string, unit: Unit): number;
  supports(statement: string, unit: Unit): boolean;
}

export function createSupportChecker(options: {
  analyzer: Analyzer;
  statistics: TermStatistics;
  threshold?: number;
}): SupportChecker {
  const { analyzer, statistics, threshold = DEFAULT_SUPPORT_THRESHOLD } = options;
  const score = (statement: string, unit: Unit): number => {
    const text = withoutMarkers(statement);
    const english = analyzer.isEnglish(text);
    const concepts = conceptsOf(text, analyzer, statistics, { english });
    if (concepts.length === 0) return 0;
    const context = termSetOf(`${unit.title} ${unit.kind === 'note' ? unit.para : ''}`, analyzer);
    return coverage(concepts, termSetOf(unit.text, analyzer), context).score;
  };
  return { score, supports: (statement, unit) => score(statement, unit) >= threshold };
}

/** The statement text without its citation markers. */
export function withoutMarkers(statement: string): string {
  let text = statement;
  for (const marker of parseMarkers(statement).reverse()) {
    text = `${text.slice(0, marker.start)}${text.slice(marker.end)}`;
  }
  return text.replace(/\s+/g, ' ').trim();
}
