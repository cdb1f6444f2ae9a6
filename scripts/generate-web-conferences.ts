// Writes web/js/conferences.js, the page's copy of the conference labels, from src/corpus/conferences.ts.
//   node --import tsx scripts/generate-web-conferences.ts
import { rename, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { webConferencesModule } from '../src/corpus/conferences.ts';
import { WEB_DIR } from '../src/paths.ts';

const file = path.join(WEB_DIR, 'js', 'conferences.js');
const temporary = `${file}.${process.pid}.tmp`;
await writeFile(temporary, webConferencesModule());
await rename(temporary, file);
process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
