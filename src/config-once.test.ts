// Configuration is read in one place: no module of src/ but config.ts (and test helpers) reads the environment.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './paths.ts';

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts') ? [full] : [];
  });
}

describe('configuration', () => {
  it('is read from the environment only in src/config.ts', () => {
    const src = path.join(PROJECT_ROOT, 'src');
    const readers = sourceFiles(src)
      .filter((file) =>
        /process\.env\b(?!\)? by default)/.test(
          readFileSync(file, 'utf8').replace(/\/\/.*|\/\*[\s\S]*?\*\//g, ''),
        ),
      )
      .map((file) => path.relative(src, file));
    expect(readers).toEqual(['config.ts']);
  });
});
