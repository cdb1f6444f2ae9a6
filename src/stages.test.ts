// The pipeline's layering, checked on every import under src/: a stage imports only stages below it, and another
// stage's code only through its public surface (its index.ts or types.ts; a testing/ folder's fixtures for tests).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from './paths.ts';

/**
 * Lowest first. Root modules (errors, paths, model, logger, config, bundled-file …) and src/testing are shared and
 * belong to no stage. eval sits above server: it measures a running server through the server's contract.
 */
const STAGES = [
  'storage',
  'text',
  'analysis',
  'corpus',
  'chunk',
  'embed',
  'index',
  'citation',
  'retrieve',
  'llm',
  'answer',
  'assistant',
  'conversation',
  'server',
  'eval',
  'cli',
];

function filesUnder(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return filesUnder(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

const SRC = path.join(PROJECT_ROOT, 'src');
const stageOf = (file: string) => {
  const parts = path.relative(SRC, file).split(path.sep);
  return parts.length > 1 && parts[0] !== 'testing' ? parts[0] : undefined;
};
const isTestCode = (file: string) => file.includes('.test.') || file.split(path.sep).includes('testing');

const imports = filesUnder(SRC).flatMap((file) =>
  [...readFileSync(file, 'utf8').matchAll(/\bfrom '(\.[^']+)'/g)].map((match) => ({
    file,
    target: path.normalize(path.join(path.dirname(file), match[1] ?? '')),
  })),
);

describe('pipeline stages', () => {
  it('lists every stage folder', () => {
    const folders = readdirSync(SRC, { withFileTypes: true })
      .filter((entry) => entry.isDirectory() && entry.name !== 'testing')
      .map((entry) => entry.name);
    expect([...folders].sort()).toEqual([...STAGES].sort());
  });

  it('never import a higher stage from production code', () => {
    const upward = imports
      .filter(({ file }) => !isTestCode(file))
      .filter(({ file, target }) => {
        const from = stageOf(file);
        const to = stageOf(target);
        return from !== undefined && to !== undefined && STAGES.indexOf(to) > STAGES.indexOf(from);
      })
      .map(({ file, target }) => `${path.relative(SRC, file)} → ${path.relative(SRC, target)}`);
    expect(upward).toEqual([]);
  });

  it("reach another stage's code only through its index.ts or types.ts (or its testing/ fixtures)", () => {
    const around = imports
      .filter(({ file, target }) => {
        const to = stageOf(target);
        if (to === undefined || to === stageOf(file)) return false;
        const inner = path.relative(path.join(SRC, to), target).split(path.sep);
        if (inner.includes('testing')) return false;
        return !(inner.length === 1 && (inner[0] === 'index.ts' || inner[0] === 'types.ts'));
      })
      .map(({ file, target }) => `${path.relative(SRC, file)} → ${path.relative(SRC, target)}`);
    expect(around).toEqual([]);
  });
});
