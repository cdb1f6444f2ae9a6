// Bytes on disk of an index folder (all builds' files), for the size columns.
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';

export interface FileSize {
  /** Path relative to the folder measured. */
  name: string;
  bytes: number;
}

export async function filesUnder(directory: string): Promise<FileSize[]> {
  const files: FileSize[] = [];
  const walk = async (current: string) => {
    for (const entry of await readdir(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) await walk(full);
      else if (entry.isFile())
        files.push({ name: path.relative(directory, full), bytes: (await stat(full)).size });
    }
  };
  await walk(directory);
  return files.sort((left, right) => left.name.localeCompare(right.name));
}

export function totalBytes(files: readonly FileSize[]): number {
  return files.reduce((sum, file) => sum + file.bytes, 0);
}
