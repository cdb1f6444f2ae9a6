// One writer at a time per index folder: a LOCK file naming the writing process, taken over when that process died.

import { link, readFile, rm } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { BeschlussError } from '../../errors.ts';
import { tempPathFor, writeFileAtomic } from '../../storage/index.ts';

export const LOCK_FILE = 'LOCK';

interface LockOwner {
  pid: number;
  hostname: string;
  since: string;
}

/** Takes the lock of an existing index folder; the returned function releases it. */
export async function acquireIndexLock(indexDirectory: string): Promise<() => Promise<void>> {
  const lockFile = path.join(indexDirectory, LOCK_FILE);
  const owner: LockOwner = { pid: process.pid, hostname: hostname(), since: new Date().toISOString() };
  // Written completely under a temp name, then linked: the LOCK file is never seen half-written, and link()
  // fails when it already exists, which makes taking the lock atomic.
  const candidate = tempPathFor(lockFile);
  await writeFileAtomic(candidate, JSON.stringify(owner));
  try {
    for (let attempt = 1; ; attempt++) {
      try {
        await link(candidate, lockFile);
        return () => rm(lockFile, { force: true });
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      }
      const found = await readOwner(lockFile);
      if (attempt < 3 && found === 'released') continue;
      const holder = found === 'released' ? undefined : found;
      if (attempt < 3 && holder && isDead(holder)) {
        await rm(lockFile, { force: true });
        continue;
      }
      throw new BeschlussError(
        'INDEX_BUSY',
        holder
          ? `The index in ${indexDirectory} is being written by process ${holder.pid} on ${holder.hostname} since ` +
              `${holder.since}; wait for it to finish (or delete ${lockFile} if that process no longer runs).`
          : `The index in ${indexDirectory} is locked by ${lockFile}; wait for the other writer to finish.`,
        { details: { file: lockFile, holder } },
      );
    }
  } finally {
    await rm(candidate, { force: true });
  }
}

/** The holder of the lock; 'released' when the lock went away meanwhile, undefined when it names no one. */
async function readOwner(lockFile: string): Promise<LockOwner | 'released' | undefined> {
  let text: string;
  try {
    text = await readFile(lockFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'released';
    throw error;
  }
  try {
    const data = JSON.parse(text) as Partial<LockOwner>;
    if (typeof data.pid !== 'number' || typeof data.hostname !== 'string') return undefined;
    return { pid: data.pid, hostname: data.hostname, since: String(data.since) };
  } catch {
    return undefined;
  }
}

/** Only a process on this machine can be checked; one elsewhere (shared folder) is assumed alive. */
function isDead(owner: LockOwner): boolean {
  if (owner.hostname !== hostname()) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}
