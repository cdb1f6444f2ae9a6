// Joins the printed lines of one text block into one string, undoing line-end hyphenation where the printer split a word.

/** Words after which a line-end hyphen stands for an elided compound part ("Finanz- und Gewerbebehörden"). */
const CONJUNCTIONS = new Set(['und', 'oder', 'bzw.', 'sowie', 'bis', 'als', 'noch', 'wie']);

/** Endings of adjectives that form hyphenated pairs ("wissenschaftlich-analytischen", "öffentlich-rechtlich"). */
const ADJECTIVE_ENDING = /(?:lich|isch)$/;

/** Continuations that are suffixes, not words: "wirtschaftlich-" + "keit" is one word split by the printer. */
const SUFFIX_CONTINUATIONS = new Set(['keit', 'keiten']);

/**
 * How a line that ends in "-" continues on the next line. The rule, in order:
 * 1. a lone " -" after a conjunction or comma is the prefix of an elided compound ("und -" + "händler" → "und -händler");
 *    any other lone " -" is a dash ("haben -" + "wie" → "haben - wie");
 * 2. the next line starts with an upper-case letter, a digit or a sign → the hyphen is part of a compound
 *    ("Frühjahrs-" + "IMK" → "Frühjahrs-IMK", "Quellen-" + "Telekommunikations-überwachung" stays as printed);
 * 3. the next word is a conjunction → an elided compound part ("Finanz-" + "und" → "Finanz- und");
 * 4. the left word is a lower-case adjective ending in -lich/-isch → an adjective pair, hyphen kept
 *    ("wissenschaftlich-" + "analytischen");
 * 5. otherwise the printer split one word: the hyphen goes ("Kooperations-" + "bereitschaft" → "Kooperationsbereitschaft").
 */
export function joinAfterHyphen(left: string, right: string): string {
  const nextWord = right.split(/\s+/, 1)[0] ?? '';
  if (/(^|\s)[-–]$/.test(left)) {
    const beforeDash = left.slice(0, -1).trimEnd();
    const previousWord = beforeDash.split(/\s+/).pop() ?? '';
    const elidedPrefix =
      (CONJUNCTIONS.has(previousWord) || previousWord.endsWith(',')) && /^\p{Ll}/u.test(nextWord);
    return elidedPrefix && left.endsWith('-') ? `${left}${right}` : `${left} ${right}`;
  }
  if (!/^\p{Ll}/u.test(nextWord)) return `${left}${right}`;
  if (CONJUNCTIONS.has(nextWord)) return `${left} ${right}`;
  const leftWord =
    left
      .slice(0, -1)
      .split(/[\s/(„"-]/)
      .pop() ?? '';
  if (/^\p{Ll}/u.test(leftWord) && ADJECTIVE_ENDING.test(leftWord) && !SUFFIX_CONTINUATIONS.has(nextWord)) {
    return `${left}${right}`;
  }
  return `${left.slice(0, -1)}${right}`;
}

/** Joins lines with single spaces (each line trimmed), applying the hyphen rule of joinAfterHyphen at line ends. */
export function joinLines(lines: readonly string[]): string {
  let text = '';
  for (const raw of lines) {
    const line = raw.trim();
    if (line === '') continue;
    if (text === '') text = line;
    else if (/\p{L}-$/u.test(text) || /(^|\s)[-–]$/.test(text)) text = joinAfterHyphen(text, line);
    else text = `${text} ${line}`;
  }
  return text;
}
