import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
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
});
