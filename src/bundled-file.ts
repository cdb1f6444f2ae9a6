// Reads a file the project ships (data/, prompts/): one missing is a fault of the installation, never of a request.
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { BeschlussError } from './errors.ts';
import { PROJECT_ROOT } from './paths.ts';

function installationIncomplete(file: string, what: string, cause: unknown): BeschlussError {
  const shown = path.relative(PROJECT_ROOT, file).startsWith('..') ? file : path.relative(PROJECT_ROOT, file);
  return new BeschlussError(
    'INSTALLATION_INCOMPLETE',
    `The bundled file ${shown} (${what}) is missing or unreadable; reinstall the project (git checkout, npm ci).`,
    { details: { file }, cause },
  );
}

/** The bytes of a bundled file; `what` says in the error what the file holds ("the thesaurus"). */
export async function readBundledFile(file: string, what: string): Promise<Buffer> {
  try {
    return await readFile(file);
  } catch (error) {
    throw installationIncomplete(file, what, error);
  }
}

/** The same, synchronously, for the small word lists that synchronous code reads on first use. */
export function readBundledFileSync(file: string, what: string): Buffer {
  try {
    return readFileSync(file);
  } catch (error) {
    throw installationIncomplete(file, what, error);
  }
}
