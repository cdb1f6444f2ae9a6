// Per-question metrics of the evaluation suite: retrieval ranks, context precision/recall, citations, must-mention, abstention.
import { BeschlussError } from '../errors.ts';
import { containsPhrase } from './normalize-text.ts';

/** One statement of an answer with the unit ids ("<meeting>/<top>/<para>") it cites. */
export interface CitedStatement {
  text: string;
  citations: readonly string[];
}

/** Judges whether a cited unit supports a statement (e.g. an entailment model); used where the unit is not gold. */
export type SupportCheck = (statement: CitedStatement, unitId: string) => boolean;

function assertRank(k: number): void {
  if (!Number.isInteger(k) || k < 1) {
    throw new BeschlussError(
      'INVALID_REQUEST',
      `metric cut-off k must be a positive integer; received ${k}`,
      {
        details: { k },
      },
    );
  }
}

/**
 * The ranked ids with repeats removed, first occurrence kept: a retriever that returns two chunks of one unit has
 * ranked that unit once, and counting it twice would inflate precision.
 */
export function dedupeRanked(ranked: readonly string[]): string[] {
  return [...new Set(ranked)];
}

function topK(ranked: readonly string[], k: number): string[] {
  assertRank(k);
  return dedupeRanked(ranked).slice(0, k);
}

/** 1 when a gold unit is among the first k distinct results, else 0; null when there is no gold. */
export function hitAt(ranked: readonly string[], gold: readonly string[], k: number): number | null {
  const top = topK(ranked, k);
  if (gold.length === 0) return null;
  const goldSet = new Set(gold);
  return top.some((id) => goldSet.has(id)) ? 1 : 0;
}

/** Share of the distinct gold units found among the first k distinct results; null when there is no gold. */
export function recallAt(ranked: readonly string[], gold: readonly string[], k: number): number | null {
  const top = new Set(topK(ranked, k));
  const goldSet = new Set(gold);
  if (goldSet.size === 0) return null;
  let found = 0;
  for (const id of goldSet) if (top.has(id)) found += 1;
  return found / goldSet.size;
}

/**
 * ID-based precision: share of the first k distinct results that are gold, divided by how many results there are
 * (at most k), so returning fewer but right units is not penalised. 0 for an empty list; null when there is no gold.
 */
export function precisionAt(ranked: readonly string[], gold: readonly string[], k: number): number | null {
  const top = topK(ranked, k);
  const goldSet = new Set(gold);
  if (goldSet.size === 0) return null;
  if (top.length === 0) return 0;
  return top.filter((id) => goldSet.has(id)).length / top.length;
}

/** 1 / rank of the first gold unit among the distinct results, 0 if none is found; null when there is no gold. */
export function reciprocalRank(ranked: readonly string[], gold: readonly string[]): number | null {
  const goldSet = new Set(gold);
  if (goldSet.size === 0) return null;
  const index = dedupeRanked(ranked).findIndex((id) => goldSet.has(id));
  return index === -1 ? 0 : 1 / (index + 1);
}

/**
 * Share of citations that are right: the cited unit is gold, or `supports` says it backs the statement. A unit
 * cited twice in one statement counts once; cited by two statements it counts for each. Null when nothing is cited.
 */
export function citationPrecision(
  statements: readonly CitedStatement[],
  gold: readonly string[],
  options: { supports?: SupportCheck } = {},
): number | null {
  const goldSet = new Set(gold);
  let total = 0;
  let right = 0;
  for (const statement of statements) {
    for (const id of new Set(statement.citations)) {
      total += 1;
      if (goldSet.has(id) || options.supports?.(statement, id) === true) right += 1;
    }
  }
  return total === 0 ? null : right / total;
}

/**
 * Share of statements with at least one valid citation: the cited unit exists in the corpus and is one of the
 * answer's sources (a citation to a unit the answer never retrieved is not grounded). Null when there are no statements.
 */
export function statementCoverage(
  statements: readonly CitedStatement[],
  context: { knownUnitIds: ReadonlySet<string>; sourceIds: readonly string[] },
): number | null {
  if (statements.length === 0) return null;
  const sources = new Set(context.sourceIds);
  const covered = statements.filter((statement) =>
    statement.citations.some((id) => context.knownUnitIds.has(id) && sources.has(id)),
  );
  return covered.length / statements.length;
}

/**
 * Share of citations that are valid: the cited unit exists in the corpus and is one of the answer's sources. A unit
 * cited twice in one statement counts once; cited by two statements it counts for each. Null when nothing is cited.
 */
export function citationValidity(
  statements: readonly CitedStatement[],
  context: { knownUnitIds: ReadonlySet<string>; sourceIds: readonly string[] },
): number | null {
  const sources = new Set(context.sourceIds);
  let total = 0;
  let valid = 0;
  for (const statement of statements) {
    for (const id of new Set(statement.citations)) {
      total += 1;
      if (context.knownUnitIds.has(id) && sources.has(id)) valid += 1;
    }
  }
  return total === 0 ? null : valid / total;
}

