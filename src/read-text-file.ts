// Reads a UTF-8 text file the program needs (an evaluation set, thresholds, prompts, a word list); one that cannot
// be read becomes a FILE_NOT_FOUND error that names the file and keeps the cause.
import { readFile } from 'node:fs/promises';
import { BeschlussError } from './errors.ts';

/** `message` gets the reason the file system gave (e.g. "ENOENT: no such file or directory, open …"). */
export async function readTextFile(file: string, message: (reason: string) => string): Promise<string> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    throw new BeschlussError('FILE_NOT_FOUND', message((error as Error).message), {
      details: { file },
      cause: error,
    });
  }
}
