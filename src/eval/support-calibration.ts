// Calibration of the support checker's threshold: answer-like statements scored against the gold unit they come
// from (should be supported) and against a random and a closely related non-gold unit (should not be).
import { type Calibration, calibrate } from './calibration.ts';
import { containsPhrase } from './normalize-text.ts';
import { goldUnitIds, type QaEntry } from './qa-set.ts';

export type SupportPairKind = 'positive' | 'random' | 'hard';

export interface SupportPair {
  /** Question the statement was made from. */
  id: string;
  kind: SupportPairKind;
  unitId: string;
  score: number;
}

export interface SupportPairSource {
  entries: readonly QaEntry[];
  defaultMeeting: string;
  /** Every unit id of the corpus, in a stable order (the random negatives are drawn from it). */
  unitIds: readonly string[];
  textOf: (unitId: string) => string | undefined;
  /** Unit ids the retriever ranked for a question, best first: the first non-gold one is the hard negative. */
  retrievedOf: (questionId: string) => readonly string[];
  /** The support checker's score of a statement by a unit. */
  score: (statement: string, unitId: string) => number | Promise<number>;
}

/** FNV-1a: a stable, seedless pick of the random negative, so every run draws the same pairs. */
function hashOf(text: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index++) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Builds the pairs. A statement stands in for what an LLM would write from a gold unit: the question restated with
 * the must-mention phrases that unit contains (its facts, in the unit's words, around the user's wording). Gold
 * units containing none of the phrases, and follow-ups (whose question alone names no topic), give no statement.
 * Every statement is paired with its gold unit (positive), a random non-gold unit, and the highest-ranked non-gold
 * unit the retriever returned for the question (hard negative: the plausible wrong citation).
 */
export async function buildSupportPairs(source: SupportPairSource): Promise<SupportPair[]> {
  const pairs: SupportPair[] = [];
  for (const entry of source.entries) {
    if (!entry.answerable || entry.history !== undefined) continue;
    const gold = goldUnitIds(entry, source.defaultMeeting);
    const goldSet = new Set(gold);
    const others = source.unitIds.filter((id) => !goldSet.has(id));
    const hard = source.retrievedOf(entry.id).find((id) => !goldSet.has(id));
    for (const unitId of gold) {
      const text = source.textOf(unitId);
      if (text === undefined) continue;
      const phrases = entry.must_mention.filter((phrase) => containsPhrase(text, phrase));
      if (phrases.length === 0) continue;
      const statement = `${entry.question} ${phrases.join(', ')}`;
      pairs.push({ id: entry.id, kind: 'positive', unitId, score: await source.score(statement, unitId) });
      const random = others[hashOf(`${entry.id}/${unitId}`) % Math.max(1, others.length)];
      if (random !== undefined) {
        pairs.push({
          id: entry.id,
          kind: 'random',
          unitId: random,
          score: await source.score(statement, random),
        });
      }
      if (hard !== undefined) {
        pairs.push({ id: entry.id, kind: 'hard', unitId: hard, score: await source.score(statement, hard) });
      }
    }
  }
  return pairs;
}

export type SupportCounts = {
  positives: number;
  trueAccepts: number;
  falseRejects: number;
  randomNegatives: number;
  randomFalseAccepts: number;
  hardNegatives: number;
  hardFalseAccepts: number;
};

/**
 * A false accept lets a wrong citation through (the answer then claims a source for something it does not say); a
 * false reject drops or repairs a right statement, which costs less. So a false accept costs 1 and a false reject
 * 0.5, and the two negative sets are averaged so negatives weigh as much as positives.
 */
export const SUPPORT_OBJECTIVE =
  'minimise 0.5 × false rejects + (random false accepts + hard false accepts) / 2 (a wrong citation let through costs twice a right statement dropped)';

export function supportCost(counts: SupportCounts): number {
  return 0.5 * counts.falseRejects + (counts.randomFalseAccepts + counts.hardFalseAccepts) / 2;
}

/** The checker supports a pair when its score reaches the threshold (support.ts: score >= threshold). */
export function supportCountsAt(pairs: readonly SupportPair[], threshold: number): SupportCounts {
  const counts: SupportCounts = {
    positives: 0,
    trueAccepts: 0,
    falseRejects: 0,
    randomNegatives: 0,
    randomFalseAccepts: 0,
    hardNegatives: 0,
    hardFalseAccepts: 0,
  };
  for (const pair of pairs) {
    const accepted = pair.score >= threshold;
    if (pair.kind === 'positive') {
      counts.positives += 1;
      if (accepted) counts.trueAccepts += 1;
      else counts.falseRejects += 1;
    } else if (pair.kind === 'random') {
      counts.randomNegatives += 1;
      if (accepted) counts.randomFalseAccepts += 1;
    } else {
      counts.hardNegatives += 1;
      if (accepted) counts.hardFalseAccepts += 1;
    }
  }
  return counts;
}

/** The support-threshold sweep over `thresholds` (default DEFAULT_THRESHOLD_GRID). */
export function calibrateSupportThreshold(
  pairs: readonly SupportPair[],
  thresholds?: readonly number[],
): Calibration<SupportCounts> {
  return calibrate({
    cases: pairs,
    countAt: supportCountsAt,
    cost: supportCost,
    ...(thresholds ? { thresholds } : {}),
  });
}