/**
 * For an answerable question: 1 when the answer cites at least one gold unit, 0 when it abstains or cites none (the
 * question counts as not answered correctly). Null for an unanswerable question.
 */
export function goldCited(
  statements: readonly CitedStatement[],
  gold: readonly string[],
  options: { answerable: boolean; abstained: boolean },
): number | null {
  if (!options.answerable) return null;
  if (options.abstained) return 0;
  const goldSet = new Set(gold);
  return statements.some((statement) => statement.citations.some((id) => goldSet.has(id))) ? 1 : 0;
}

/** Share of distinct phrases found whole in the answer text (normalised, see containsPhrase); null when none are expected. */
export function mustMentionCoverage(answer: string, phrases: readonly string[]): number | null {
  const distinct = [...new Set(phrases)];
  if (distinct.length === 0) return null;
  return distinct.filter((phrase) => containsPhrase(answer, phrase)).length / distinct.length;
}

/**
 * What the answer did about abstaining: answered an answerable question ("answered"), abstained on an unanswerable
 * one ("correct-abstain"), abstained on an answerable one ("false-abstain"), or answered an unanswerable one
 * ("missed-abstain").
 */
export type AbstentionOutcome = 'answered' | 'correct-abstain' | 'false-abstain' | 'missed-abstain';

export function abstentionOutcome(answerable: boolean, abstained: boolean): AbstentionOutcome {
  if (answerable) return abstained ? 'false-abstain' : 'answered';
  return abstained ? 'correct-abstain' : 'missed-abstain';
}

/** What a question expects, with gold as unit ids. */
export interface QuestionExpectation {
  gold: readonly string[];
  mustMention: readonly string[];
  answerable: boolean;
}

/** What the pipeline produced for one question. */
export interface QuestionObservation {
  /** Unit ids in the order the retriever ranked them. */
  retrieved: readonly string[];
  /** Unit ids of the contexts handed to the answerer, in order; defaults to `retrieved`. */
  contexts?: readonly string[];
  answer: string;
  statements: readonly CitedStatement[];
  /** Unit ids of the answer's sources. */
  sourceIds: readonly string[];
  abstained: boolean;
}

export interface ScoreOptions {
  /** Cut-off of hit@k, recall@k and the context metrics (default 5). */
  k?: number;
  /** Every unit id of the corpus, to tell a valid citation from an invented one. */
  knownUnitIds: ReadonlySet<string>;
  /** Accepts non-gold citations that support their statement; without it only gold citations count as right. */
  supports?: SupportCheck;
}

/** Every metric of one question; null where it is undefined for the question (e.g. recall without gold). */
export interface QuestionScores {
  hitAt1: number | null;
  hitAtK: number | null;
  recallAtK: number | null;
  mrr: number | null;
  contextPrecisionAtK: number | null;
  contextRecallAtK: number | null;
  citationPrecision: number | null;
  /** Citation precision counting gold units only (no support check): how often the answer cites an answering unit. */
  goldCitationPrecision: number | null;
  statementCoverage: number | null;
  /** Share of citations to a unit that exists and is among the answer's sources. */
  citationValidity: number | null;
  /** Answerable questions: whether the answer cites a gold unit (0 when it abstains); null for unanswerable ones. */
  goldCited: number | null;
  mustMentionCoverage: number | null;
  abstention: AbstentionOutcome;
}

/** Scores one question. Retrieval metrics use `retrieved`; context metrics use `contexts` (or `retrieved`). */
export function scoreQuestion(
  expectation: QuestionExpectation,
  observation: QuestionObservation,
  options: ScoreOptions,
): QuestionScores {
  const { k = 5, knownUnitIds, supports } = options;
  const { gold } = expectation;
  const contexts = observation.contexts ?? observation.retrieved;
  return {
    hitAt1: hitAt(observation.retrieved, gold, 1),
    hitAtK: hitAt(observation.retrieved, gold, k),
    recallAtK: recallAt(observation.retrieved, gold, k),
    mrr: reciprocalRank(observation.retrieved, gold),
    contextPrecisionAtK: precisionAt(contexts, gold, k),
    contextRecallAtK: recallAt(contexts, gold, k),
    citationPrecision: citationPrecision(observation.statements, gold, supports ? { supports } : {}),
    goldCitationPrecision: citationPrecision(observation.statements, gold),
    statementCoverage: statementCoverage(observation.statements, {
      knownUnitIds,
      sourceIds: observation.sourceIds,
    }),
    citationValidity: citationValidity(observation.statements, {
      knownUnitIds,
      sourceIds: observation.sourceIds,
    }),
    goldCited: goldCited(observation.statements, gold, {
      answerable: expectation.answerable,
      abstained: observation.abstained,
    }),
    mustMentionCoverage: mustMentionCoverage(observation.answer, expectation.mustMention),
    abstention: abstentionOutcome(expectation.answerable, observation.abstained),
  };
}
