// Reads what a question asks for: its language, its kind (who, by when, which tasks, how many, yes/no), whether it
// is a follow-up that needs the previous turn, and the query to retrieve with.
import {
  bundledFunctionWords,
  detectLanguage,
  type FunctionWords,
  type Language,
} from '../analysis/index.ts';
import type { ChatMessage } from './types.ts';

// The one language detector is the analysis'; answering passes the analyzer's (with its lexicon's dictionaries).
export { detectLanguage, type Language };

export interface QuestionIntent {
  /** Asks for a date or deadline ("bis wann", "by when"). */
  deadline: boolean;
  /** Asks who is to act or who was asked ("wer", "welcher Arbeitskreis", "who"). */
  actor: boolean;
  /** Asks for mandates, tasks, requests ("Aufträge", "beauftragt", "soll", "tasks"). */
  mandate: boolean;
  /** Asks for a number ("wie viele", "how many"). */
  count: boolean;
  /** Asks for several things ("welche …", "alle", "which"), so several statements may answer. */
  list: boolean;
}

export interface AnalysedQuestion {
  /** The question as asked. */
  question: string;
  language: Language;
  intent: QuestionIntent;
  /** True when the question only makes sense with the previous turn ("Und mit welcher Frist?"). */
  followUp: boolean;
  /** What to retrieve with: the question, joined with the previous user question for a follow-up. */
  retrievalQuery: string;
  /** The previous assistant answer of a follow-up (its citation markers point at the topic). */
  previousAnswer?: string;
  /** The previous user question of a follow-up. */
  previousQuestion?: string;
}

const PATTERNS = {
  deadline:
    /(?<![\p{L}\d])(?:bis\s+wann|wann|frist(?:en)?|termin|zeitpunkt|bis\s+zu\s+welche[mr]?|zu\s+welche[mr]?\s+(?:sitzung|konferenz)|by\s+when|when|deadline|until\s+when|due)(?![\p{L}\d])/iu,
  actor:
    /(?<![\p{L}\d])(?:wer|wem|wen|welche[rsmn]?\s+(?:stelle|gremi\w*|arbeitskreis\w*|arbeitsgruppe\w*|land|länder|behörde\w*|ministeri\w*|konferenz\w*|institution\w*)|who|whom|which\s+(?:body|bodies|committee|working\s+group|state|states|ministry|conference))(?![\p{L}\d])/iu,
  mandate:
    /(?:auftr[aä]g\w*|beauftrag\w*|\bsoll(?:en|te|ten)?\b|\bbitte[tn]?\b|gebeten|aufgefordert|\btasks?\b|\btasked\b|\bassign\w*|\bmandat\w*|\basked\b|\brequest\w*|\bcommission\w*)/iu,
  count: /(?<![\p{L}\d])(?:wie\s+viele|wie\s+hoch|anzahl|how\s+many|how\s+much|number\s+of)(?![\p{L}\d])/iu,
  list: /(?<![\p{L}\d])(?:welche|alle|sämtliche|which|all|list)(?![\p{L}\d])/iu,
};

/**
 * A question that carries a back-pointing word or starts as a continuation is read as a follow-up as long as it
 * names at most this many content words of its own; with more it states its own topic, and a pronoun in it points
 * inside the question ("Was hat die IMK zu Sirenen und Warnapps beschlossen, und wer prüft sie?").
 */
const MAX_CONTENT_WORDS_WITH_MARKER = 3;
/**
 * A question with history and at most this many content words is elliptic ("Mit welcher Frist?", "Wer noch?"): its
 * topic can only be the previous one. One, not two: two-word search-box queries ("Sirenen Förderung") are common
 * and name a topic of their own.
 */
