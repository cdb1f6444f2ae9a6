import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_DIR } from '../paths.ts';
import { rejectionOf } from '../testing/errors.ts';
import { createPdfExtractor } from './pdf-extractor.ts';
import { readCollectionFile, readCorpusDir } from './read.ts';
import { paginateCollection, renderCollectionPdf, renderScannedPdf } from './testing/collection-pdf.ts';

const CORPUS_TEXT = path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt');
const FIXTURE_TEXT = new URL('./fixtures/imk-2021-06-18.txt', import.meta.url);

let dir: string;
const file = (name: string) => path.join(dir, name);
/** The corpus printed like the original: header and "- n -" on every page, "noch TOP" where an item goes on. */
let corpusPdf: Uint8Array;
let corpusPages: string[][];
/** Another meeting, set with few lines a page and "Seite n von m" at the foot. */
let fixturePdf: Uint8Array;

async function folder(name: string, files: Record<string, string | Uint8Array>): Promise<string> {
  const corpus = path.join(dir, name);
  await mkdir(corpus);
  for (const [fileName, content] of Object.entries(files))
    await writeFile(path.join(corpus, fileName), content);
  return corpus;
}

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'beschluss-pdf-'));
  const corpus = paginateCollection(await readFile(CORPUS_TEXT, 'utf8'));
  corpusPages = corpus.pages;
  corpusPdf = await renderCollectionPdf(corpus);
  const fixture = paginateCollection(await readFile(FIXTURE_TEXT, 'utf8'), { linesPerPage: 5 });
  fixturePdf = await renderCollectionPdf({
    ...fixture,
    pageLabel: (page, pages) => `Seite ${page} von ${pages}`,
    pageLabelAt: 'bottom',
  });
  await writeFile(file('imk-2020-12-10.pdf'), corpusPdf);
  await writeFile(file('imk-2021-06-18.pdf'), fixturePdf);
  await copyFile(FIXTURE_TEXT, file('imk-2021-06-18.txt'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('PDF collections', () => {
  it('parses the corpus printed as a PDF to the same meeting as its text file', async () => {
    expect(corpusPages.length).toBeGreaterThan(38);
    expect(corpusPages.filter((page) => page[0]?.startsWith('noch TOP'))).toHaveLength(2);
    const fromPdf = await readCollectionFile(file('imk-2020-12-10.pdf'));
    const fromText = await readCollectionFile(CORPUS_TEXT);
    expect(fromPdf.meeting.items).toHaveLength(38);
    expect(fromPdf.meeting).toEqual(fromText.meeting);
  });

  it('takes page numbers and the running header out of the text and puts the header first, once', async () => {
    const text = await createPdfExtractor()(corpusPdf, 'imk.pdf');
    const lines = text.split('\n');
    expect(lines.slice(0, 4)).toEqual([
      'Sammlung',
      'der zur Veröffentlichung freigegebenen Beschlüsse',
      'der Beratung der Ständigen Konferenz der Innenminister und -senatoren der Länder',
      'am 10.12.20',
    ]);
    expect(lines.filter((line) => line === 'Sammlung')).toHaveLength(1);
    expect(lines.filter((line) => /^- \d+ -$/.test(line))).toEqual([]);
    expect(lines[4]).toBe('Hinweise:');
  });

  it('parses a PDF with page numbers at the foot and items broken mid-paragraph like its text file', async () => {
    const fromPdf = await readCollectionFile(file('imk-2021-06-18.pdf'));
    const fromText = await readCollectionFile(file('imk-2021-06-18.txt'));
    expect(fromPdf.meeting).toEqual(fromText.meeting);
    expect(fromPdf.meeting).toMatchObject({ id: 'imk-2021-06-18', number: 214 });
  });

  it('reads a folder of one text file and one PDF of another meeting as two meetings', async () => {
    const corpus = await folder('two-meetings', {
      'imk-2020-12-10.txt': await readFile(CORPUS_TEXT),
      'imk-2021-06-18.pdf': fixturePdf,
    });
    const { collections, errors } = await readCorpusDir(corpus);
    expect(errors).toEqual([]);
    expect(collections.map((collection) => [path.basename(collection.file), collection.meeting.id])).toEqual([
      ['imk-2020-12-10.txt', 'imk-2020-12-10'],
      ['imk-2021-06-18.pdf', 'imk-2021-06-18'],
    ]);
  });

  it('reports a broken PDF by name and still returns the good file of its folder', async () => {
    const corpus = await folder('broken', {
      'a-broken.pdf': fixturePdf.subarray(0, Math.floor(fixturePdf.length / 2)),
      'b-good.txt': await readFile(CORPUS_TEXT),
    });
    const { collections, errors } = await readCorpusDir(corpus);
    expect(collections.map((collection) => collection.meeting.id)).toEqual(['imk-2020-12-10']);
    expect(errors.map((error) => error.code)).toEqual(['PDF_INVALID']);
    expect(errors[0]?.message.startsWith(`${path.join(corpus, 'a-broken.pdf')}: `)).toBe(true);
  });

  it('reads a PDF that restricts permissions but opens without a password', async () => {
    const bytes = await renderCollectionPdf({
      ...paginateCollection(await readFile(FIXTURE_TEXT, 'utf8')),
      ownerPassword: 'owner',
    });
    expect(Buffer.from(bytes).toString('latin1')).toContain('/Encrypt');
    await writeFile(file('restricted.pdf'), bytes);
    expect((await readCollectionFile(file('restricted.pdf'))).meeting.items.map((item) => item.top)).toEqual([
      '2',
      '12.1',
      '14/15',
    ]);
  });

  it.each([
    ['a truncated PDF', 'truncated.pdf', () => corpusPdf.subarray(0, 20_000), 'PDF_INVALID', /truncated/],
    [
      'a file that is not a PDF',
      'letter.pdf',
      () => 'Sehr geehrte Damen und Herren',
      'PDF_INVALID',
      /not a PDF/,
    ],
    [
      'a PDF whose objects are garbage',
      'garbled.pdf',
      () => `%PDF-1.7\n${'x'.repeat(2000)}\n%%EOF\n`,
      'PDF_INVALID',
      /cannot be read/,
    ],
    ['an empty file', 'empty.pdf', () => new Uint8Array(), 'FILE_EMPTY', /empty/],
  ])('rejects %s with a message naming the file', async (_, name, content, code, message) => {
    await writeFile(file(name), content());
    const error = await rejectionOf(readCollectionFile(file(name)));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${file(name)}: `)).toBe(true);
  });

  it('rejects a password-protected PDF as PDF_INVALID', async () => {
    const bytes = await renderCollectionPdf({ pages: [['TOP 1: A']], userPassword: 'geheim' });
    await writeFile(file('protected.pdf'), bytes);
    const error = await rejectionOf(readCollectionFile(file('protected.pdf')));
    expect(error).toMatchObject({
      code: 'PDF_INVALID',
      message: expect.stringMatching(/password-protected/),
    });
    expect(error.message.startsWith(file('protected.pdf'))).toBe(true);
  });

  it.each([
    ['without a text layer', false, /3 page\(s\) but no text layer/],
    ['whose only text is stamped page numbers', true, /3 page\(s\) but no text besides running headers/],
  ])('rejects a scanned PDF %s as FILE_NO_ITEMS and suggests OCR', async (_, pageNumbers, message) => {
    const name = file(`scan-${pageNumbers}.pdf`);
    await writeFile(name, await renderScannedPdf(3, { pageNumbers }));
    const error = await rejectionOf(readCollectionFile(name));
    expect(error.code).toBe('FILE_NO_ITEMS');
    expect(error.message).toMatch(message);
    expect(error.message).toMatch(/run OCR/);
    expect(error.message.startsWith(`${name}: `)).toBe(true);
  });

  it('leaves the bytes it was given intact', async () => {
    const bytes = fixturePdf.slice();
    await createPdfExtractor()(bytes, 'copy.pdf');
    expect(Buffer.from(bytes).equals(Buffer.from(fixturePdf))).toBe(true);
  });
});
