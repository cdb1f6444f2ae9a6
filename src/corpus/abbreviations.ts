// German abbreviations and ordinals after which a period does not end a sentence ("Nr. 42", "z. B.", "2. Halbjahr").

const ABBREVIATIONS = new Set([
  'abs',
  'anl',
  'art',
  'bd',
  'bspw',
  'buchst',
  'bzgl',
  'bzw',
  'ca',
  'dr',
  'evtl',
  'gem',
  'ggf',
  'ggü',
  'inkl',
  'insb',
  'kap',
  'lfd',
  'lit',
  'lt',
  'max',
  'min',
  'mio',
  'mrd',
  'nr',
  'nrn',
  'prof',
  'rd',
  'rn',
  'rz',
  'sog',
  'st',
  'std',
  'tel',
  'tsd',
  'usw',
  'vgl',
  'ziff',
  'zzgl',
]);

function stripPeriod(wordWithPeriod: string): string {
  return wordWithPeriod.replace(/^[("„“'‚]+/, '').replace(/\.$/, '');
}

/**
 * Whether a word that ends in "." is an abbreviation: listed ones ("Nr.", "Abs."), single letters ("z.", "B.") and
 * short letter groups with inner periods ("z.B.", "i.V.m."); a date ("07.12.20.") is not one.
 */
export function isAbbreviation(wordWithPeriod: string): boolean {
  const word = stripPeriod(wordWithPeriod);
  if (word === '') return false;
  if (/^\p{L}$/u.test(word) || /^\p{L}{1,4}(?:\.\p{L}{1,4})+$/u.test(word)) return true;
  return ABBREVIATIONS.has(word.toLowerCase());
}

/** Whether a word that ends in "." is an ordinal ("2." in "2. Halbjahr"); a year ending a sentence looks the same. */
export function isOrdinal(wordWithPeriod: string): boolean {
  return /^\d+$/.test(stripPeriod(wordWithPeriod));
}

/**
 * Whether a line ends where a sentence can end: ".", "!", "?", ":" or ";" (maybe before quotes or a bracket), and
 * the period is not an abbreviation's. A number before the period counts as a sentence end ("… Herbstsitzung 2021.").
 */
export function endsSentence(line: string): boolean {
  const match = /(\S*)([.!?:;])["“”'’)\]]*$/u.exec(line.trimEnd());
  if (!match) return false;
  if (match[2] !== '.') return true;
  const lastWord = `${match[1] ?? ''}.`;
  return !isAbbreviation(lastWord);
}
