// Writes the page's generated modules from their sources in src/ (the browser cannot import TypeScript):
// web/js/conferences.js from src/corpus/conferences.ts, web/js/marker-grammar.js from src/citation/marker-grammar.ts.
//   node --import tsx scripts/generate-web-modules.ts
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { WEB_GENERATED_MODULES } from './web-modules.ts';

for (const { file, generate } of WEB_GENERATED_MODULES) {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, generate());
  await rename(temporary, file);
  process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
}
