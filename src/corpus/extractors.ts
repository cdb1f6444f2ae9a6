// The seam for file formats: a map from file extension to the function that turns a file's bytes into text.
import { decodeText } from './decode-text.ts';
import { createPdfExtractor } from './pdf-extractor.ts';

/** Turns a file's bytes into the collection's plain text; throws a BeschlussError naming the file when it cannot. */
export type TextExtractor = (bytes: Uint8Array, file: string) => Promise<string> | string;

/** Extension (lower case, with the dot) → extractor. */
export type TextExtractors = Readonly<Record<string, TextExtractor>>;

/** The formats read out of the box: plain text and PDF (its text layer; pdf.js loads on the first PDF). */
export function defaultExtractors(): TextExtractors {
  return { '.txt': decodeText, '.pdf': createPdfExtractor() };
}
