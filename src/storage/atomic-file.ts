// Replaces files so that readers see either the old file or the complete new one, never a half-written one; the
// new file and its directory entry are fsync'd before this resolves.
import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import path from 'node:path';

/** A temp path beside the target, so the final rename stays on one file system (and is atomic). */
export function tempPathFor(file: string): string {
  return path.join(
    path.dirname(file),
    `.${path.basename(file)}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`,
  );
}

/**
 * Lets `writeTemp` write a temp file (by any means, e.g. a native library that only takes a path), flushes it to
 * disk and renames it over `file`. The temp file is removed when anything fails.
 */
export async function writeViaTempFile(
  file: string,
  writeTemp: (tempFile: string) => Promise<void>,
): Promise<void> {
  const tempFile = tempPathFor(file);
  try {
    await writeTemp(tempFile);
    await syncFile(tempFile);
    await rename(tempFile, file);
  } catch (error) {
    await rm(tempFile, { force: true });
    throw error;
  }
  await syncDirectory(path.dirname(file));
}

export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await writeViaTempFile(file, async (tempFile) => {
    const handle = await open(tempFile, 'wx');
    try {
      await handle.writeFile(data);
    } finally {
      await handle.close();
    }
  });
}

async function syncFile(file: string): Promise<void> {
  const handle = await open(file, 'r+');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/** Makes a rename durable across power loss; some file systems refuse to sync a directory, which is harmless. */
export async function syncDirectory(directory: string): Promise<void> {
  try {
    const handle = await open(directory, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
  } catch {
    // best effort: the rename itself is already atomic
  }
}
