import { describe, expect, it } from 'vitest';
import { BeschlussError } from '../errors.ts';
import { lowOnSpace, storageError } from './storage-error.ts';

const WHERE = { folder: '/srv/beschluss/index', subject: { de: 'der Index', en: 'the index' } };
const errno = (code: string) => Object.assign(new Error(`${code}: simulated`), { code });

describe('storageError', () => {
  it.each([
    ['ENOSPC', 'STORAGE_FULL', 507],
    ['EDQUOT', 'STORAGE_FULL', 507],
    ['EROFS', 'STORAGE_READ_ONLY', 503],
    ['EACCES', 'STORAGE_READ_ONLY', 503],
    ['EPERM', 'STORAGE_READ_ONLY', 503],
    ['ENOENT', 'STORAGE_FOLDER_MISSING', 503],
    ['ENOTDIR', 'STORAGE_FOLDER_MISSING', 503],
  ])('maps %s to %s (%i), the folder in details and not in the message', (code, expected, status) => {
    const error = storageError(errno(code), WHERE);
    expect([error?.code, error?.status]).toEqual([expected, status]);
    expect(error?.details).toEqual({ folder: WHERE.folder, errno: code });
    expect(error?.message).not.toContain(WHERE.folder);
    expect(error?.message).toMatch(
      /^Der Index wurde nicht gespeichert: .+\. \(The index was not saved: .+\.\)$/,
    );
  });

  it('leaves other errors to the caller and passes a storage error through', () => {
    expect(storageError(errno('EIO'), WHERE)).toBeUndefined();
    expect(storageError(new Error('no code'), WHERE)).toBeUndefined();
    expect(storageError(new BeschlussError('INDEX_CORRUPT', 'x'), WHERE)).toBeUndefined();
    const full = new BeschlussError('STORAGE_FULL', 'voll');
    expect(storageError(full, WHERE)).toBe(full);
  });
});

describe('lowOnSpace', () => {
  it('is false for a folder with room and for one it cannot inspect', async () => {
    expect(await lowOnSpace(process.cwd())).toBe(false);
    expect(await lowOnSpace('/no/such/folder/anywhere')).toBe(false);
  });
});
