// Writes each stage folder's public surface (src/<stage>/index.ts) from what other stages import of it, and points
// those imports at it. Run after moving code between stages; src/stages.test.ts keeps the rule.
//   node --import tsx scripts/stage-surfaces.ts [--write]
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const write = process.argv.includes('--write');
const files = execFileSync('git', ['ls-files', 'src/**/*.ts'], { encoding: 'utf8' })
  .split('\n')
  .filter((file) => file !== '');
/** The stage a file belongs to; src/testing (shared test helpers) and root modules are no stage. */
const stageOf = (file: string) => {
  const parts = file.split('/');
  return parts.length > 2 && parts[1] !== 'testing' ? parts[1] : undefined;
};
const IMPORT = /import\s+(type\s+)?\{([^}]*)\}\s+from\s+'(\.[^']+)';/gs;

/** Per stage: file inside it → names other stages import (with whether only as a type). */
const surfaces = new Map<string, Map<string, Map<string, boolean>>>();
const rewrites: Array<{ file: string; from: string; to: string }> = [];
for (const file of files) {
  const text = readFileSync(file, 'utf8');
  for (const match of text.matchAll(IMPORT)) {
    const [, typeOnly, names = '', specifier = ''] = match;
    const target = path.normalize(path.join(path.dirname(file), specifier));
    const stage = stageOf(target);
    if (stage === undefined || stage === stageOf(file)) continue;
    const inner = target.split('/').slice(2).join('/');
    // The surface itself, and test fixtures (a stage's testing/ folder), are fine to import from anywhere.
    if (inner === 'index.ts' || inner === 'types.ts' || inner.split('/').includes('testing')) continue;
    const entries = surfaces.get(stage) ?? new Map<string, Map<string, boolean>>();
    const exported = entries.get(inner) ?? new Map<string, boolean>();
    for (const raw of names
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean)) {
      const isType = Boolean(typeOnly) || raw.startsWith('type ');
      const name = raw.replace(/^type\s+/, '').replace(/\s+as\s+\w+$/, '');
      exported.set(name, (exported.get(name) ?? true) && isType);
    }
    entries.set(inner, exported);
    surfaces.set(stage, entries);
    const surface = path.relative(path.dirname(file), path.join('src', stage, 'index.ts'));
    rewrites.push({
      file,
      from: `'${specifier}'`,
      to: `'${surface.startsWith('.') ? surface : `./${surface}`}'`,
    });
  }
}

for (const [stage, entries] of surfaces) {
  const indexFile = path.join('src', stage, 'index.ts');
  let existing = '';
  try {
    existing = readFileSync(indexFile, 'utf8');
  } catch {
    existing = `// Public surface of src/${stage}: what other stages use of it.\n`;
  }
  // Names the surface exports already are left as they are.
  const already = new Set(
    [...existing.matchAll(/export\s+(?:type\s+)?\{([^}]*)\}/gs)].flatMap((match) =>
      (match[1] ?? '')
        .split(',')
        .map((name) => name.trim().replace(/^type\s+/, ''))
        .filter(Boolean),
    ),
  );
  const lines = [...entries]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([inner, names]) => [inner, [...names].filter(([name]) => !already.has(name))] as const)
    .filter(([, names]) => names.length > 0)
    .map(([inner, names]) => {
      const specifiers = names
        .sort(([a], [b]) => (a.toLowerCase() < b.toLowerCase() ? -1 : 1))
        .map(([name, isType]) => (isType ? `type ${name}` : name));
      return `export { ${specifiers.join(', ')} } from './${inner}';`;
    });
  process.stdout.write(`${indexFile}: ${lines.length} re-exports\n`);
  if (write) writeFileSync(indexFile, `${existing.trimEnd()}\n${lines.join('\n')}\n`);
}
for (const { file, from, to } of rewrites) {
  if (!write) continue;
  writeFileSync(file, readFileSync(file, 'utf8').replace(from, to));
}
process.stdout.write(`${rewrites.length} imports ${write ? 'rewritten' : 'to rewrite'}\n`);
