// What kind of answer a question asks for (a date, a number, a sum, a duration, a place, a person, an actor, a yes or
// no) and whether a sentence gives one: the answer-type check of classic question answering (Li & Roth 2002,
// "Learning question classifiers"), reduced to the types resolutions answer or pointedly do not.
import { LABEL_NAMES } from '../citation/index.ts';
import { cuesOf } from './cues.ts';
import { detectLanguage, type Language } from './question.ts';
import { bundledQuestionVocabulary } from './question-vocabulary.ts';

export type Slot =
  | 'date'
  | 'count'
  | 'amount'
  | 'duration'
  | 'place'
  | 'land'
  | 'person'
  | 'actor'
  | 'decision';

/**
 * Slots a sentence must fill for the question to count as answered: asked for a date and given none, the
 * resolutions do not answer it, however close the topic. The others only steer which sentence is chosen: nearly
 * every sentence names an actor, and a yes/no question is answered by whatever the resolutions decide.
 */
export const REQUIRED_SLOTS: ReadonlySet<Slot> = new Set([
  'date',
  'count',
  'amount',
  'duration',
  'place',
  'land',
  'person',
]);

const word = (pattern: string) => new RegExp(`(?<![\\p{L}\\d])(?:${pattern})(?![\\p{L}\\d])`, 'iu');

/** Question patterns per slot, German and English. */
const ASKS: Record<Exclude<Slot, 'decision'>, RegExp> = {
  date: word(
    [
      'bis\\s+wann',
      'wann',
      'ab\\s+wann',
      'seit\\s+wann',
      'an\\s+welchem\\s+(?:tag|datum)',
      'zu\\s+welchem\\s+(?:zeitpunkt|termin)',
      'bis\\s+zu\\s+welche[mr]',
      'zu\\s+welcher\\s+(?:sitzung|konferenz)',
      'frist(?:en)?',
      'termin',
      'by\\s+when',
      'when',
      'until\\s+when',
      'deadline',
      '(?:on\\s+)?which\\s+(?:date|day)',
    ].join('|'),
  ),
  count: word('wie\\s+viele|anzahl|wie\\s+hoch\\s+ist\\s+die\\s+zahl|how\\s+many|number\\s+of'),
  amount: word(
    [
      'wie\\s+viel(?:\\s+geld)?',
      'welche[rn]?\\s+(?:betrag|summe)',
      'wie\\s+hoch\\s+(?:ist|sind|war|waren)\\s+(?:der\\s+betrag|die\\s+(?:summe|kosten|mittel|förderung))',
      'wie\\s+teuer',
      'how\\s+much',
      'what\\s+amount',
      'what\\s+sum',
    ].join('|'),
  ),
  duration: word(
    'wie\\s+lange|für\\s+welchen\\s+zeitraum|über\\s+welchen\\s+zeitraum|how\\s+long|for\\s+what\\s+period',
  ),
  place: word(
    [
      'wo',
      'wohin',
      'in\\s+welche[mr]?\\s+(?:stadt|ort|land|bundesland|gemeinde)',
      'an\\s+welchem\\s+ort',
      'where',
      'in\\s+which\\s+(?:city|town|place|country)',
    ].join('|'),
  ),
  land: word('welche[n]?\\s+(?:bundes)?länder|welches\\s+(?:bundes)?land|which\\s+(?:federal\\s+)?states?'),
  person: word(
    [
      'welche[rn]?\\s+(?:minister(?:in)?|senator(?:in)?|staatssekretär(?:in)?|präsident(?:in)?|politiker(?:in)?|person|abgeordnete[rn]?)',
      'wer\\s+genau',
      'wie\\s+heißt',
      'namentlich',
      'which\\s+(?:minister|senator|state\\s+secretary|president|person|politician)',
      'who\\s+exactly',
      "what\\s+is\\s+the\\s+name|what's\\s+the\\s+name",
    ].join('|'),
  ),
  actor: word('wer|wem|wen|who|whom'),
};

