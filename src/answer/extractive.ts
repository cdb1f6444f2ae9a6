// The extractive answerer (default, offline): picks the sentences of the retrieved units that answer the question,
// quotes each with its citation, quotes units named by reference, and abstains when the resolutions hold no answer.
import type { Analyzer } from '../analysis/index.ts';
import { splitSentences } from '../chunk/index.ts';
import type { UnitCatalog } from '../citation/catalog.ts';
import { conferenceName, germanDate, parseMarkers } from '../citation/marker.ts';
import { findReferences, type Reference } from '../citation/reference.ts';
import type { Unit } from '../model.ts';
import type { HybridRetriever } from '../retrieve/hybrid.ts';
import type { RetrievalMode } from '../retrieve/types.ts';
import { type Concept, conceptsOf, coverage, termSetOf } from './concepts.ts';
import { cuesOf } from './cues.ts';
import { type AnalysedQuestion, analyseQuestion, type Language } from './question.ts';
import { type Evidence, renderAbstention, renderAnswer, sourcesOf } from './render.ts';
import { streamAnswer } from './stream.ts';
import type { TermStatistics } from './term-statistics.ts';
import type { Answer, AnswerEvent, Answerer, AnswerOptions, AskRequest } from './types.ts';

export interface ExtractiveAnswererOptions {
  retriever: HybridRetriever;
  catalog: UnitCatalog;
  analyzer: Analyzer;
  statistics: TermStatistics;
  /** Units examined for answer sentences (default 8). */
  candidates?: number;
  /** Statements at most for a question asking for one thing (default 3) and for a list question (default 8). */
  maxStatements?: number;
  maxListStatements?: number;
  /**
   * Below this evidence score the answerer abstains. Calibrated on eval/qa.jsonl (see eval/REPORT.md): the score is
   * the share of the question's weighted concepts the best sentence covers, plus cue bonuses.
   */
  abstainThreshold?: number;
  /** Sentences scoring at least this share of the best one are kept (default 0.75). */
  relativeCutoff?: number;
  /** Units quoted at most for a reference to a whole item (default 12). */
  maxQuotedUnits?: number;
  /** Retrieval mode (default hybrid; the evaluation compares lexical-only and vector-only baselines). */
  mode?: RetrievalMode;
}

export const DEFAULT_ABSTAIN_THRESHOLD = 0.5;

/** Weight of the previous question's concepts in a follow-up that has concepts of its own. */
const PREVIOUS_QUESTION_WEIGHT = 0.4;

interface ScoredSentence {
  unit: Unit;
  text: string;
  /** Position of the unit among the candidates and of the sentence in the unit, for document order. */
  unitOrder: number;
  sentenceIndex: number;
  score: number;
}

