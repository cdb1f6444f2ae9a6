// Splits German (and English) resolution text into sentences with offsets, without breaking after
// abbreviations ("Nr.", "z. B.", "Abs."), ordinals ("1. SprengV", "2. Halbjahr") or inside dates ("07.12.20").

export interface Sentence {
  text: string;
  /** Offsets in the source text: source.slice(start, end) === text. */
  start: number;
  end: number;
}

const ABBREVIATIONS = new Set(
  [
    'nr',
    'abs',
    'art',
    'ziff',
    'bzw',
    'ggf',
    'vgl',
    'ca',
    'dr',
    'prof',
    'st',
    'gem',
    'lit',
    'usw',
    'etc',
    'evtl',
    'inkl',
    'max',
    'min',
    'mio',
    'mrd',
    'std',
    'tel',
    'bspw',
    'zzgl',
    'ua',
    'sog',
    'bzgl',
    'hrsg',
    'jh',
    'kap',
    'anm',
    'insb',
    'einschl',
    'ausschl',
    'allg',
    'zt',
    'dh',
    'zb',
    'iVm',
    'ivm',
    's',
    'z',
    'b',
    'd',
    'h',
    'u',
    'a',
    'i',
    'v',
    'm',
    'no',
    'vs',
    'mr',
    'mrs',
    'e',
    'g',
  ].map((abbreviation) => abbreviation.toLowerCase()),
);

/** Words that open a new sentence even right after a small number ("… im Jahr 2020 1. Die …" is rare; "5. Die" is not). */
const SENTENCE_OPENERS = new Set([
  'die',
  'der',
  'das',
  'sie',
  'er',
  'es',
  'dies',
  'diese',
  'dieser',
  'dabei',
  'hierzu',
  'hierbei',
  'darüber',
  'zudem',
  'gleichwohl',
  'im',
  'in',
  'mit',
  'auf',
  'eine',
  'ein',
  'the',
  'this',
  'it',
]);

export function splitSentences(text: string): Sentence[] {
  const sentences: Sentence[] = [];
  let start = skipSpace(text, 0);
  const boundary = /[.!?](?:["“”'’)]*)(?=\s+["„“]?[\p{Lu}\d])/gu;
  for (const match of text.matchAll(boundary)) {
    const end = (match.index ?? 0) + match[0].length;
    if (end <= start || !isSentenceEnd(text, match.index ?? 0)) continue;
    push(sentences, text, start, end);
    start = skipSpace(text, end);
  }
  if (start < text.length) push(sentences, text, start, text.length);
  return sentences;
}

function isSentenceEnd(text: string, periodIndex: number): boolean {
  if (text[periodIndex] !== '.') return true;
  const before = text.slice(Math.max(0, periodIndex - 12), periodIndex);
  const word = /([\p{L}\d]+)$/u.exec(before)?.[1] ?? '';
  const next = /^\s+["„“]?([\p{L}\d]+)/u.exec(text.slice(periodIndex + 1))?.[1] ?? '';
  if (/^\d{1,2}$/.test(word)) {
    // "1. SprengV", "2. Halbjahr", "9. Sachstandsbericht": an ordinal unless a typical sentence opener follows.
    return SENTENCE_OPENERS.has(next.toLowerCase());
  }
  if (word.length > 0 && ABBREVIATIONS.has(word.toLowerCase())) {
    // "z. B." / "d. h." / "Nr." — no break; but "usw." or "etc." can end a sentence before a typical opener.
    return word.length > 2 && SENTENCE_OPENERS.has(next.toLowerCase());
  }
  return true;
}

function push(sentences: Sentence[], text: string, start: number, end: number): void {
  let trimmedEnd = end;
  while (trimmedEnd > start && /\s/.test(text[trimmedEnd - 1] ?? '')) trimmedEnd--;
  if (trimmedEnd > start) sentences.push({ text: text.slice(start, trimmedEnd), start, end: trimmedEnd });
}

function skipSpace(text: string, index: number): number {
  let position = index;
  while (position < text.length && /\s/.test(text[position] ?? '')) position++;
  return position;
}