/** The noun a "which …"/"how many …" question asks about ("Welche Strafe …" → "Strafe"), if it has one. */
export function questionFocus(question: string): string | undefined {
  const german =
    /(?<![\p{L}\d])(?:[Ww]elche[rsmn]?|[Ww]ie\s+viele|[Ww]ie\s+hoch\s+ist\s+(?:der|die|das))\s+(?:\p{Ll}+\s+)?(\p{Lu}[\p{L}-]+)/u.exec(
      question,
    );
  // Nouns that only name the kind of answer ("mit welcher Frist", "welche Anzahl") are not what it is about.
  const { answerTypes, englishNonFocus } = bundledQuestionVocabulary();
  if (german?.[1] && !answerTypes.de.has(german[1].toLowerCase())) return german[1];
  if (german?.[1]) return undefined;
  const english = /(?<![\p{L}\d])(?:which|what|how\s+many)\s+(?:[a-z]+\s+)?([a-z]{4,}s?)\b/iu.exec(question);
  const noun = english?.[1]?.toLowerCase();
  return noun && !englishNonFocus.has(noun) && !answerTypes.en.has(noun) ? noun : undefined;
}

/** A yes/no question opens with its finite verb (German verb-first order; English auxiliaries). */
const POLAR_ENGLISH =
  /^\s*(?:do|does|did|is|are|was|were|will|would|can|could|has|have|had|should|shall|must|may)\b/iu;

/**
 * The slots a question asks to fill; "which minister" is a person and no actor, "how much" a sum and no count.
 * `language` tells the question's language (pass the analyzer's).
 */
export function askedSlots(
  question: string,
  language: (text: string) => Language = detectLanguage,
): Set<Slot> {
  const slots = new Set<Slot>();
  for (const [slot, pattern] of Object.entries(ASKS) as Array<[Exclude<Slot, 'decision'>, RegExp]>) {
    if (pattern.test(question)) slots.add(slot);
  }
  if (slots.has('person') || slots.has('land')) slots.delete('actor');
  if (slots.has('land')) slots.delete('place');
  if (slots.has('count')) slots.delete('amount');
  // "Wie viele Millionen Euro …" asks for a sum.
  if (slots.has('count') && /\b(?:euro|€|millionen|milliarden|geld|mittel)\b/iu.test(question)) {
    slots.delete('count');
    slots.add('amount');
  }
  if (isPolar(question, language)) slots.add('decision');
  return slots;
}

/**
 * German yes/no questions open with the finite verb, followed by its subject ("Gibt es …?", "Hat die IMK …?",
 * "Bekommen Länder …?"); English ones with an auxiliary. A question word, preposition or article first is no such.
 */
function isPolar(question: string, language: (text: string) => Language): boolean {
  const trimmed = question.trim();
  if (!trimmed.endsWith('?')) return false;
  // "Was" opens German questions too: an English auxiliary counts only in an English question.
  if (language(trimmed) === 'en') return POLAR_ENGLISH.test(trimmed);
  const [first, second] = trimmed.split(/\s+/u);
  if (first === undefined || second === undefined) return false;
  if (bundledQuestionVocabulary().nonPolarOpeners.has(first.toLowerCase().replace(/[^\p{L}]/gu, ''))) {
    return false;
  }
  return /^(?:es|die|der|das|den|dem|ein|eine|einen|man|sie|er|ihr|wir|jemand|\p{Lu}[\p{L}-]*)$/u.test(
    second,
  );
}

const MONEY = /(?:\d[\d.,]*\s*(?:€|Euro|EUR|Mio\.?|Millionen|Mrd\.?|Milliarden|Tsd\.?)|(?:€|EUR)\s*\d)/iu;
const DURATION =
  /(?:\b\d+\s*(?:Jahre?n?|Monate?n?|Wochen?|Tage?n?|Stunden?)\b|\b(?:ein|eine[nm]?|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|zwölf)\s+(?:Jahre?n?|Monate?n?|Wochen?|Tage?n?)\b|\b(?:Laufzeit|Dauer|befristet|zeitlich\s+begrenzt)\b|\bbis\s+(?:Ende|Mitte)\s+\p{Lu}|\b(?:von|vom)\s+\S+\s+bis\s+(?:zum\s+)?\S+)/iu;
