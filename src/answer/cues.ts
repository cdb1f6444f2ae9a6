// Surface cues that a sentence answers a kind of question: a deadline, a mandate to someone, a number.

const MONTH = '(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember)';
const DEADLINE = new RegExp(
  [
    String.raw`\bbis\s+(?:spätestens\s+)?(?:zur|zum|zu\s+(?:ihrer|seiner|der)|Ende|Mitte|Anfang)\b`,
    String.raw`\b(?:zur|zu\s+(?:ihrer|seiner))\s+(?:nächsten\s+)?(?:Frühjahrs|Herbst)\w*`,
    String.raw`\b(?:Frühjahrs|Herbst)(?:konferenz|sitzung|tagung|-IMK)\s+\d{4}`,
    String.raw`\b(?:Ende|Mitte|Anfang)\s+${MONTH}\s+\d{4}`,
    String.raw`\b(?:kurzfristig|zeitnah|unverzüglich|jährlich|in\s+regelmäßigen\s+Abständen)\b`,
    String.raw`\b(?:bis|ab|seit|vom|am)\s+(?:(?:zum|dem)\s+)?\d{1,2}\.\s?\d{1,2}\.\s?\d{2,4}`,
    String.raw`\b(?:bis|ab|seit|im|in)\s+(?:${MONTH}\s+)?(?:19|20)\d{2}\b`,
  ].join('|'),
  'iu',
);
const MANDATE =
  /\b(?:beauftragt|beauftragen|bittet|bitten|ersucht|fordert|empfiehlt|appelliert|soll|sollen|sollte|berichten|vorzulegen|vorzuschlagen|zu\s+prüfen|zu\s+informieren|zu\s+entwickeln|einzurichten|einzuberufen|einzusetzen)\b/iu;
const ACTOR =
  /\b(?:(?:AK|UA|AG)\s+[IVX]+|AK|UA|AG\s+\p{Lu}+|BMI|BMJV|BMF|Bundesministerium|Bundesregierung|Vorsitzend\w+|Arbeitsgruppe|\w*[Mm]inisterkonferenz|Länder(?:arbeitsgruppe)?|Bund)\b/u;
const NUMBER_WORD =
  /\b(?:zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig|hundert|tausend|Millionen?|Milliarden?)\b/iu;
const REFERENCE_BEFORE = /(?:Nr\.|§|TOP|Ziffer|Ziff\.|Artikel|Art\.|Absatz|Abs\.|Version|Stufe|Kapitel)\s*$/u;

/** A quantity: a number that is not a year, a date, an ordinal ("212. IMK") or a reference ("Nr. 42", "§ 86a"). */
function hasQuantity(sentence: string): boolean {
  for (const match of sentence.matchAll(/\d+(?:[.,]\d+)*/g)) {
    const start = match.index ?? 0;
    const number = match[0];
    const after = sentence.slice(start + number.length);
    if (/\.\d/.test(number) || (/^\d{4}$/.test(number) && /^(?:19|20)/.test(number))) continue;
    if (/^\.\s*\p{L}/u.test(after) || /^\.\d/.test(after)) continue;
    if (REFERENCE_BEFORE.test(sentence.slice(Math.max(0, start - 12), start))) continue;
    if (/^\p{L}/u.test(after)) continue;
    return true;
  }
  return NUMBER_WORD.test(sentence);
}

export interface Cues {
  deadline: boolean;
  mandate: boolean;
  actor: boolean;
  number: boolean;
}

export function cuesOf(sentence: string): Cues {
  return {
    deadline: DEADLINE.test(sentence),
    mandate: MANDATE.test(sentence),
    actor: ACTOR.test(sentence),
    number: hasQuantity(sentence),
  };
}
