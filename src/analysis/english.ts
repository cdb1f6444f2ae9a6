// English → German word lookup (a derived subset of the Ding dictionary) and detection of English text.
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import { BeschlussError } from '../errors.ts';

export interface EnglishLexicon {
  /** German translations of an English word or phrase (lower-case), best first; tries singular and base forms. */
  lookup(phrase: string): readonly string[] | undefined;
  /** Number of English headwords. */
  readonly size: number;
}

/** The phrase, then forms with the last word's English inflection removed ("weapons" → "weapon"). */
export function englishVariants(phrase: string): string[] {
  const space = phrase.lastIndexOf(' ');
  const head = phrase.slice(0, space + 1);
  const last = phrase.slice(space + 1);
  const variants = [last];
  if (last.length > 4 && last.endsWith('ies')) variants.push(`${last.slice(0, -3)}y`);
  if (last.length > 4 && /(?:s|x|z|ch|sh)es$/.test(last)) variants.push(last.slice(0, -2));
  if (last.length > 3 && last.endsWith('s') && !last.endsWith('ss')) variants.push(last.slice(0, -1));
  if (last.length > 4 && last.endsWith('ed')) variants.push(last.slice(0, -2), last.slice(0, -1));
  if (last.length > 5 && last.endsWith('ing')) variants.push(last.slice(0, -3), `${last.slice(0, -3)}e`);
  return variants.map((variant) => head + variant);
}

/*
 * The lexicon is kept as its text with an index of line starts and searched by binary search over the sorted
 * keys: building a Map of a quarter million headwords would cost several hundred milliseconds at start-up.
 */
export function parseEnglishLexicon(text: string): EnglishLexicon {
  const starts: number[] = [];
  for (let position = 0; position < text.length; ) {
    const newline = text.indexOf('\n', position);
    const end = newline === -1 ? text.length : newline;
    if (end > position && text.charCodeAt(position) !== 35 /* '#' */) starts.push(position);
    position = end + 1;
  }
  // Keys are in code-unit order, as JavaScript's default sort leaves them (scripts/build-en-de.ts).
  const lineStarts = Uint32Array.from(starts);
  const find = (key: string): string[] | undefined => {
    let low = 0;
    let high = lineStarts.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const start = lineStarts[middle] as number;
      const candidate = keyAt(text, start);
      if (candidate === key) {
        const tab = start + candidate.length;
        const newline = text.indexOf('\n', tab);
        return text.slice(tab + 1, newline === -1 ? text.length : newline).split(';');
      }
      if (candidate < key) low = middle + 1;
      else high = middle - 1;
    }
    return undefined;
  };
  return {
    lookup(phrase: string): readonly string[] | undefined {
      for (const variant of englishVariants(phrase.toLowerCase())) {
        const germans = find(variant);
        if (germans !== undefined) return germans;
      }
      return undefined;
    },
    size: lineStarts.length,
  };
}

function keyAt(text: string, start: number): string {
  const tab = text.indexOf('\t', start);
  return text.slice(start, tab);
}

/** Decodes the bytes of a gzip-compressed (by name ".gz") or plain "english<TAB>german;german" file. */
export async function decodeEnglishLexicon(bytes: Uint8Array, file: string): Promise<EnglishLexicon> {
  // The asynchronous gunzip runs on a worker thread, beside the word list parsing of the lexicon's loading.
  const text = file.endsWith('.gz')
    ? (await promisify(gunzip)(bytes)).toString('utf8')
    : Buffer.from(bytes).toString('utf8');
  const lexicon = parseEnglishLexicon(text);
  if (lexicon.size === 0) {
    throw new BeschlussError('FILE_EMPTY', `Expected "english<TAB>german" lines in ${file}, found none`, {
      details: { file },
    });
  }
  return lexicon;
}
