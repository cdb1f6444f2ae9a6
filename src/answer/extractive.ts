// The extractive answerer (default, offline): picks the sentences of the retrieved units that answer the question,
// quotes each with its citation, quotes units named by reference, and abstains when the resolutions hold no answer.
import type { Analyzer } from '../analysis/index.ts';
import type { UnitCatalog } from '../citation/index.ts';
import {
  conferenceName,
  findReferences,
  germanDate,
  parseMarkers,
  type Reference,
} from '../citation/index.ts';
import { BeschlussError } from '../errors.ts';
import type { SentenceVectors, TermStatistics } from '../index/index.ts';
import type { Unit } from '../model.ts';
import type { HybridRetriever, RankedUnit, SpellingSuggestion } from '../retrieve/index.ts';
import type { RetrievalMode } from '../retrieve/types.ts';
import { splitSentences } from '../text/index.ts';
import {
  type AbstentionModel,
  answerProbability,
  type EvidenceFeatures,
  loadAbstentionModels,
} from './abstention-model.ts';
import { startsWithBackReference } from './back-reference.ts';
import { type Concept, conceptsOf, coverage, termSetOf } from './concepts.ts';
import { type AnalysedQuestion, analyseQuestion, type Language } from './question.ts';
import { type Evidence, renderAbstention, renderAnswer, sourcesOf } from './render.ts';
import { forLanguage, MODEL_PROFILE, OFFLINE_PROFILE, type ScoringProfile } from './scoring-profile.ts';
import { askedSlots, fillsSlot, missingRequiredSlot, questionFocus, type Slot } from './slots.ts';
import { streamAnswer } from './stream.ts';
import type { Answer, AnswerEvent, Answerer, AnswerOptions, AskRequest } from './types.ts';

export interface ExtractiveAnswererOptions {
  retriever: HybridRetriever;
  catalog: UnitCatalog;
  analyzer: Analyzer;
  statistics: TermStatistics;
  /**
   * The question's vector and the index's sentence vectors, to weigh sentences by meaning. Without it sentences are
   * weighed by words alone (and the decision to answer sees no similarity).
   */
  semantic?: SemanticSupport;
  /** Weights and limits (default: MODEL_PROFILE with semantic support from a model, else OFFLINE_PROFILE). */
  profile?: ScoringProfile;
  /**
   * Decides whether the resolutions answer the question (default: the fitted model of data/answer/abstention.json
   * for the kind of embedder, `embedderKind`).
   */
  abstention?: AbstentionModel;
  /** Which fitted abstain model to use when `abstention` is not given (default "model"). */
  embedderKind?: 'model' | 'offline';
  /** Units quoted at most for a reference to a whole item (default 12). */
  maxQuotedUnits?: number;
  /** Retrieval mode (default hybrid; the evaluation compares lexical-only and vector-only baselines). */
  mode?: RetrievalMode;
}

/** The vectors answering needs: the question's (cached by the embedder) and every sentence's from the index. */
export interface SemanticSupport {
  embedQuery(text: string): Promise<ArrayLike<number>>;
  sentences: SentenceVectors;
  /** Position of a unit in the index (what the sentence vectors name units by). */
  ordinalOf(unitId: string): number | undefined;
}

/** A query as parsed once per question: its references and its spelling suggestion (null: none). */
interface ParsedQuery {
  text: string;
  references: Reference[];
  spelling: SpellingSuggestion | null;
}

/** Weight of the previous question's concepts in a follow-up that has concepts of its own. */
const PREVIOUS_QUESTION_WEIGHT = 0.4;

interface ScoredSentence {
  unit: Unit;
  /** The quoted text: the sentence, with the sentence before it when it points back to it. */
  text: string;
  start: number;
  end: number;
  /** Position of the unit among the candidates and of the sentence in the unit, for document order. */
  unitOrder: number;
  sentenceIndex: number;
  similarity: number | undefined;
  coverage: number;
  unitCoverage: number;
  slotFilled: boolean;
  score: number;
}