const PERSON =
  /\b(?:Herr|Frau|Minister(?:in)?|Senator(?:in)?|Staatssekretär(?:in)?|Staatsminister(?:in)?|Präsident(?:in)?|Bundesminister(?:in)?|Innenminister(?:in)?)\s+(?:Dr\.\s+|Prof\.\s+)?\p{Lu}\p{Ll}+|\b(?:Dr|Prof)\.\s+\p{Lu}\p{Ll}+/u;
const ACTOR_NOUN =
  /\b(?:IMK|AK\s+[IVX]+|UA\s+\p{Lu}+|AG\s+\p{Lu}+|BMI|Bund|Länder|Land\s+\p{Lu}|\p{Lu}\p{L}*(?:ministerium|ministerkonferenz|konferenz|amt|behörde[n]?|kreis|gruppe|ausschuss|rat|zentrum|stelle|regierung|polizei|hochschule))\b/u;
const DECISION =
  /\b(?:beschließt|beschlossen|stimmt\b[^.]*\bzu|lehnt\b[^.]*\bab|begrüßt|unterstützt|befürwortet|hält\b[^.]*\bfür|sieht\b[^.]*\b(?:Notwendigkeit|Bedarf|keinen)|spricht\s+sich\b|fordert|bittet|beauftragt|empfiehlt|appelliert|nimmt\b[^.]*\bzur\s+Kenntnis|ist\s+der\s+Auffassung|teilt\b|erachtet|kein(?:e|en)?\b)/iu;

export interface SlotContext {
  /** Whether a capitalised word is a common German noun (then "in Deutschland" may be a place, "in der Polizei" not). */
  isCommonNoun?: (word: string) => boolean;
}

const LAND_CODES = new Set(Object.keys(LABEL_NAMES).filter((code) => !code.startsWith('BM')));
const LAND_NAMES = new Set(
  Object.entries(LABEL_NAMES)
    .filter(([code]) => !code.startsWith('BM'))
    .flatMap(([, names]) => names.map((name) => name.toLowerCase())),
);

function givesPlace(sentence: string, context: SlotContext): boolean {
  for (const match of sentence.matchAll(
    /\b(?:in|nach|aus|bei)\s+(?:der\s+Stadt\s+|der\s+Gemeinde\s+)?(\p{Lu}[\p{L}-]+)/gu,
  )) {
    const name = match[1] ?? '';
    if (LAND_NAMES.has(name.toLowerCase())) return true;
    if (context.isCommonNoun && !context.isCommonNoun(name)) return true;
  }
  return false;
}

/** A Land by name or by its label abbreviation ("Sachsen", "NRW", "BY"). */
function namesLand(sentence: string): boolean {
  for (const match of sentence.matchAll(/\p{Lu}[\p{L}-]*/gu)) {
    if (LAND_NAMES.has(match[0].toLowerCase()) || LAND_CODES.has(match[0])) return true;
  }
  return false;
}

/** Whether a sentence gives what a slot asks for. */
export function fillsSlot(sentence: string, slot: Slot, context: SlotContext = {}): boolean {
  switch (slot) {
    case 'date':
      // A date alone is no answer to "bis wann": "(Stand: 05.11.20)" dates a report; cues know the difference.
      return cuesOf(sentence).deadline;
    case 'count':
      return cuesOf(sentence).number;
    case 'amount':
      return MONEY.test(sentence);
    case 'duration':
      return DURATION.test(sentence);
    case 'place':
      return givesPlace(sentence, context);
    case 'land':
      return namesLand(sentence);
    case 'person':
      return PERSON.test(sentence);
    case 'actor': {
      // "Wer soll …?" is answered by whom a sentence charges or asks, not by any body it mentions.
      const cues = cuesOf(sentence);
      return cues.mandate && (cues.actor || ACTOR_NOUN.test(sentence));
    }
    case 'decision':
      return DECISION.test(sentence);
  }
}

/** The first required slot that none of the sentences fills, if any. */
export function missingRequiredSlot(
  slots: ReadonlySet<Slot>,
  sentences: readonly string[],
  context: SlotContext = {},
): Slot | undefined {
  for (const slot of slots) {
    if (!REQUIRED_SLOTS.has(slot)) continue;
    if (!sentences.some((sentence) => fillsSlot(sentence, slot, context))) return slot;
  }
  return undefined;
}
