import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundledFile, readBundledFileSync } from './bundled-file.ts';
import { BeschlussError } from './errors.ts';
import { DATA_DIR } from './paths.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'bundled-file-'));
const missing = path.join(folder, 'missing.tsv');

describe('readBundledFile', () => {
  it('reads a file the project ships', async () => {
    const bytes = await readBundledFile(
      path.join(DATA_DIR, 'lexicon', 'funktionswoerter.tsv'),
      'word classes',
    );
    expect(bytes.toString('utf8')).toContain('\tarticle\t');
  });

  it('reports a missing file as an incomplete installation (500), naming the file and what to do', async () => {
    const error = await readBundledFile(missing, 'the test list').catch((caught: unknown) => caught);
    expect(BeschlussError.is(error, 'INSTALLATION_INCOMPLETE')).toBe(true);
    expect((error as BeschlussError).status).toBe(500);
    expect((error as BeschlussError).message).toMatch(/missing\.tsv \(the test list\).*reinstall/);
    expect((error as BeschlussError).details).toEqual({ file: missing });
  });
});

describe('readBundledFileSync', () => {
  it('reads synchronously and fails the same way', () => {
    const file = path.join(folder, 'present.txt');
    writeFileSync(file, 'a\n');
    expect(readBundledFileSync(file, 'a list').toString('utf8')).toBe('a\n');
    expect(() => readBundledFileSync(missing, 'a list')).toThrow(
      expect.objectContaining({ code: 'INSTALLATION_INCOMPLETE' }),
    );
  });
});
