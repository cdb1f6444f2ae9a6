import { mkdtemp, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_DIR } from '../paths.ts';
import { rejectionOf } from '../testing/errors.ts';
import { useTemporaryDirectory } from '../testing/temporary-directory.ts';
import { decodeText } from './decode-text.ts';
import { readCollectionFile, readCorpusDir } from './read.ts';

const FIXTURE = await readFile(new URL('./fixtures/imk-2021-06-18.txt', import.meta.url), 'utf8');
const OTHER = await readFile(new URL('./fixtures/gmk-2020-06-16.txt', import.meta.url), 'utf8');

/** Encodes text as Windows-1252, the way an old German office file would be written. */
function windows1252(text: string): Uint8Array {
  const special: Record<string, number> = {
    '€': 0x80,
    '„': 0x84,
    '…': 0x85,
    '–': 0x96,
    '—': 0x97,
    '“': 0x93,
    '”': 0x94,
  };
  return Uint8Array.from([...text], (character) => {
    const code = character.codePointAt(0) ?? 0;
    const byte = special[character] ?? (code < 0x100 && (code < 0x80 || code > 0x9f) ? code : undefined);
    if (byte === undefined) throw new Error(`not in Windows-1252: ${character}`);
    return byte;
  });
}

const file = useTemporaryDirectory('beschluss-read-');
const write = async (name: string, content: string | Uint8Array) => {
  await writeFile(file(name), content);
  return file(name);
};

describe('readCollectionFile', () => {
  it('reads a UTF-8 file with a byte order mark', async () => {
    const collection = await readCollectionFile(await write('bom.txt', `\uFEFF${FIXTURE}`));
    expect(collection.meeting.id).toBe('imk-2021-06-18');
    expect(collection.file).toBe(file('bom.txt'));
  });

  it('reads a Windows-1252 file with umlauts and typographic quotes correctly', async () => {
    const text = FIXTURE.replace('Digitale Spuren im Netz', 'Digitale Spuren im Netz – „Dunkelfeld“');
    const collection = await readCollectionFile(await write('cp1252.txt', windows1252(text)));
    const item = collection.meeting.items.find((candidate) => candidate.top === '12.1');
    expect(item?.title).toBe('Digitale Spuren im Netz – „Dunkelfeld“');
    expect(item?.paragraphs[0]?.text).toContain('über die Sitzungen des Gremiums');
    expect(collection.meeting.title).toContain('Veröffentlichung freigegebenen Beschlüsse');
  });

  it('reads a UTF-16 file with a byte order mark', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(FIXTURE, 'utf16le')]);
    expect((await readCollectionFile(await write('utf16.txt', bytes))).meeting.items).toHaveLength(3);
  });

  it.each([
    ['an empty file', 'empty.txt', new Uint8Array(), 'FILE_EMPTY', /empty \(0 bytes\)/],
    ['a file of blank lines', 'blank.txt', ' \n\n\t\n', 'FILE_EMPTY', /no text/],
    [
      'a binary file',
      'image.txt',
      Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      'FILE_BINARY',
      /NUL byte at offset 8/,
    ],
    [
      'a file full of control characters',
      'controls.txt',
      Uint8Array.from({ length: 200 }, (_, i) => (i % 3 === 0 ? 0x07 : 0x41)),
      'FILE_BINARY',
      /control characters/,
    ],
    [
      'undecodable bytes',
      'garbled.txt',
      Uint8Array.from({ length: 300 }, (_, i) => [0x83, 0x86, 0x41, 0x89, 0x20][i % 5] ?? 0x41),
      'FILE_ENCODING',
      /neither UTF-8 nor German text/,
    ],
    [
      'a file without TOP headers',
      'notes.txt',
      'Sammlung der Beschlüsse am 10.12.20\n\nDie IMK dankt.\n',
      'FILE_NO_ITEMS',
      /no agenda item/,
    ],
    [
      'a file without a meeting date',
      'undated.txt',
      ' TOP 1: Thema\n\nBeschluss:\n\nDie IMK dankt.\n',
      'FILE_NO_MEETING_DATE',
      /no meeting date/,
    ],
  ])('rejects %s with a message naming the file', async (_, name, content, code, message) => {
    const error = await rejectionOf(readCollectionFile(await write(name, content)));
    expect(error.code).toBe(code);
    expect(error.message).toMatch(message);
    expect(error.message.startsWith(`${file(name)}: `)).toBe(true);
  });

  it('rejects a missing path as FILE_NOT_FOUND', async () => {
    const error = await rejectionOf(readCollectionFile(file('missing.txt')));
    expect(error).toMatchObject({ code: 'FILE_NOT_FOUND', message: `${file('missing.txt')}: no such file` });
  });

  it('rejects a file type without an extractor, listing the supported ones', async () => {
    const error = await rejectionOf(readCollectionFile(await write('notes.md', FIXTURE)));
    expect(error).toMatchObject({
      code: 'FILE_UNSUPPORTED',
      message: expect.stringContaining('expected one of .txt'),
    });
  });

  it('uses the extractor registered for an extension', async () => {
    const calls: string[] = [];
    const extractors = {
      '.b64': (bytes: Uint8Array, name: string) => {
        calls.push(name);
        return Buffer.from(new TextDecoder().decode(bytes), 'base64').toString('utf8');
      },
    };
    const collection = await readCollectionFile(
      await write('x.b64', Buffer.from(FIXTURE).toString('base64')),
      {
        extractors,
      },
    );
    expect(calls).toEqual([file('x.b64')]);
    expect(collection.meeting.items.map((item) => item.top)).toEqual(['2', '12.1', '14/15']);
  });
});

