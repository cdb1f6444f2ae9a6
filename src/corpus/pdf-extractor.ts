// The ".pdf" extractor: a PDF's text layer as the plain lines parseCollection reads, page furniture taken out.
import { BeschlussError } from '../errors.ts';
import type { TextExtractor } from './extractors.ts';
import { loadPdfjs, readPdfPages } from './pdf-document.ts';
import { type FurnitureOptions, removeRunningFurniture } from './pdf-furniture.ts';
import { type LineOptions, rebuildLines } from './pdf-lines.ts';

export interface PdfExtractorOptions {
  /** How text pieces become lines; defaults in LineOptions (tolerance 0.5 em, word gap 0.15 em). */
  lines?: LineOptions;
  /** How running headers, footers and page numbers are found; defaults in FurnitureOptions. */
  furniture?: FurnitureOptions;
}

/**
 * Turns the lines of the pages into the text of a collection. The first running header (and footer) goes first:
 * it names the meeting and its date, and with every copy removed from the pages the parser would find no date.
 */
function pdfPagesToText(pages: readonly (readonly string[])[], title: readonly string[]): string {
  return [...title, ...pages.flat()].join('\n');
}

function scannedError(file: string, pages: number, found: string): BeschlussError {
  return new BeschlussError(
    'FILE_NO_ITEMS',
    `${file}: the PDF has ${pages} page(s) but ${found} (scanned images?); expected selectable text — run OCR on it first (e.g. ocrmypdf -l deu) and add the result`,
    { details: { file, pages } },
  );
}

/**
 * Creates the ".pdf" extractor. pdf.js loads on the first PDF, once per extractor. The text comes back in reading
 * order for one-column pages, with running headers, footers and page numbers removed; "noch TOP" lines and a
 * "Sammlung …" header that is not on enough pages to count as running are left to the parser, which removes them.
 * A PDF without any text (scanned pages) is FILE_NO_ITEMS with a hint to run OCR; see pdf-document.ts for the
 * PDF_INVALID cases.
 */
export function createPdfExtractor(options: PdfExtractorOptions = {}): TextExtractor {
  const { lines: lineOptions = {}, furniture: furnitureOptions = {} } = options;
  let pdfjs: ReturnType<typeof loadPdfjs> | undefined;
  return async (bytes, file) => {
    // A failed load (package missing) is not kept, so the next PDF tries again.
    pdfjs ??= loadPdfjs().catch((error: unknown) => {
      pdfjs = undefined;
      throw error;
    });
    const { pages } = await readPdfPages(await pdfjs, bytes, file);
    const pageLines = pages.map((pieces) => rebuildLines(pieces, lineOptions));
    if (pageLines.every((lines) => lines.length === 0))
      throw scannedError(file, pages.length, 'no text layer');
    const { pages: content, title } = removeRunningFurniture(pageLines, furnitureOptions);
    // A scan with a typed header or stamped page numbers has text, but none of the resolutions'.
    if (content.every((lines) => lines.length === 0)) {
      throw scannedError(file, pages.length, 'no text besides running headers and page numbers');
    }
    return pdfPagesToText(content, title);
  };
}