/** Everything the decision saw: features, probability, threshold. */
export interface AnswerEvidence {
  features: EvidenceFeatures;
  probability: number;
  threshold: number;
  /** How the question was settled: quoted a reference, decided by the model, or abstained for a missing part. */
  decidedBy: 'reference' | 'model' | 'missing-slot' | 'no-concepts' | 'missing-reference';
  /** The best candidate sentences with what their scores are made of, best first (for explaining an answer). */
  candidates: Array<{
    unitId: string;
    text: string;
    similarity?: number;
    coverage: number;
    unitCoverage: number;
    slotFilled: boolean;
    score: number;
  }>;
}

export interface ExtractiveAnswerer extends Answerer {
  /** The evidence behind a question's answer (for calibration and the eval). */
  evidence(request: AskRequest): Promise<AnswerEvidence>;
}

export function createExtractiveAnswerer(options: ExtractiveAnswererOptions): ExtractiveAnswerer {
  const {
    retriever,
    catalog,
    analyzer,
    statistics,
    semantic,
    embedderKind = 'model',
    maxQuotedUnits = 12,
    mode = 'hybrid',
  } = options;
  const profile = options.profile ?? (embedderKind === 'offline' ? OFFLINE_PROFILE : MODEL_PROFILE);
  const abstention =
    options.abstention ??
    loadAbstentionModels().find((model) => model.embedder === embedderKind) ??
    (() => {
      throw new BeschlussError('INTERNAL', `No fitted abstain model for ${embedderKind} embedders.`);
    })();
  const termCache = new Map<string, Set<string>>();
  const termsOf = (text: string) => {
    let terms = termCache.get(text);
    if (!terms) {
      terms = termSetOf(text, analyzer);
      if (termCache.size > 20_000) termCache.clear();
      termCache.set(text, terms);
    }
    return terms;
  };
  const withMeeting = () => catalog.multiMeeting;
  const slotContext = {
    isCommonNoun: (word: string) => analyzer.isKnownWord(word.toLowerCase()),
  };

  function referencesOf(question: AnalysedQuestion, parsed: readonly Reference[]): Reference[] {
    const references = [...parsed];
    if (!question.followUp) return references;
    // "Und Ziffer 3?" after an answer about TOP 46: the bare paragraph belongs to the item discussed before.
    const previousTop = previousTops(question)[0];
    return references.map((reference) =>
      reference.top === undefined && reference.para !== undefined && previousTop !== undefined
        ? { ...reference, top: previousTop }
        : reference,
    );
  }

  function previousTops(question: AnalysedQuestion): string[] {
    const tops = new Set<string>();
    for (const marker of parseMarkers(question.previousAnswer ?? '')) {
      for (const citation of marker.citations) tops.add(citation.top);
    }
    return [...tops];
  }

  /** The question without its references, note labels and frame words: is anything left to look for? */
  function residualConcepts(question: AnalysedQuestion, references: Reference[]): Concept[] {
    let residual = stripReferences(question.question, references);
    if (references.some((reference) => reference.noteBy !== undefined)) {
      residual = residual.replace(
        /\b(?:Protokollnotiz\w*|Protokoll|Länder|Land|Landes|\w*gegeben|erklärt\w*|vermerkt|festgehalten|protocol|notes?|record|put|placed|entered|states?)\b/giu,
        ' ',
      );
      for (const code of references.flatMap((reference) => reference.noteBy ?? [])) {
        for (const name of [code, ...analyzer.longForms(code)]) {
          residual = residual.replace(new RegExp(escapeRegExp(name), 'giu'), ' ');
        }
      }
    }
    residual = residual.replace(
      /\b(?:zeig\w*|nenn\w*|zitier\w*|wortlaut|text|inhalt|show|quote|wording|text|content)\b/giu,
      ' ',
    );
    return conceptsOf(residual, analyzer, statistics, { english: question.language === 'en' }).filter(
      (concept) => concept.known || concept.weight >= 1,
    );
  }

  /**
   * Every sentence of the candidate units, scored by meaning (the question's similarity to the sentence, scaled over
   * the candidates), words (the question's concepts it and its unit cover), whether it gives what the question asks
   * for, and the unit's rank; best first.
   */
  function scoreSentences(
    concepts: Concept[],
    slots: ReadonlySet<Slot>,
    units: ReadonlyArray<{ unit: Unit; rank: number; preferred: boolean; similarity?: number }>,
    queryVector: ArrayLike<number> | undefined,
    language: Language,
  ): ScoredSentence[] {
    const weights = forLanguage(profile, language);
    const scored: ScoredSentence[] = [];
    units.forEach(({ unit, rank, preferred, similarity: unitSimilarity }, unitOrder) => {
      const context = new Set([
        ...termsOf(unit.title),
        ...(unit.kind === 'note' ? termsOf(noteLabelText(unit)) : []),
      ]);
      const unitCoverage = coverage(concepts, termsOf(unit.text), context).score;
      const spans = sentenceSpansOf(unit, queryVector);
      const best = Math.max(...spans.map((span) => span.similarity ?? Number.NEGATIVE_INFINITY));
      const unitLevel = unitSimilarity ?? (Number.isFinite(best) ? best : undefined);
      spans.forEach((span, sentenceIndex) => {
        const own = unit.text.slice(span.start, span.end);
        // A sentence that points back ("Dies …", "Hierzu …") is quoted with the one before it.
        const previous =
          sentenceIndex > 0 && startsWithBackReference(own) ? spans[sentenceIndex - 1] : undefined;
        const start = previous?.start ?? span.start;
        const text = unit.text.slice(start, span.end);
        const sentenceCoverage = coverage(concepts, termsOf(text), context).score;
        const slotFilled = [...slots].some(
          (slot) => slot !== 'decision' && fillsSlot(own, slot, slotContext),
        );
        const decides = slots.has('decision') && fillsSlot(own, 'decision', slotContext);
        scored.push({
          unit,
          text,
          start,
          end: span.end,
          unitOrder,
          sentenceIndex,
          similarity:
            span.similarity === undefined || unitLevel === undefined
              ? span.similarity
              : (1 - weights.unitSemanticShare) * span.similarity + weights.unitSemanticShare * unitLevel,
          coverage: sentenceCoverage,
          unitCoverage,
          slotFilled,
          score:
            weights.lexical * sentenceCoverage +
            weights.unitLexical * unitCoverage +
            weights.rank / rank +
            (slotFilled ? weights.slotFilled : 0) +
            (decides ? weights.decision : 0) +
            (preferred ? weights.previousItem : 0),
        });
      });
    });
    // Meaning counts relative to the other candidates: the model's cosines of related texts lie close together.
    const similarities = scored.flatMap((sentence) =>
      sentence.similarity === undefined ? [] : [sentence.similarity],
    );
    if (similarities.length > 0) {
      const low = Math.min(...similarities);
      const span = Math.max(...similarities) - low;
      for (const sentence of scored) {
        if (sentence.similarity === undefined) continue;
        sentence.score += weights.semantic * (span > 0 ? (sentence.similarity - low) / span : 1);
      }
    }
    return scored.sort((a, b) => b.score - a.score);
  }

  /** A unit's sentences with their similarity to the question, from the index's sentence vectors where there are. */
  function sentenceSpansOf(
    unit: Unit,
    queryVector: ArrayLike<number> | undefined,
  ): Array<{ start: number; end: number; similarity: number | undefined }> {
    const ordinal = semantic?.ordinalOf(unit.id);
    if (semantic && queryVector && ordinal !== undefined) {
      const stored = semantic.sentences.sentencesOf(ordinal);
      if (stored.length > 0) {
        return stored.map((sentence) => ({
          start: sentence.start,
          end: sentence.end,
          similarity: semantic.sentences.similarity(sentence.row, queryVector),
        }));
      }
    }
    return splitSentences(unit.text).map((sentence) => ({ ...sentence, similarity: undefined }));
  }

  /**
   * What the answer must cover: the question's own concepts; for a follow-up also those of the previous question, at
   * a lower weight — they set the topic, the follow-up asks the point.
   */
  function questionConcepts(
    question: AnalysedQuestion,
    text: string,
    references: readonly Reference[],
  ): Concept[] {
    const conceptOptions = { english: question.language === 'en' };
    const own = conceptsOf(stripReferences(text, references), analyzer, statistics, conceptOptions);
    if (!question.followUp || question.previousQuestion === undefined) return own;
    const seen = new Set(own.map((concept) => concept.surface.toLowerCase()));
    const previous = conceptsOf(
      stripReferences(question.previousQuestion, findReferences(question.previousQuestion)),
      analyzer,
      statistics,
      conceptOptions,
    )
      .filter((concept) => !seen.has(concept.surface.toLowerCase()))
      .map((concept) => ({
        ...concept,
        weight: concept.weight * (own.length > 0 ? PREVIOUS_QUESTION_WEIGHT : 1),
      }));
    return [...own, ...previous];
  }

  function noteLabelText(unit: Unit): string {
    const label = unit.para.replace(/^Protokollnotiz\s+/, '');
    return [label, ...label.split(/\s*(?:,|\bund\b)\s*/).flatMap((code) => analyzer.longForms(code))].join(
      ' ',
    );
  }

  /** The quoted sentences: the best, and those close to it, a few per unit, each text once, in reading order. */
  function select(list: boolean, scored: ScoredSentence[]): ScoredSentence[] {
    const best = scored[0];
    if (!best) return [];
    const limit = list ? profile.maxListStatements : profile.maxStatements;
    const perUnit = new Map<string, number>();
    const chosen: ScoredSentence[] = [];
    for (const sentence of scored) {
      if (chosen.length >= limit) break;
      if (sentence.score < best.score * profile.relativeCutoff) break;
      const count = perUnit.get(sentence.unit.id) ?? 0;
      if (count >= profile.maxPerUnit) continue;
      // A sentence already quoted as part of another (its back-reference) is not quoted again.
      if (chosen.some((other) => other.unit.id === sentence.unit.id && overlaps(other, sentence))) continue;
      perUnit.set(sentence.unit.id, count + 1);
      chosen.push(sentence);
    }
    // Read in document order within each item; items in the order of their best sentence.
    const itemRank = new Map<string, number>();
    for (const sentence of chosen) {
      const key = `${sentence.unit.meeting}/${sentence.unit.top}`;
      if (!itemRank.has(key)) itemRank.set(key, itemRank.size);
    }
    return chosen.sort(
      (a, b) =>
        (itemRank.get(`${a.unit.meeting}/${a.unit.top}`) ?? 0) -
          (itemRank.get(`${b.unit.meeting}/${b.unit.top}`) ?? 0) ||
        catalogOrder(a.unit) - catalogOrder(b.unit) ||
        a.start - b.start,
    );
  }

  /**
   * A required slot the chosen sentences leave open may be filled by a close runner-up (the deadline is often the
   * sentence after the mandate): it joins the answer when it scores within the cutoff of the best of its unit's item.
   */
  function fillMissingSlots(
    slots: ReadonlySet<Slot>,
    chosen: ScoredSentence[],
    scored: ScoredSentence[],
  ): ScoredSentence[] {
    const missing = missingRequiredSlot(
      slots,
      chosen.map((sentence) => sentence.text),
      slotContext,
    );
    if (missing === undefined) return chosen;
    const items = new Set(chosen.map((sentence) => `${sentence.unit.meeting}/${sentence.unit.top}`));
    const filler = scored.find(
      (sentence) =>
        items.has(`${sentence.unit.meeting}/${sentence.unit.top}`) &&
        !chosen.includes(sentence) &&
        fillsSlot(sentence.text, missing, slotContext),
    );
    return filler ? [...chosen, filler] : chosen;
  }

  const orderOfUnit = new Map(catalog.units.map((unit, index) => [unit.id, index]));
  const catalogOrder = (unit: Unit) => orderOfUnit.get(unit.id) ?? 0;

  /** Whether the best sentence's unit (or its title) has the question's focus word; 0.5 without one. */
  function focusCoverage(question: string, best: ScoredSentence | undefined, language: Language): number {
    const focus = questionFocus(question);
    if (focus === undefined) return 0.5;
    if (!best) return 0;
    const [concept] = conceptsOf(focus, analyzer, statistics, { english: language === 'en' });
    if (!concept) return 0.5;
    const terms = new Set([...termsOf(best.unit.text), ...termsOf(best.unit.title)]);
    return coverage([concept], terms).score >= 0.5 ? 1 : 0;
  }

  function featuresOf(
    question: string,
    scored: readonly ScoredSentence[],
    ranked: readonly RankedUnit[],
    concepts: readonly Concept[],
    language: Language,
  ): EvidenceFeatures {
    const similarities = scored.flatMap((sentence) =>
      sentence.similarity === undefined ? [] : [sentence.similarity],
    );
    const best = similarities.length > 0 ? Math.max(...similarities) : 0;
    const sorted = [...similarities].sort((a, b) => a - b);
    const median = sorted.length > 0 ? (sorted[Math.floor((sorted.length - 1) / 2)] ?? 0) : 0;
    const lexicalFirst = ranked.find((entry) => entry.lexicalRank === 1)?.unit;
    const vectorFirst = ranked.find((entry) => entry.vectorRank === 1)?.unit;
    return {
      similarity: best,
      similarityMargin: best - median,
      coverage: Math.max(0, ...scored.map((sentence) => sentence.coverage)),
      unitCoverage: Math.max(0, ...scored.map((sentence) => sentence.unitCoverage)),
      agreement:
        lexicalFirst !== undefined &&
        vectorFirst !== undefined &&
        lexicalFirst.meeting === vectorFirst.meeting &&
        lexicalFirst.top === vectorFirst.top
          ? 1
          : 0,
      english: language === 'en' ? 1 : 0,
      unknownShare: unknownShareOf(concepts, statistics),
      focusCovered: focusCoverage(question, scored[0], language),
    };
  }

  const NO_FEATURES: EvidenceFeatures = {
    similarity: 0,
    similarityMargin: 0,
    coverage: 0,
    unitCoverage: 0,
    agreement: 0,
    english: 0,
    unknownShare: 0,
    focusCovered: 0.5,
  };
  const settled = (decidedBy: AnswerEvidence['decidedBy'], probability: number): AnswerEvidence => ({
    features: NO_FEATURES,
    probability,
    threshold: abstention.threshold,
    decidedBy,
    candidates: [],
  });

  /** The answer, with the spelling suggestion for the question when the retriever has one. */
  async function evaluate(request: AskRequest): Promise<{ answer: Answer; evidence: AnswerEvidence }> {
    const question = analyseQuestion(request.question, request.history ?? [], analyzer.language);
    // Parsed once and handed on: the question's references and spelling, and those of the retrieval query (the
    // same unless a follow-up joins the previous question).
    const own = parseQuery(question.question);
    const retrieval =
      question.retrievalQuery === question.question ? own : parseQuery(question.retrievalQuery);
    const result = await evaluateQuestion(request, question, own, retrieval);
    if (own.spelling) result.answer.didYouMean = own.spelling.text;
    return result;
  }

  function parseQuery(text: string): ParsedQuery {
    return { text, references: findReferences(text), spelling: retriever.spell?.(text) ?? null };
  }

  async function evaluateQuestion(
    request: AskRequest,
    question: AnalysedQuestion,
    own: ParsedQuery,
    retrieval: ParsedQuery,
  ): Promise<{ answer: Answer; evidence: AnswerEvidence }> {
    const handOn = { references: retrieval.references, spelling: retrieval.spelling };
    const language: Language = question.language;
    const meetingFilter = request.meeting === undefined ? {} : { meeting: request.meeting };
    const references = referencesOf(question, own.references);
    const named = references.filter(
      (reference) => reference.top !== undefined || reference.noteBy !== undefined,
    );
    const resolved = unique(named.flatMap((reference) => catalog.resolve(reference, meetingFilter)));
    const { units: exact, notice: meetingNotice } = latestMeetingOnly(resolved, named, language);

    if (named.length > 0 && exact.length === 0) {
      const ranked = await retriever.rank(question.retrievalQuery, {
        k: 3,
        mode,
        ...meetingFilter,
        ...handOn,
      });
      return {
        answer: renderAbstention({
          language,
          withMeeting: withMeeting(),
          hints: ranked.filter((entry) => !entry.exact),
          reason: missingReferenceReason(named, language),
        }),
        evidence: settled('missing-reference', 0),
      };
    }

    const residual = exact.length > 0 ? residualConcepts(question, references) : [];
    if (exact.length > 0 && residual.length === 0) {
      const quoted = exact.slice(0, maxQuotedUnits).map((unit) => ({ unit, text: unit.text, score: 1 }));
      const answer = renderAnswer(quoted, sourcesOf(quoted), { language, withMeeting: withMeeting() });
      if (meetingNotice !== undefined) answer.notice = meetingNotice;
      return { answer, evidence: settled('reference', 1) };
    }

    const ranked = await retriever.rank(question.retrievalQuery, {
      k: Math.max(profile.candidates, request.k ?? 0),
      mode,
      ...handOn,
      ...meetingFilter,
    });
    const previous = new Set(question.followUp ? previousTops(question) : []);
    let pool: Array<{ unit: Unit; rank: number; preferred: boolean; similarity?: number }>;
    if (exact.length > 0 && exact.every((unit) => unit.kind === 'note')) {
      // The question names Protokollnotizen: the answer is in them.
      pool = exact.map((unit, index) => ({ unit, rank: index + 1, preferred: false }));
    } else if (exact.length > 0) {
      // The question names items: look for the answer inside them only.
      const items = new Set(exact.map((unit) => `${unit.meeting}/${unit.top}`));
      const inItems = catalog.units.filter((unit) => items.has(`${unit.meeting}/${unit.top}`));
      pool = inItems.map((unit, index) => ({ unit, rank: index + 1, preferred: false }));
    } else {
      pool = ranked.map((entry, index) => ({
        unit: entry.unit,
        rank: index + 1,
        preferred: previous.has(entry.unit.top),
        ...(entry.vectorScore === undefined ? {} : { similarity: entry.vectorScore }),
      }));
      for (const unit of catalog.units) {
        if (previous.has(unit.top) && !pool.some((entry) => entry.unit.id === unit.id)) {
          pool.push({ unit, rank: pool.length + 1, preferred: true });
        }
      }
    }
    // Misspelt words count as the corpus writes them; the question vector is the retriever's (and cached).
    const corrected = own.spelling?.text ?? question.question;
    const concepts = questionConcepts(
      question,
      corrected,
      own.spelling ? findReferences(corrected) : own.references,
    );
    const slots = askedSlots(corrected, analyzer.language);
    const queryText = retrieval.spelling?.text ?? question.retrievalQuery;
    const queryVector = semantic && mode !== 'lexical' ? await semantic.embedQuery(queryText) : undefined;
    const scored = scoreSentences(concepts, slots, pool, queryVector, language);
    const features = featuresOf(corrected, scored, ranked, concepts, language);
    const probability = answerProbability(abstention, features);
    const evidence: AnswerEvidence = {
      features,
      probability,
      threshold: abstention.threshold,
      decidedBy: 'model',
      candidates: scored.slice(0, 5).map((sentence) => ({
        unitId: sentence.unit.id,
        text: sentence.text,
        ...(sentence.similarity === undefined ? {} : { similarity: round3(sentence.similarity) }),
        coverage: round3(sentence.coverage),
        unitCoverage: round3(sentence.unitCoverage),
        slotFilled: sentence.slotFilled,
        score: round3(sentence.score),
      })),
    };
    if (concepts.length === 0 && queryVector === undefined) {
      return {
        answer: renderAbstention({ language, withMeeting: withMeeting(), hints: ranked.slice(0, 3) }),
        evidence: { ...evidence, decidedBy: 'no-concepts' },
      };
    }
    if (exact.length === 0 && probability < abstention.threshold) {
      return {
        answer: renderAbstention({ language, withMeeting: withMeeting(), hints: ranked.slice(0, 3) }),
        evidence,
      };
    }
    const chosen = fillMissingSlots(slots, select(question.intent.list, scored), scored);
    const missing = missingRequiredSlot(
      slots,
      chosen.map((sentence) => sentence.text),
      slotContext,
    );
    if (missing !== undefined) {
      // The resolutions speak about the topic but do not give what was asked (a date, a number, a place …): say
      // so, and show where they speak about it without claiming it answers.
      return {
        answer: renderAbstention({
          language,
          withMeeting: withMeeting(),
          hints: chosen.map((sentence) => ({ unit: sentence.unit, score: sentence.score })),
          reason: missingSlotReason(missing, language),
        }),
        evidence: { ...evidence, decidedBy: 'missing-slot' },
      };
    }
    const evidenceList: Evidence[] = chosen.map((sentence) => ({
      unit: sentence.unit,
      text: sentence.text,
      score: sentence.score,
    }));
    // Sources carry one kind of score: the evidence of each unit's best sentence. The cited units come first, then
    // the other examined units, best first.
    const unitEvidence = new Map<string, { unit: Unit; score: number }>();
    for (const sentence of scored) {
      if (!unitEvidence.has(sentence.unit.id))
        unitEvidence.set(sentence.unit.id, { unit: sentence.unit, score: sentence.score });
    }
    const cited = new Set(chosen.map((sentence) => sentence.unit.id));
    const sources = sourcesOf([
      ...[...unitEvidence.values()].filter((entry) => cited.has(entry.unit.id)),
      ...[...unitEvidence.values()].filter((entry) => !cited.has(entry.unit.id)),
    ]).slice(0, Math.max(request.k ?? 5, chosen.length));
    return {
      answer: renderAnswer(evidenceList, sources, { language, withMeeting: withMeeting() }),
      evidence,
    };
  }

  return {
    async answer(request: AskRequest): Promise<Answer> {
      return (await evaluate(request)).answer;
    },
    stream(request: AskRequest, streamOptions?: AnswerOptions): AsyncIterable<AnswerEvent> {
      return streamAnswer(() => evaluate(request).then((result) => result.answer), streamOptions);
    },
    async evidence(request: AskRequest): Promise<AnswerEvidence> {
      return (await evaluate(request)).evidence;
    },
  };
}