const MAX_CONTENT_WORDS_ELLIPTIC = 1;
/** Words as the follow-up rules see them: letters and digits, hyphenated compounds ("UN-Mission") as one word. */
const WORD = /[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*/gu;
const CAPITALISED = /^\p{Lu}/u;

interface FollowUpEvidence {
  /** Coordinating conjunction or continuing phrase at the start ("Und …", "What about …"). */
  continues: boolean;
  /** A pronoun, demonstrative, pronominal adverb or pro-adverb that points back ("dazu", "dort", "they"). */
  pointsBack: boolean;
  /** Words that are not of a closed class: what the question names of its own. */
  contentWords: number;
}

/** What in a question marks it as depending on the previous turn, read from the closed word classes. */
function followUpEvidence(question: string, words: FunctionWords): FollowUpEvidence {
  const tokens = question.match(WORD) ?? [];
  const lower = tokens.map((token) => token.toLowerCase());
  const continues =
    (lower[0] !== undefined && words.conjunctions.has(lower[0])) ||
    words.continuingPhrases.some((phrase) => phrase.every((word, index) => lower[index] === word));
  const pointsBack = tokens.some((token, index) => {
    const word = lower[index] as string;
    if (!words.anaphoric.has(word)) return false;
    // Capitalised "Sie" inside a sentence addresses the reader (Höflichkeitsform); it refers to nothing said before.
    if (word === 'sie' && index > 0 && CAPITALISED.test(token)) return false;
    // "das" is an article before a noun (German nouns are capitalised, an adjective may come between) and points
    // back only when it stands alone: "Wer prüft das?", "Bis wann muss das der Bund prüfen?".
    if (words.articleOrDemonstrative.has(word)) return !introducesNoun(tokens, index, words);
    return true;
  });
  const contentWords = lower.filter((word) => !words.closed.has(word)).length;
  return { continues, pointsBack, contentWords };
}

/** Whether the article-like word at `index` is followed by its noun: directly, or after one adjective. */
function introducesNoun(tokens: readonly string[], index: number, words: FunctionWords): boolean {
  const next = tokens[index + 1];
  if (next === undefined) return false;
  if (CAPITALISED.test(next)) return true;
  if (words.closed.has(next.toLowerCase())) return false;
  const afterNext = tokens[index + 2];
  return afterNext !== undefined && CAPITALISED.test(afterNext);
}

/**
 * Whether a question with history only makes sense with the previous turn: it is elliptic, or it continues (a
 * coordinating conjunction or a continuing phrase at the start) or points back (3rd-person pronoun, demonstrative,
 * "da(r)-"/"hier-" pronominal adverb, pro-adverb) without naming a topic of its own. The word classes, and the
 * grammars they follow, are in data/lexicon/funktionswoerter.tsv.
 */
function isFollowUp(question: string, words: FunctionWords): boolean {
  const { continues, pointsBack, contentWords } = followUpEvidence(question, words);
  if (contentWords <= MAX_CONTENT_WORDS_ELLIPTIC) return true;
  return (continues || pointsBack) && contentWords <= MAX_CONTENT_WORDS_WITH_MARKER;
}

/**
 * `language` tells the question's language; pass the analyzer's (`analyzer.language`), which also weighs the words
 * its dictionaries know. The default weighs function words alone.
 */
export function analyseQuestion(
  question: string,
  history: readonly ChatMessage[] = [],
  language: (text: string) => Language = detectLanguage,
): AnalysedQuestion {
  const intent: QuestionIntent = {
    deadline: PATTERNS.deadline.test(question),
    actor: PATTERNS.actor.test(question),
    mandate: PATTERNS.mandate.test(question),
    count: PATTERNS.count.test(question),
    list: PATTERNS.list.test(question),
  };
  const previousQuestion = [...history].reverse().find((message) => message.role === 'user')?.content;
  const previousAnswer = [...history].reverse().find((message) => message.role === 'assistant')?.content;
  const followUp = previousQuestion !== undefined && isFollowUp(question, bundledFunctionWords());
  const analysed: AnalysedQuestion = {
    question,
    language: language(followUp && previousQuestion ? `${previousQuestion} ${question}` : question),
    intent,
    followUp,
    retrievalQuery: followUp && previousQuestion ? `${previousQuestion} ${question}` : question,
  };
  if (followUp && previousAnswer !== undefined) analysed.previousAnswer = previousAnswer;
  if (followUp && previousQuestion !== undefined) analysed.previousQuestion = previousQuestion;
  // A follow-up inherits what the first question asked for unless it asks something new ("Und wer?").
  if (followUp && previousQuestion) {
    const previous = analyseQuestion(previousQuestion, [], language);
    for (const key of Object.keys(intent) as Array<keyof QuestionIntent>) {
      if (key === 'list') continue;
      intent[key] = intent[key] || (!hasAnyIntent(intent) && previous.intent[key]);
    }
    if (previous.intent.list && !intent.deadline && !intent.actor) intent.list = true;
  }
  return analysed;
}

function hasAnyIntent(intent: QuestionIntent): boolean {
  return intent.deadline || intent.actor || intent.mandate || intent.count;
}
