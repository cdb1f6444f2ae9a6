import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeFileAtomic, writeViaTempFile } from './atomic-file.ts';

let directory: string;
beforeEach(async () => {
  directory = await mkdtemp(path.join(tmpdir(), 'atomic-file-'));
});
afterEach(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('writeFileAtomic', () => {
  it('replaces the file with the complete new content and leaves no temp file', async () => {
    const file = path.join(directory, 'data.json');
    await writeFile(file, 'old');
    await writeFileAtomic(file, '{"new": true}');
    expect(await readFile(file, 'utf8')).toBe('{"new": true}');
    expect(await readdir(directory)).toEqual(['data.json']);
  });
});

describe('writeViaTempFile', () => {
  it('keeps the old file and removes the temp file when writing fails halfway', async () => {
    const file = path.join(directory, 'data.bin');
    await writeFile(file, 'old');
    await expect(
      writeViaTempFile(file, async (tempFile) => {
        await writeFile(tempFile, 'half');
        throw new Error('disk full');
      }),
    ).rejects.toThrow('disk full');
    expect(await readFile(file, 'utf8')).toBe('old');
    expect(await readdir(directory)).toEqual(['data.bin']);
  });
});