/**
 * Share of the question's concept weight the corpus has no words for: a concept found only through a compound part
 * or a loose synonym counts as partly unknown, by how weak that match is.
 */
function unknownShareOf(concepts: readonly Concept[], statistics: TermStatistics): number {
  const total = concepts.reduce((sum, concept) => sum + concept.weight, 0);
  if (total === 0) return 0;
  let unknown = 0;
  for (const concept of concepts) {
    let strength = 0;
    for (const [term, alternative] of concept.alternatives) {
      if (statistics.documentFrequency(term) > 0) strength = Math.max(strength, alternative);
    }
    unknown += concept.weight * (1 - Math.min(1, strength));
  }
  return unknown / total;
}

function round3(value: number): number {
  return Math.round(value * 1000) / 1000;
}

function overlaps(a: { start: number; end: number }, b: { start: number; end: number }): boolean {
  return a.start < b.end && b.start < a.end;
}

const SLOT_REASONS: Record<Slot, { de: string; en: string }> = {
  date: {
    de: 'Einen Termin oder eine Frist nennen die Beschlüsse dazu nicht.',
    en: 'They name no date or deadline for it.',
  },
  count: { de: 'Eine Zahl nennen die Beschlüsse dazu nicht.', en: 'They give no number for it.' },
  amount: { de: 'Einen Betrag nennen die Beschlüsse dazu nicht.', en: 'They give no sum of money for it.' },
  duration: { de: 'Eine Dauer nennen die Beschlüsse dazu nicht.', en: 'They give no duration for it.' },
  place: { de: 'Einen Ort nennen die Beschlüsse dazu nicht.', en: 'They name no place for it.' },
  land: { de: 'Welche Länder es sind, sagen die Beschlüsse dazu nicht.', en: 'They do not name the states.' },
  person: { de: 'Eine Person nennen die Beschlüsse dazu nicht.', en: 'They name no person for it.' },
  actor: { de: 'Wer handeln soll, sagen die Beschlüsse dazu nicht.', en: 'They do not say who is to act.' },
  decision: {
    de: 'Eine Entscheidung dazu enthalten die Beschlüsse nicht.',
    en: 'They contain no decision on it.',
  },
};

