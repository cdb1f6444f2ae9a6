// Reads what a question asks for: its language, its kind (who, by when, which tasks, how many, yes/no), whether it
// is a follow-up that needs the previous turn, and the query to retrieve with.
import type { ChatMessage } from './types.ts';

export type Language = 'de' | 'en';

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

const ENGLISH_WORDS = new Set(
  (
    'the a an of to in on for by with and or is are was were be been has have had do does did what which who whom ' +
    'whose when where why how many much should shall will would can could must about from that this these those it ' +
    'its their they there any all report reports deadline until asked ask'
  ).split(' '),
);
const GERMAN_WORDS = new Set(
  (
    'der die das den dem des ein eine einen einem einer und oder ist sind war wurde wurden hat haben wer wen wem was ' +
    'welche welcher welches welchen wann wo warum wie viele soll sollen bis zu zur zum im in mit von für auf über ' +
    'nicht auch sich es sie er dazu davon beschluss beschlüsse imk'
  ).split(' '),
);

export function detectLanguage(text: string): Language {
  const words = text.toLowerCase().match(/[\p{L}]+/gu) ?? [];
  let english = 0;
  let german = 0;
  for (const word of words) {
    if (ENGLISH_WORDS.has(word)) english++;
    if (GERMAN_WORDS.has(word)) german++;
    if (/[äöüß]/.test(word)) german += 0.5;
  }
  return english > german ? 'en' : 'de';
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

const FOLLOW_UP_START =
  /^\s*(?:und|aber|sowie|und\s+was|was\s+ist\s+mit|wie\s+sieht\s+es|wie\s+steht\s+es|and|but|what\s+about|how\s+about)(?![\p{L}\d])/iu;
/** Words that point back to what was said before ("dort", "daran", "weitere", "there", "also"). */
const ANAPHORA =
  /(?<![\p{L}\d])(?:dazu|davon|dafür|darüber|daran|darauf|dabei|damit|dort|hierzu|hierbei|hierfür|dies\w*|jene\w*|derselbe\w*|weitere\w*|ebenfalls|sonst|it|this|these|those|that|they|them|there|also|further|other)(?![\p{L}\d])/iu;
/** Question words, pronouns, articles, auxiliaries and particles: what a question is made of besides its topic. */
const QUESTION_WORDS = new RegExp(
  `(?<![\\p{L}\\d])(?:${[
    'und aber oder was wer wem wen wessen wann wie wo woran worauf wozu welche* bis zu zur zum ist sind war waren',
    'soll* hat haben hatte wird werden wurde wurden kann können könnte dürfen darf muss müssen mit es sich sieht',
    'steht denn noch genau auch nur schon dann doch der die das den dem des ein eine einen einem einer eines man wir',
    'sie er ihr ihre sein seine im in an am auf aus bei beim für von vom über unter nach vor gibt gab',
    'dazu davon dafür darüber daran darauf dabei damit dort hierzu hierbei hierfür dies* jene* weitere*',
    'ebenfalls sonst the a an of to on for with at from what who whom when how about and which is are was were be',
    'been by it this these those that they them there does do did should can could would will also further other',
  ]
    .join(' ')
    .split(' ')
    .map((word) => word.replace('*', '\\p{L}*'))
    .join('|')})(?![\\p{L}\\d])`,
  'giu',
);

/** Content words of a question: what is left after question words, pronouns and particles. */
function contentWordCount(question: string): number {
  return (question.replace(QUESTION_WORDS, ' ').match(/[\p{L}\d]{3,}/gu) ?? []).length;
}

export function analyseQuestion(question: string, history: readonly ChatMessage[] = []): AnalysedQuestion {
  const intent: QuestionIntent = {
    deadline: PATTERNS.deadline.test(question),
    actor: PATTERNS.actor.test(question),
    mandate: PATTERNS.mandate.test(question),
    count: PATTERNS.count.test(question),
    list: PATTERNS.list.test(question),
  };
  const previousQuestion = [...history].reverse().find((message) => message.role === 'user')?.content;
  const previousAnswer = [...history].reverse().find((message) => message.role === 'assistant')?.content;
  const content = contentWordCount(question);
  const followUp =
    previousQuestion !== undefined &&
    (content <= 1 ||
      (FOLLOW_UP_START.test(question) && content <= 3) ||
      (ANAPHORA.test(question) && content <= 3));
  const analysed: AnalysedQuestion = {
    question,
    language: detectLanguage(followUp && previousQuestion ? `${previousQuestion} ${question}` : question),
    intent,
    followUp,
    retrievalQuery: followUp && previousQuestion ? `${previousQuestion} ${question}` : question,
  };
  if (followUp && previousAnswer !== undefined) analysed.previousAnswer = previousAnswer;
  if (followUp && previousQuestion !== undefined) analysed.previousQuestion = previousQuestion;
  // A follow-up inherits what the first question asked for unless it asks something new ("Und wer?").
  if (followUp && previousQuestion) {
    const previous = analyseQuestion(previousQuestion);
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
