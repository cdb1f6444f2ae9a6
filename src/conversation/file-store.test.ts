import { mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BeschlussError } from '../errors.ts';
import { writeFileAtomic, writeViaTempFile } from '../storage/index.ts';
import { conversationIdOf } from './conversation-key.ts';
import { createFileConversationStore } from './file-store.ts';
import { describeConversationStore, sampleTurn } from './testing/store-contract.ts';

async function temporaryFolder(): Promise<string> {
  return mkdtemp(path.join(tmpdir(), 'beschluss-conversations-'));
}

describeConversationStore('files', async () => {
  const directory = await temporaryFolder();
  return {
    open: () => createFileConversationStore({ directory: path.join(directory, 'conversations') }),
    cleanup: () => rm(directory, { recursive: true, force: true }),
  };
});

const LIMITS = { maxTurns: 10 };
const id = conversationIdOf('a-key-for-the-file-store-tests-0123456789');

describe('createFileConversationStore', () => {
  it('keeps one JSON file per conversation, dated by its last change, and leaves no temp file behind', async () => {
    const directory = await temporaryFolder();
    try {
      const store = createFileConversationStore({ directory });
      await Promise.all(
        ['eins', 'zwei', 'drei'].map((question) =>
          store.append(id, sampleTurn(question, '2026-03-02T10:00:00.000Z'), LIMITS),
        ),
      );
      expect(await readdir(directory)).toEqual([`${id}.json`]);
      const file = path.join(directory, `${id}.json`);
      const stored = JSON.parse(await readFile(file, 'utf8'));
      expect(stored).toMatchObject({ format: 'beschluss-conversation', version: 1, id });
      expect(stored.turns).toHaveLength(3);
      expect((await stat(file)).mtime.toISOString()).toBe('2026-03-02T10:00:00.000Z');
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('reports a damaged file as CONVERSATION_CORRUPT naming it, and never overwrites it by an append', async () => {
    const directory = await temporaryFolder();
    try {
      const store = createFileConversationStore({ directory });
      const file = path.join(directory, `${id}.json`);
      for (const damaged of ['{"format":"beschluss-conversation","version":1,"id":"', '{"format":"other"}']) {
        await writeFile(file, damaged);
        for (const attempt of [store.get(id), store.append(id, sampleTurn('Wer?'), LIMITS)]) {
          const error = await attempt.catch((caught: unknown) => caught);
          expect(BeschlussError.is(error, 'CONVERSATION_CORRUPT')).toBe(true);
          expect((error as BeschlussError).message).toContain(file);
        }
        expect(await readFile(file, 'utf8')).toBe(damaged);
      }
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('sweeps a temp file a crashed writer left, and nothing it does not know', async () => {
    const directory = await temporaryFolder();
    try {
      const store = createFileConversationStore({ directory });
      await store.append(id, sampleTurn('Wer?', '2026-03-02T10:00:00.000Z'), LIMITS);
      await writeFile(path.join(directory, `.${id}.json.tmp-123-abcd`), '{"half');
      await writeFile(path.join(directory, 'README.txt'), 'notes of the operator');
      expect(await store.removeUnchangedSince(new Date('2026-01-01T00:00:00.000Z'))).toBe(0);
      expect((await readdir(directory)).sort()).toEqual(['README.txt', `${id}.json`]);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('reports a full or read-only disk as a storage error without a path, leaving the conversation as it was', async () => {
    const directory = await temporaryFolder();
    try {
      let refuse: string | undefined;
      const store = createFileConversationStore({
        directory,
        // The real atomic replace, with a temp file that the disk cuts off halfway.
        replaceFile: (file, data) =>
          refuse === undefined
            ? writeFileAtomic(file, data)
            : writeViaTempFile(file, async (tempFile) => {
                await writeFile(tempFile, data.slice(0, data.length / 2));
                throw Object.assign(new Error(`${refuse}: simulated`), { code: refuse });
              }),
      });
      await store.append(id, sampleTurn('Wer?', '2026-03-02T10:00:00.000Z'), LIMITS);
      const file = path.join(directory, `${id}.json`);
      const before = await readFile(file, 'utf8');
      for (const [errno, code, words] of [
        ['ENOSPC', 'STORAGE_FULL', 'der Datenträger ist voll'],
        ['EROFS', 'STORAGE_READ_ONLY', 'schreibgeschützt'],
      ] as const) {
        refuse = errno;
        const error = await store
          .append(id, sampleTurn('Und wann?', '2026-03-02T10:01:00.000Z'), LIMITS)
          .catch((caught: unknown) => caught);
        expect(error).toMatchObject({ code, details: { folder: directory, errno } });
        expect((error as BeschlussError).message).toContain('Das Gespräch wurde nicht gespeichert');
        expect((error as BeschlussError).message).toContain(words);
        expect((error as BeschlussError).message).not.toContain(directory);
        expect(await readFile(file, 'utf8')).toBe(before);
        expect(await readdir(directory)).toEqual([`${id}.json`]);
      }
      refuse = undefined;
      expect(await store.append(id, sampleTurn('Und wann?'), LIMITS)).toEqual({ turn: 1 });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('reports a folder that cannot be made (a file in its path) as STORAGE_FOLDER_MISSING', async () => {
    const directory = await temporaryFolder();
    try {
      const blocking = path.join(directory, 'not-a-folder');
      await writeFile(blocking, 'a file where the folder should be');
      const store = createFileConversationStore({ directory: path.join(blocking, 'conversations') });
      await expect(store.append(id, sampleTurn('Wer?'), LIMITS)).rejects.toMatchObject({
        code: 'STORAGE_FOLDER_MISSING',
      });
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });

  it('reads an empty folder that does not exist yet as no conversations', async () => {
    const store = createFileConversationStore({
      directory: path.join(tmpdir(), 'beschluss-no-such-folder-x1'),
    });
    expect(await store.get(id)).toBeUndefined();
    expect(await store.removeUnchangedSince(new Date())).toBe(0);
  });
});
