// Text normalisation for comparing phrases with answers: case, whitespace, typographic quotes and dashes.

const QUOTES = /[„“”«»‚‘’‹›]/gu;
const DASHES = /[‐‑‒–—−]/gu;
const INVISIBLE = /[\u00AD\u200B-\u200D\uFEFF]/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Lower-cases (German locale) and folds "ß" to "ss" (upper case has no "ß": "STRASSE" is "Straße"), composes
 * Unicode (NFC), drops soft hyphens and zero-width characters, maps typographic quotes to '"' and dashes to '-',
 * and collapses every run of whitespace (also no-break space) to one space.
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFC')
    .replace(INVISIBLE, '')
    .replace(QUOTES, '"')
    .replace(DASHES, '-')
    .toLocaleLowerCase('de-DE')
    .replace(/ß/gu, 'ss')
    .replace(/\s+/gu, ' ')
    .trim();
}

/**
 * Whether the normalised text contains the normalised phrase as a whole: a match must not continue a word on
 * either side, so "AK I" is not found in "AK II" and "Versandhandel" is not found in "Versandhandels".
 * An empty phrase is never found.
 */
export function containsPhrase(text: string, phrase: string): boolean {
  const needle = normalizeText(phrase);
  if (needle === '') return false;
  const haystack = normalizeText(text);
  for (let start = haystack.indexOf(needle); start !== -1; start = haystack.indexOf(needle, start + 1)) {
    const end = start + needle.length;
    const before = haystack.slice(Math.max(0, start - 1), start);
    const after = haystack.slice(end, end + 1);
    const joinsBefore =
      before !== '' && LETTER_OR_DIGIT.test(before) && LETTER_OR_DIGIT.test(needle.charAt(0));
    const joinsAfter =
      after !== '' && LETTER_OR_DIGIT.test(after) && LETTER_OR_DIGIT.test(needle.charAt(needle.length - 1));
    if (!joinsBefore && !joinsAfter) return true;
  }
  return false;
}