export function createExtractiveAnswerer(options: ExtractiveAnswererOptions): Answerer & {
  /** The evidence score of a question's best sentence (for calibration and the eval). */
  evidenceScore(request: AskRequest): Promise<number>;
} {
  const {
    retriever,
    catalog,
    analyzer,
    statistics,
    candidates = 8,
    maxStatements = 3,
    maxListStatements = 8,
    abstainThreshold = DEFAULT_ABSTAIN_THRESHOLD,
    relativeCutoff = 0.75,
    maxQuotedUnits = 12,
    mode = 'hybrid',
  } = options;
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

  function referencesOf(question: AnalysedQuestion): Reference[] {
    const references = findReferences(question.question);
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
    let residual = question.question;
    for (const reference of [...references].sort((a, b) => b.start - a.start)) {
      residual = `${residual.slice(0, reference.start)} ${residual.slice(reference.end)}`;
    }
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

  function scoreSentences(
    question: AnalysedQuestion,
    concepts: Concept[],
    units: ReadonlyArray<{ unit: Unit; rank: number; preferred: boolean }>,
  ): ScoredSentence[] {
    const scored: ScoredSentence[] = [];
    units.forEach(({ unit, rank, preferred }, unitOrder) => {
      const context = new Set([
        ...termsOf(unit.title),
        ...(unit.kind === 'note' ? termsOf(noteLabelText(unit)) : []),
      ]);
      const unitCoverage = coverage(concepts, termsOf(unit.text), context).score;
      splitSentences(unit.text).forEach((sentence, sentenceIndex) => {
        const sentenceCoverage = coverage(concepts, termsOf(sentence.text), context).score;
        const cues = cuesOf(sentence.text);
        let bonus = 0;
        if (question.intent.deadline && cues.deadline) bonus += 0.15;
        if ((question.intent.actor || question.intent.mandate) && cues.mandate) bonus += 0.08;
        if (question.intent.actor && cues.actor) bonus += 0.04;
        if (question.intent.count && cues.number) bonus += 0.08;
        // A follow-up is most likely about the item the previous answer cited.
        if (preferred) bonus += 0.15;
        const score = 0.7 * sentenceCoverage + 0.3 * unitCoverage + bonus + 0.04 / rank;
        scored.push({ unit, text: sentence.text, unitOrder, sentenceIndex, score });
      });
    });
    return scored.sort((a, b) => b.score - a.score);
  }

  /**
   * What the answer must cover: the question's own concepts; for a follow-up also those of the previous question, at
   * a lower weight — they set the topic, the follow-up asks the point ("Sind die Beamten dort bewaffnet?").
   */
  function questionConcepts(question: AnalysedQuestion): Concept[] {
    const options = { english: question.language === 'en' };
    const own = conceptsOf(
      stripReferences(question.question, findReferences(question.question)),
      analyzer,
      statistics,
      options,
    );
    if (!question.followUp || question.previousQuestion === undefined) return own;
    const seen = new Set(own.map((concept) => concept.surface.toLowerCase()));
    const previous = conceptsOf(
      stripReferences(question.previousQuestion, findReferences(question.previousQuestion)),
      analyzer,
      statistics,
      options,
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

  function select(question: AnalysedQuestion, scored: ScoredSentence[]): ScoredSentence[] {
    const best = scored[0];
    if (!best) return [];
    const limit = question.intent.list ? maxListStatements : maxStatements;
    const perUnit = new Map<string, number>();
    const chosen: ScoredSentence[] = [];
    const seenTexts = new Set<string>();
    for (const sentence of scored) {
      if (chosen.length >= limit) break;
      if (sentence.score < best.score * relativeCutoff) break;
      const count = perUnit.get(sentence.unit.id) ?? 0;
      if (count >= 2 || seenTexts.has(sentence.text)) continue;
      perUnit.set(sentence.unit.id, count + 1);
      seenTexts.add(sentence.text);
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
        a.sentenceIndex - b.sentenceIndex,
    );
  }

  const orderOfUnit = new Map(catalog.units.map((unit, index) => [unit.id, index]));
  const catalogOrder = (unit: Unit) => orderOfUnit.get(unit.id) ?? 0;

  /** The answer, with the spelling suggestion for the question when the retriever has one. */
  async function evaluate(request: AskRequest): Promise<{ answer: Answer; evidence: number }> {
    const result = await evaluateQuestion(request);
    const suggestion = retriever.spell?.(request.question);
    if (suggestion) result.answer.didYouMean = suggestion.text;
    return result;
  }

  async function evaluateQuestion(request: AskRequest): Promise<{ answer: Answer; evidence: number }> {
    const question = analyseQuestion(request.question, request.history ?? []);
    const language: Language = question.language;
    const meetingFilter = request.meeting === undefined ? {} : { meeting: request.meeting };
    const references = referencesOf(question);
    const named = references.filter(
      (reference) => reference.top !== undefined || reference.noteBy !== undefined,
    );
    const resolved = unique(named.flatMap((reference) => catalog.resolve(reference, meetingFilter)));
    const { units: exact, notice: meetingNotice } = latestMeetingOnly(resolved, named, language);

    if (named.length > 0 && exact.length === 0) {
      const ranked = await retriever.rank(question.retrievalQuery, { k: 3, mode, ...meetingFilter });
      return {
        answer: renderAbstention({
          language,
          withMeeting: withMeeting(),
          hints: ranked.filter((entry) => !entry.exact),
          reason: missingReferenceReason(named, language),
        }),
        evidence: 0,
      };
    }

    const residual = exact.length > 0 ? residualConcepts(question, references) : [];
    if (exact.length > 0 && residual.length === 0) {
      const quoted = exact.slice(0, maxQuotedUnits).map((unit) => ({ unit, text: unit.text, score: 1 }));
      const answer = renderAnswer(quoted, sourcesOf(quoted), { language, withMeeting: withMeeting() });
      if (meetingNotice !== undefined) answer.notice = meetingNotice;
      return { answer, evidence: 1 };
    }

    const ranked = await retriever.rank(question.retrievalQuery, {
      k: Math.max(candidates, request.k ?? 0),
      mode,
      ...meetingFilter,
    });
    const previous = new Set(question.followUp ? previousTops(question) : []);
    let pool: Array<{ unit: Unit; rank: number; preferred: boolean }>;
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
      }));
      for (const unit of catalog.units) {
        if (previous.has(unit.top) && !pool.some((entry) => entry.unit.id === unit.id)) {
          pool.push({ unit, rank: pool.length + 1, preferred: true });
        }
      }
    }
    const concepts = questionConcepts(question);
    const scored = scoreSentences(question, concepts, pool);
    const evidence = scored[0]?.score ?? 0;
    if (concepts.length === 0 || (exact.length === 0 && evidence < abstainThreshold)) {
      return {
        answer: renderAbstention({ language, withMeeting: withMeeting(), hints: ranked.slice(0, 3) }),
        evidence,
      };
    }
    const chosen = select(question, scored);
    const missing = missingAnswerPart(question, chosen);
    if (missing !== undefined) {
      // The resolutions speak about the topic but do not give what was asked (a date, a number): say so, and show
      // where they speak about it without claiming it answers.
      return {
        answer: renderAbstention({
          language,
          withMeeting: withMeeting(),
          hints: chosen.map((sentence) => ({ unit: sentence.unit, score: sentence.score })),
          reason: missing,
        }),
        evidence,
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
    async evidenceScore(request: AskRequest): Promise<number> {
      return (await evaluate(request)).evidence;
    },
  };
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

/** When the question asks for a date or a number and no chosen sentence gives one, the reason to abstain. */
function missingAnswerPart(
  question: AnalysedQuestion,
  chosen: readonly ScoredSentence[],
): string | undefined {
  const english = question.language === 'en';
  if (question.intent.deadline && !chosen.some((sentence) => cuesOf(sentence.text).deadline)) {
    return english
      ? 'They name no date or deadline for it.'
      : 'Einen Termin oder eine Frist nennen die Beschlüsse dazu nicht.';
  }
  if (question.intent.count && !chosen.some((sentence) => cuesOf(sentence.text).number)) {
    return english ? 'They give no number for it.' : 'Eine Zahl nennen die Beschlüsse dazu nicht.';
  }
  return undefined;
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

function stripReferences(text: string, references: Reference[]): string {
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
