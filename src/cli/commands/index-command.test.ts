import { copyFile, mkdir, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { DEFAULT_CORPUS_DIR } from '../../paths.ts';
import { useTemporaryDirectory } from '../../testing/temporary-directory.ts';
import { runCli } from '../testing/run-cli.ts';

const inRoot = useTemporaryDirectory('beschluss-index-command-');
beforeEach(() => {
  vi.stubEnv('EMBEDDER', 'offline');
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('beschluss index', () => {
  it('ends a build it cannot write with one line naming the folder, no stack trace', async () => {
    const blocker = inRoot('not-a-folder');
    await writeFile(blocker, 'a file where the index folder should be');
    const indexDir = path.join(blocker, 'index');
    const result = await runCli(['index', '--index', indexDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      'beschluss: Der Index wurde nicht gespeichert: der Ordner dafür fehlt. (The index was not saved: its folder ' +
        `is missing.) Ordner/folder: ${indexDir}\n`,
    );
  }, 60_000);

  it('reports two files of one meeting, naming the one indexed and why, and exits 0', async () => {
    const corpus = inRoot('conflict-corpus');
    await mkdir(corpus);
    const original = path.join(corpus, 'a-imk-2020-12-10.txt');
    const newer = path.join(corpus, 'b-imk-2020-12-10.txt');
    await copyFile(path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt'), original);
    await copyFile(original, newer);
    await utimes(original, new Date('2021-01-01'), new Date('2021-01-01'));
    await utimes(newer, new Date('2021-02-01'), new Date('2021-02-01'));
    const result = await runCli(['index', '--corpus', corpus, '--index', inRoot('conflict-index')]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(
      'Conflict: meeting imk-2020-12-10 is in 2 files; indexed b-imk-2020-12-10.txt (it was modified last), not ' +
        'a-imk-2020-12-10.txt\n',
    );
  }, 60_000);
});
