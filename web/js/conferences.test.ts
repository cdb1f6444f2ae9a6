import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { webConferencesModule } from '../../src/corpus/conferences.ts';

describe('web/js/conferences.js', () => {
  it('is the conference table of src/corpus/conferences.ts (run scripts/generate-web-conferences.ts after a change)', async () => {
    const file = await readFile(path.join(import.meta.dirname, 'conferences.js'), 'utf8');
    expect(file).toBe(webConferencesModule());
  });
});
