// Opens a PDF with pdf.js (offline, from the installed package) and reads each page's positioned text pieces.
import { createRequire } from 'node:module';
import path from 'node:path';
import { BeschlussError } from '../errors.ts';
import type { PositionedText } from './pdf-lines.ts';

type Pdfjs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

/**
 * The legacy build, because it carries the polyfills Node 20 needs (Promise.withResolvers and other newer built-ins).
 * Loaded on first use so that importing the corpus stage stays cheap.
 */
export async function loadPdfjs(): Promise<Pdfjs> {
  return import('pdfjs-dist/legacy/build/pdf.mjs');
}

/**
 * Folders of the data pdf.js reads for fonts that are not embedded, CJK encodings, colour profiles and image decoders,
 * taken from the installed package so that nothing is ever fetched over the network.
 */
function assetFolders(): Record<'standardFontDataUrl' | 'cMapUrl' | 'iccUrl' | 'wasmUrl', string> {
  const root = path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  const folder = (name: string) => `${path.join(root, name)}${path.sep}`;
  return {
    standardFontDataUrl: folder('standard_fonts'),
    cMapUrl: folder('cmaps'),
    iccUrl: folder('iccs'),
    wasmUrl: folder('wasm'),
  };
}

/** How many bytes at the start may precede "%PDF-" and at the end may follow "%%EOF" (PDF 1.7, Annex H). */
const MARKER_WINDOW = 1024;

function invalid(file: string, reason: string, cause?: unknown): BeschlussError {
  return new BeschlussError('PDF_INVALID', `${file}: ${reason}`, { details: { file }, cause });
}

/**
 * Rejects what is not a whole PDF before pdf.js sees it: pdf.js repairs a cut-off file silently and would hand back
 * the pages that survived, so a truncated download would lose resolutions without a word.
 */
function assertWholePdf(bytes: Uint8Array, file: string): void {
  const head = Buffer.from(bytes.subarray(0, MARKER_WINDOW)).toString('latin1');
  if (!head.includes('%PDF-')) {
    const start = JSON.stringify(head.slice(0, 16));
    throw invalid(file, `not a PDF: the file starts with ${start}; expected "%PDF-"`);
  }
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - MARKER_WINDOW))).toString('latin1');
  if (!tail.includes('%%EOF')) {
    throw invalid(
      file,
      `the PDF is truncated: no "%%EOF" in its last ${MARKER_WINDOW} bytes (${bytes.length} bytes read); expected a complete file`,
    );
  }
}

function loadError(error: unknown, file: string): BeschlussError {
  const name = (error as { name?: unknown } | null)?.name;
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException') {
    return invalid(
      file,
      'the PDF is password-protected; expected a PDF that opens without a password (save it unprotected)',
      error,
    );
  }
  return invalid(file, `the PDF cannot be read (${message}); expected a valid PDF`, error);
}

/** Text pieces on a horizontal baseline; rotated text (margin notes, stamps) is left out of the reading order. */
function isHorizontal(transform: readonly number[]): boolean {
  const [a = 0, b = 0, c = 0, d = 0] = transform;
  return Math.abs(b) <= Math.abs(a) * 0.01 && Math.abs(c) <= Math.abs(d) * 0.01 && a > 0 && d > 0;
}

export interface PdfPages {
  /** Each page's horizontal text pieces, in content order. */
  pages: PositionedText[][];
}

/**
 * Reads the text pieces of every page. A file that is not a PDF, is cut off, needs a password or cannot be parsed is
 * a PDF_INVALID error naming the file; an empty file is FILE_EMPTY.
 */
export async function readPdfPages(pdfjs: Pdfjs, bytes: Uint8Array, file: string): Promise<PdfPages> {
  if (bytes.length === 0) {
    throw new BeschlussError('FILE_EMPTY', `${file}: the file is empty (0 bytes); expected a PDF`, {
      details: { file },
    });
  }
  assertWholePdf(bytes, file);
  const task = pdfjs.getDocument({
    // pdf.js takes ownership of the buffer it is given; the caller keeps theirs.
    data: bytes.slice(),
    ...assetFolders(),
    useSystemFonts: false,
    useWorkerFetch: false,
    isEvalSupported: false,
    stopAtErrors: true,
    verbosity: pdfjs.VerbosityLevel.ERRORS,
  });
  let document: Awaited<typeof task.promise>;
  try {
    document = await task.promise;
  } catch (error) {
    await task.destroy();
    throw loadError(error, file);
  }
  try {
    const pages: PositionedText[][] = [];
    for (let number = 1; number <= document.numPages; number += 1) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const pieces: PositionedText[] = [];
      for (const item of content.items) {
        if (!('str' in item) || !isHorizontal(item.transform)) continue;
        const [, , c = 0, d = 0, x = 0, y = 0] = item.transform as number[];
        pieces.push({ text: item.str, x, y, width: item.width, fontSize: Math.hypot(c, d) });
      }
      pages.push(pieces);
      page.cleanup();
    }
    return { pages };
  } catch (error) {
    throw loadError(error, file);
  } finally {
    await document.destroy();
  }
}