function missingSlotReason(slot: Slot, language: Language): string {
  return SLOT_REASONS[slot][language];
}

/**
 * A reference without a meeting ("TOP 14") names that TOP in every loaded meeting: read it as the most recent
 * meeting's and say so, rather than quote a dozen meetings at once.
 */
function latestMeetingOnly(
  units: Unit[],
  references: readonly Reference[],
  language: Language,
): { units: Unit[]; notice?: string } {
  const meetings = [...new Set(units.map((unit) => `${unit.date}|${unit.meeting}`))].sort();
  if (meetings.length <= 1 || references.some((reference) => reference.date !== undefined)) return { units };
  const latest = (meetings.at(-1) ?? '').split('|')[1];
  const kept = units.filter((unit) => unit.meeting === latest);
  const first = kept[0];
  if (!first) return { units };
  const label = `${conferenceName(first.meeting)} ${germanDate(first.date)}`;
  const notice =
    language === 'en'
      ? `This reference exists in ${meetings.length} meetings; shown is the most recent (${label}). Name the meeting for another one, e.g. "${label}, TOP ${first.top}".`
      : `Diese Fundstelle gibt es in ${meetings.length} Sitzungen; gezeigt ist die jüngste (${label}). Für eine andere nennen Sie die Sitzung, z. B. „${label}, TOP ${first.top}“.`;
  return { units: kept, notice };
}

function missingReferenceReason(references: Reference[], language: Language): string {
  const described = references
    .map((reference) => {
      const top = reference.top === undefined ? '' : `TOP ${reference.top}`;
      if (reference.noteBy !== undefined) {
        const by = reference.noteBy.join(', ');
        return language === 'en' ? `${top} protocol note ${by}`.trim() : `${top} Protokollnotiz ${by}`.trim();
      }
      return reference.para === undefined ? top : `${top} Ziff. ${reference.para}`;
    })
    .join(', ');
  return language === 'en'
    ? `The loaded resolutions contain no ${described}.`
    : `Die geladenen Beschlüsse enthalten kein(e) ${described}.`;
}

function stripReferences(text: string, references: readonly Reference[]): string {
  let result = text;
  for (const reference of [...references].sort((a, b) => b.start - a.start)) {
    result = `${result.slice(0, reference.start)} ${result.slice(reference.end)}`;
  }
  return result;
}

function unique(units: Unit[]): Unit[] {
  const seen = new Set<string>();
  return units.filter((unit) => {
    if (seen.has(unit.id)) return false;
    seen.add(unit.id);
    return true;
  });
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
