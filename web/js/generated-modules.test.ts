import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { WEB_GENERATED_MODULES } from '../../scripts/web-modules.ts';

describe('the generated modules of the page', () => {
  it.each(WEB_GENERATED_MODULES.map(({ file, generate }) => [path.basename(file), file, generate] as const))(
    '%s is what its source in src/ generates (run scripts/generate-web-modules.ts after a change)',
    async (_, file, generate) => {
      expect(await readFile(file, 'utf8')).toBe(generate());
    },
  );
});