describe('decodeText', () => {
  it('prefers UTF-8 when the bytes are valid UTF-8', () => {
    expect(decodeText(new TextEncoder().encode('Maßnahmen für Länder'), 'x.txt')).toBe(
      'Maßnahmen für Länder',
    );
  });
});

describe('readCorpusDir', () => {
  it('reads the shipped corpus and ignores files of other types', async () => {
    const { collections, errors } = await readCorpusDir(DEFAULT_CORPUS_DIR);
    expect(errors).toEqual([]);
    expect(collections.map((collection) => collection.meeting.id)).toEqual(['imk-2020-12-10']);
  });

  it('reads the good files, reports each bad one, and keeps the newer file of a meeting found twice', async () => {
    const corpus = await mkdtemp(file('corpus-'));
    await writeFile(path.join(corpus, 'a.txt'), FIXTURE);
    await writeFile(path.join(corpus, 'b.txt'), OTHER);
    await writeFile(
      path.join(corpus, 'c.txt'),
      FIXTURE.replace('Innenminister', 'Innenministerinnen und -minister'),
    );
    await writeFile(path.join(corpus, 'd.txt'), '');
    await writeFile(path.join(corpus, 'README.md'), '# not a collection');
    // The file that sorts first by name is the older one: the name must not decide.
    await utimes(path.join(corpus, 'a.txt'), new Date('2021-06-20'), new Date('2021-06-20'));
    await utimes(path.join(corpus, 'c.txt'), new Date('2021-07-01'), new Date('2021-07-01'));
    const { collections, errors, conflicts } = await readCorpusDir(corpus);
    expect(collections.map((collection) => [path.basename(collection.file), collection.meeting.id])).toEqual([
      ['b.txt', 'gmk-2020-06-16'],
      ['c.txt', 'imk-2021-06-18'],
    ]);
    expect(errors.map((error) => error.code)).toEqual(['FILE_EMPTY']);
    expect(conflicts).toEqual([
      {
        meeting: 'imk-2021-06-18',
        kept: path.join(corpus, 'c.txt'),
        ignored: [path.join(corpus, 'a.txt')],
        rule: 'newest-modification',
      },
    ]);
  });

  it('rejects a folder without collection files as CORPUS_EMPTY', async () => {
    const corpus = await mkdtemp(file('empty-'));
    await writeFile(path.join(corpus, 'README.md'), '# nothing here');
    const error = await rejectionOf(readCorpusDir(corpus));
    expect(error).toMatchObject({
      code: 'CORPUS_EMPTY',
      message: `${corpus}: no collection files found; expected files ending in .txt, .pdf`,
    });
  });

  it('rejects a folder whose files all fail as CORPUS_EMPTY, with the reasons', async () => {
    const corpus = await mkdtemp(file('bad-'));
    await writeFile(path.join(corpus, 'a.txt'), '');
    const error = await rejectionOf(readCorpusDir(corpus));
    expect(error.code).toBe('CORPUS_EMPTY');
    expect(error.message).toMatch(/none of 1 files could be read: .*a\.txt: the file is empty/);
  });

  it('rejects a missing folder as FILE_NOT_FOUND', async () => {
    expect(await rejectionOf(readCorpusDir(file('nowhere')))).toMatchObject({ code: 'FILE_NOT_FOUND' });
  });
});
