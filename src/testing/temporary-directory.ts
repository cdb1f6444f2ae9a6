// A temporary folder for the tests of one file (or describe block): made before they run, removed with its contents
// after them.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';

/**
 * Registers the beforeAll/afterAll hooks where it is called and returns a function giving the folder (no arguments)
 * or a path inside it.
 */
export function useTemporaryDirectory(prefix: string): (...segments: string[]) => string {
  let directory: string | undefined;
  beforeAll(async () => {
    directory = await mkdtemp(path.join(tmpdir(), prefix));
  });
  afterAll(async () => {
    if (directory !== undefined) await rm(directory, { recursive: true, force: true });
  });
  return (...segments) => {
    if (directory === undefined) throw new Error('the temporary directory exists only while the tests run');
    return path.join(directory, ...segments);
  };
}
