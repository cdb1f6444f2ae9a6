// Test support: prints a collection's text as a PDF laid out like the published ones (running header, page numbers, "noch TOP").
import PDFDocument from 'pdfkit';
import { removePageFurniture } from '../page-furniture.ts';

/** A collection cut into pages, with the running header its text printed. */
export interface PaginatedCollection {
  /** The running header's lines without the page number ("Sammlung", …, "am 10.12.20"); empty if none. */
  header: string[];
  pages: string[][];
}

export interface PaginateOptions {
  /** Content lines per page before an item continues on the next page; default 40. */
  linesPerPage?: number;
}

/** "TOP 3:", "TOP 29.2:", and each "TOP 15:" of a combined header line. */
const ITEM_NUMBER = /\bTOP\s+(\d+(?:\.\d+)*):/g;

/**
 * Cuts a collection text (such as data/corpus/imk-2020-12-10.txt) into pages the way the published PDFs are set:
 * every item starts a page, an item longer than a page goes on with a "noch TOP n" line (mid-paragraph if that is
 * where the page is full), and the text's own page furniture is dropped so that the PDF adds its own.
 */
export function paginateCollection(text: string, options: PaginateOptions = {}): PaginatedCollection {
  const { linesPerPage = 40 } = options;
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
  const { lines: content, headers } = removePageFurniture(lines);
  const pages: string[][] = [];
  let page: string[] = [];
  let item: string[] = [];
  let previous = '';
  for (const line of content) {
    const numbers = [...line.matchAll(ITEM_NUMBER)].map((match) => match[1] ?? '');
    const startsItem = /^TOP\s+\d/.test(line) && numbers.length > 0;
    if (startsItem && previous.endsWith('in Verbindung mit')) {
      item.push(...numbers);
    } else if (startsItem) {
      if (page.length > 0) pages.push(page);
      page = [];
      item = numbers;
    } else if (page.length >= linesPerPage) {
      pages.push(page);
      page = item.length > 0 ? [`noch TOP ${item.join(' und ')}`] : [];
    }
    page.push(line);
    previous = line;
  }
  if (page.length > 0) pages.push(page);
  return { header: headers[0] ?? [], pages };
}

export interface CollectionPdfOptions {
  pages: readonly (readonly string[])[];
  /** Running header printed at the top of every page; default none. */
  header?: readonly string[];
  /** The page number as printed; default "- 3 -" as in the IMK collections. */
  pageLabel?: (page: number, pages: number) => string;
  /** Where the page number goes: under the header (as the IMK prints it) or at the foot of the page; default 'top'. */
  pageLabelAt?: 'top' | 'bottom';
  /** Encrypts the PDF so that it opens only with this password; default none. */
  userPassword?: string;
  /** Encrypts the PDF with restricted permissions (no copying) under this password; it still opens; default none. */
  ownerPassword?: string;
  /** Font size of the text in points; default 9 (the corpus's longest line must fit an A4 line). */
  fontSize?: number;
}

const MARGIN = 40;

function collect(document: PDFKit.PDFDocument): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  document.on('data', (chunk: Buffer) => chunks.push(chunk));
  return new Promise((resolve, reject) => {
    document.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    document.on('error', reject);
  });
}

/**
 * Prints pages of lines with a standard font (Helvetica, WinAnsi encoding: umlauts, „“, –, §, € work and nothing is
 * embedded or fetched). Each text line is one printed line; "TOP n:" is set in bold and a paragraph number hangs
 * before its text, so the extractor meets lines made of several pieces. The footer is drawn before the body so that
 * content order and reading order differ.
 */
export async function renderCollectionPdf(options: CollectionPdfOptions): Promise<Uint8Array> {
  const {
    pages,
    header = [],
    pageLabel = (page: number) => `- ${page} -`,
    pageLabelAt = 'top',
    userPassword,
    ownerPassword,
    fontSize = 9,
  } = options;
  const encrypted = userPassword !== undefined || ownerPassword !== undefined;
  const document = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    autoFirstPage: false,
    info: { Title: header.join(' '), CreationDate: new Date(0) },
    ...(encrypted
      ? {
          userPassword,
          ownerPassword,
          permissions: { copying: false },
          pdfVersion: '1.7' as const,
        }
      : {}),
  });
  const bytes = collect(document);
  let pagesAdded = 0;
  document.on('pageAdded', () => {
    pagesAdded += 1;
  });
  const leading = fontSize * 1.35;
  pages.forEach((lines, index) => {
    document.addPage();
    const width = document.page.width - 2 * MARGIN;
    const label = pageLabel(index + 1, pages.length);
    document.font('Helvetica').fontSize(fontSize);
    if (pageLabelAt === 'bottom') {
      // Above the bottom margin: text below it makes pdfkit open a new page.
      const bottom = document.page.height - MARGIN - 2 * leading;
      document.text(label, MARGIN, bottom, { width, align: 'center', lineBreak: false });
    }
    let y = MARGIN;
    for (const line of header) {
      document.text(line, MARGIN, y, { width, align: 'center', lineBreak: false });
      y += leading;
    }
    if (pageLabelAt === 'top') {
      document.text(label, MARGIN, y, { width, align: 'center', lineBreak: false });
      y += leading;
    }
    y += leading;
    for (const line of lines) {
      if (document.widthOfString(line) > width) {
        throw new Error(`line does not fit the page at ${fontSize} pt: ${line}`);
      }
      if (y > document.page.height - MARGIN - 3 * leading) {
        throw new Error(`page ${index + 1} has more lines than fit above its foot: ${lines.length}`);
      }
      const top = /^(TOP\s+\d+(?:\.\d+)*:)(.*)$/.exec(line);
      const numbered = /^(\d+\.)\s+(.*)$/.exec(line);
      if (top) {
        document.font('Helvetica-Bold').text(top[1] ?? '', MARGIN, y, { lineBreak: false });
        const boldWidth = document.widthOfString(top[1] ?? '');
        document.font('Helvetica').text(top[2] ?? '', MARGIN + boldWidth, y, { lineBreak: false });
      } else if (numbered) {
        document.text(numbered[1] ?? '', MARGIN, y, { lineBreak: false });
        document.text(numbered[2] ?? '', MARGIN + 2 * fontSize, y, { lineBreak: false });
      } else {
        document.text(line, MARGIN, y, { lineBreak: false });
      }
      y += leading;
    }
  });
  document.end();
  if (pagesAdded !== pages.length) {
    throw new Error(`pdfkit printed ${pagesAdded} pages for ${pages.length}: some text ran past a margin`);
  }
  return bytes;
}

/**
 * A PDF like a scan: pages of grey bars where text lines would be and no text layer, or (with `pageNumbers`) only a
 * page number set in text, as a scanning office may stamp it.
 */
export async function renderScannedPdf(
  pageCount: number,
  options: { pageNumbers?: boolean } = {},
): Promise<Uint8Array> {
  const document = new PDFDocument({ size: 'A4', margin: MARGIN, autoFirstPage: false });
  const bytes = collect(document);
  for (let page = 0; page < pageCount; page += 1) {
    document.addPage();
    if (options.pageNumbers)
      document
        .font('Helvetica')
        .fontSize(9)
        .text(`- ${page + 1} -`, 280, 780, { lineBreak: false });
    for (let line = 0; line < 30; line += 1) {
      document.rect(MARGIN, MARGIN + line * 14, 300 + ((line * 37) % 200), 8).fill('#555555');
    }
  }
  document.end();
  return bytes;
}
