// A RecursiveCharacterTextSplitter that splits German text at paragraph, sentence, clause and word boundaries.
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import { isSentenceEnd } from '../text/index.ts';

/** Stands for "the end of a sentence" in the separator list; splitOnSeparator asks the sentence-end rule. */
const SENTENCE_END = '. ';

/** Coarsest first: paragraphs, lines, sentences, clauses, words, characters (so no piece exceeds the window). */
export const GERMAN_SEPARATORS = ['\n\n', '\n', SENTENCE_END, '? ', '! ', '; ', ', ', ' ', ''];

export class GermanTextSplitter extends RecursiveCharacterTextSplitter {
  constructor(options: {
    chunkSize: number;
    chunkOverlap: number;
    lengthFunction?: (text: string) => number;
  }) {
    super({ ...options, separators: GERMAN_SEPARATORS, keepSeparator: true });
  }

  /**
   * Splits after each separator, keeping it at the end of the piece before, so that joined pieces are exact
   * substrings of the text (the base class would put ". " at the start of the next sentence).
   */
  protected override splitOnSeparator(text: string, separator: string): string[] {
    if (separator === '') return [...text];
    const splits: string[] = [];
    let start = 0;
    for (let index = text.indexOf(separator); index >= 0; index = text.indexOf(separator, index + 1)) {
      if (separator === SENTENCE_END && !isSentenceEnd(text, index)) continue;
      const end = index + separator.length;
      splits.push(text.slice(start, end));
      start = end;
    }
    splits.push(text.slice(start));
    return splits.filter((split) => split !== '');
  }
}
