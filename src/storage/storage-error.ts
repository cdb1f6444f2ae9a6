// Turns the file system's refusals to write (disk full, read-only, folder missing) into the project's storage errors:
// a message safe to show anyone (German and English, no path), the folder in details for the log and the CLI.
import { statfs } from 'node:fs/promises';
import { BeschlussError, type ErrorCode } from '../errors.ts';

/** Below this much free space a failed write is taken for a full disk even without ENOSPC (native writers). */
const LOW_SPACE_BYTES = 1024 * 1024;

/** What was being stored, as the message names it: { de: 'die Rückmeldung', en: 'the feedback' }. */
export interface StorageSubject {
  de: string;
  en: string;
}

const CODES: Readonly<Record<string, ErrorCode>> = {
  ENOSPC: 'STORAGE_FULL',
  EDQUOT: 'STORAGE_FULL',
  EROFS: 'STORAGE_READ_ONLY',
  EACCES: 'STORAGE_READ_ONLY',
  EPERM: 'STORAGE_READ_ONLY',
  ENOENT: 'STORAGE_FOLDER_MISSING',
  ENOTDIR: 'STORAGE_FOLDER_MISSING',
};

const REASONS: Readonly<Record<string, { de: string; en: string }>> = {
  STORAGE_FULL: { de: 'der Datenträger ist voll', en: 'the disk is full' },
  STORAGE_READ_ONLY: {
    de: 'der Speicherort ist schreibgeschützt oder nicht beschreibbar',
    en: 'the storage is read-only or not writable',
  },
  STORAGE_FOLDER_MISSING: { de: 'der Ordner dafür fehlt', en: 'its folder is missing' },
};

/** The errno code of a file system error (ENOSPC …), if it has one. */
export function errnoOf(error: unknown): string | undefined {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** The storage error for a file system error, or undefined when it is none of disk full, read-only, missing folder. */
export function storageError(
  error: unknown,
  where: { folder: string; subject: StorageSubject },
): BeschlussError | undefined {
  if (BeschlussError.is(error)) return error.code.startsWith('STORAGE_') ? error : undefined;
  const errno = errnoOf(error);
  const code = errno === undefined ? undefined : CODES[errno];
  if (code === undefined) return undefined;
  return storageFailure(code, where, { errno, cause: error });
}

/** A storage error of the given code (when the cause is known without an errno, e.g. a short native write). */
export function storageFailure(
  code: ErrorCode,
  where: { folder: string; subject: StorageSubject },
  options: { errno?: string; cause?: unknown } = {},
): BeschlussError {
  const reason = REASONS[code] ?? {
    de: 'der Speicherort lehnt das Schreiben ab',
    en: 'the storage refused it',
  };
  const { de, en } = where.subject;
  return new BeschlussError(
    code,
    `${capitalized(de)} wurde nicht gespeichert: ${reason.de}. (${capitalized(en)} was not saved: ${reason.en}.)`,
    {
      details: { folder: where.folder, ...(options.errno === undefined ? {} : { errno: options.errno }) },
      cause: options.cause,
    },
  );
}

/** Runs a write, rethrowing disk full, read-only and missing-folder failures as storage errors. */
export async function withStorageErrors<T>(
  where: { folder: string; subject: StorageSubject },
  write: () => Promise<T>,
): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw storageError(error, where) ?? error;
  }
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Whether the file system holding `folder` has (almost) no room left; false when that cannot be told. */
export async function lowOnSpace(folder: string): Promise<boolean> {
  try {
    const { bavail, bsize } = await statfs(folder);
    return bavail * bsize < LOW_SPACE_BYTES;
  } catch {
    return false;
  }
}
