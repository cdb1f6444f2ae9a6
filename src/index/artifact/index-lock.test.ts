import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { hostname, tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acquireIndexLock } from './index-lock.ts';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'index-lock-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

/** The pid of a process that has certainly ended. */
function deadPid(): number {
  return spawnSync(process.execPath, ['-e', '0']).pid as number;
}

describe('acquireIndexLock', () => {
  it('writes a LOCK naming this process and removes it on release', async () => {
    const release = await acquireIndexLock(directory);
    const owner = JSON.parse(await readFile(path.join(directory, 'LOCK'), 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, hostname: hostname() });
    expect(await readdir(directory)).toEqual(['LOCK']);
    await release();
    expect(await readdir(directory)).toEqual([]);
  });

  it('refuses a second writer while the lock is held, naming the holder', async () => {
    const release = await acquireIndexLock(directory);
    await expect(acquireIndexLock(directory)).rejects.toMatchObject({
      code: 'INDEX_BUSY',
      message: expect.stringContaining(`being written by process ${process.pid}`),
    });
    await release();
    await (await acquireIndexLock(directory))();
  });

  it('takes over the lock of a process that no longer runs', async () => {
    const pid = deadPid();
    await writeFile(
      path.join(directory, 'LOCK'),
      JSON.stringify({ pid, hostname: hostname(), since: 'earlier' }),
    );
    const release = await acquireIndexLock(directory);
    expect(JSON.parse(await readFile(path.join(directory, 'LOCK'), 'utf8')).pid).toBe(process.pid);
    await release();
  });

  it('does not take over a lock held on another machine or one it cannot read', async () => {
    const lockFile = path.join(directory, 'LOCK');
    await writeFile(lockFile, JSON.stringify({ pid: deadPid(), hostname: 'elsewhere', since: 'earlier' }));
    await expect(acquireIndexLock(directory)).rejects.toMatchObject({ code: 'INDEX_BUSY' });
    await writeFile(lockFile, '');
    await expect(acquireIndexLock(directory)).rejects.toMatchObject({
      code: 'INDEX_BUSY',
      message: expect.stringContaining('is locked by'),
    });
    expect(await readdir(directory)).toEqual(['LOCK']);
  });
});
