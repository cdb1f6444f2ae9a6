import type { FileHandle } from 'node:fs/promises';
import { open, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BeschlussError } from '../errors.ts';
import { rejectionOf } from '../testing/errors.ts';
import { useTemporaryDirectory } from '../testing/temporary-directory.ts';
import { openAppendLog } from './append-log.ts';

const inRoot = useTemporaryDirectory('beschluss-append-log-');
const SUBJECT = { de: 'die Rückmeldung', en: 'the feedback' };
let counter = 0;
const freshFile = () => inRoot(`case-${++counter}`, 'log.jsonl');

function errno(code: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${code}: simulated`), { code });
}

/** Opens files for real, but the handle's writes (and truncates) follow the given plan. */
function failingOpen(plan: {
  /** The nth write call (from 1) writes half its bytes, then fails with this errno. */
  failWrite?: { call: number; code: string };
  /** The first truncate call fails too. */
  failTruncate?: boolean;
  /** Opening for append fails with this errno. */
  failOpen?: string;
  calls?: string[];
}) {
  let writes = 0;
  let truncateFailed = false;
  return async (file: string, flags: string): Promise<FileHandle> => {
    if (plan.failOpen && flags === 'a') throw errno(plan.failOpen);
    const handle = await open(file, flags);
    return new Proxy(handle, {
      get(target, property) {
        if (property === 'write') {
          return async (buffer: Buffer, offset: number, length: number) => {
            plan.calls?.push('write');
            writes++;
            if (plan.failWrite && writes === plan.failWrite.call) {
              await target.write(buffer, offset, Math.floor(length / 2));
              throw errno(plan.failWrite.code);
            }
            return target.write(buffer, offset, length);
          };
        }
        if (property === 'truncate' && plan.failTruncate && !truncateFailed) {
          return async () => {
            truncateFailed = true;
            throw errno('EIO');
          };
        }
        if (property === 'sync') {
          return async () => {
            plan.calls?.push('sync');
            return target.sync();
          };
        }
        const value = Reflect.get(target, property);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
  };
}

describe('openAppendLog', () => {
  it("appends each record as one line, in call order, and creates the file's folder", async () => {
    const file = freshFile();
    const log = await openAppendLog({ file, subject: SUBJECT });
    await Promise.all(Array.from({ length: 200 }, (_, index) => log.append(JSON.stringify({ index }))));
    const lines = (await readFile(file, 'utf8')).split('\n');
    expect(lines.pop()).toBe('');
    expect(lines.map((line) => JSON.parse(line).index)).toEqual(
      Array.from({ length: 200 }, (_, index) => index),
    );
  });

  it('resolves only after the record is synced to disk', async () => {
    const calls: string[] = [];
    const log = await openAppendLog({
      file: freshFile(),
      subject: SUBJECT,
      openFile: failingOpen({ calls }),
    });
    await log.append('eins');
    expect(calls).toEqual(['write', 'sync']);
  });

  it('leaves no part of a record the disk had no room for, and the next one gets a line of its own', async () => {
    const file = freshFile();
    const log = await openAppendLog({
      file,
      subject: SUBJECT,
      openFile: failingOpen({ failWrite: { call: 2, code: 'ENOSPC' } }),
    });
    await log.append('{"first":1}');
    const error = await rejectionOf(log.append(`{"second":"${'x'.repeat(4000)}"}`));
    expect(error.code).toBe('STORAGE_FULL');
    expect(error.status).toBe(507);
    expect(error.message).toBe(
      'Die Rückmeldung wurde nicht gespeichert: der Datenträger ist voll. (The feedback was not saved: the disk is full.)',
    );
    expect(error.message).not.toContain(path.dirname(file));
    expect(error.details).toEqual({ folder: path.dirname(file), errno: 'ENOSPC' });
    expect(await readFile(file, 'utf8')).toBe('{"first":1}\n');
    await log.append('{"third":3}');
    expect(await readFile(file, 'utf8')).toBe('{"first":1}\n{"third":3}\n');
  });

  it('cuts a torn record before the next append when cutting it right away failed too', async () => {
    const file = freshFile();
    const repairs: number[] = [];
    const log = await openAppendLog({
      file,
      subject: SUBJECT,
      openFile: failingOpen({ failWrite: { call: 1, code: 'ENOSPC' }, failTruncate: true }),
      onRepair: ({ removedBytes }) => repairs.push(removedBytes),
    });
    await rejectionOf(log.append('abcdefgh'));
    expect(await readFile(file, 'utf8')).toBe('abcd');
    await log.append('neu');
    expect(await readFile(file, 'utf8')).toBe('neu\n');
    expect(repairs).toEqual([4]);
  });

  it('cuts a torn last record at open (a crash mid-write) and says how many bytes went', async () => {
    const file = freshFile();
    await openAppendLog({ file, subject: SUBJECT });
    await writeFile(file, '{"a":1}\n{"b":2}\n{"c":"halb');
    const repairs: Array<{ file: string; removedBytes: number }> = [];
    const log = await openAppendLog({ file, subject: SUBJECT, onRepair: (repair) => repairs.push(repair) });
    expect(await readFile(file, 'utf8')).toBe('{"a":1}\n{"b":2}\n');
    expect(repairs).toEqual([{ file, removedBytes: '{"c":"halb'.length }]);
    await log.append('{"d":4}');
    expect(await readFile(file, 'utf8')).toBe('{"a":1}\n{"b":2}\n{"d":4}\n');
  });

  it.each([
    ['EROFS', 'STORAGE_READ_ONLY', 503, 'der Speicherort ist schreibgeschützt oder nicht beschreibbar'],
    ['EACCES', 'STORAGE_READ_ONLY', 503, 'the storage is read-only or not writable'],
    ['EDQUOT', 'STORAGE_FULL', 507, 'the disk is full'],
  ])('reports %s as %s (%i) in German and English', async (code, expected, status, words) => {
    const log = await openAppendLog({
      file: freshFile(),
      subject: SUBJECT,
      openFile: failingOpen({ failOpen: code }),
    });
    const error = await rejectionOf(log.append('x'));
    expect(error).toBeInstanceOf(BeschlussError);
    expect([error.code, error.status]).toEqual([expected, status]);
    expect(error.message).toContain(words);
  });

  it('reports a folder removed while running as STORAGE_FOLDER_MISSING', async () => {
    const file = freshFile();
    const log = await openAppendLog({ file, subject: SUBJECT });
    await rm(path.dirname(file), { recursive: true });
    const error = await rejectionOf(log.append('x'));
    expect([error.code, error.status]).toEqual(['STORAGE_FOLDER_MISSING', 503]);
    expect(error.message).toBe(
      'Die Rückmeldung wurde nicht gespeichert: der Ordner dafür fehlt. (The feedback was not saved: its folder is missing.)',
    );
  });

  it('refuses a record with a newline (it would be two records)', async () => {
    const log = await openAppendLog({ file: freshFile(), subject: SUBJECT });
    await expect(log.append('eins\nzwei')).rejects.toThrow('must not contain a newline');
  });
});
