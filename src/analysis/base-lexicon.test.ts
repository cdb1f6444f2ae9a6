import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DATA_DIR } from '../paths.ts';
import { loadBaseLexicon } from './base-lexicon.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'base-lexicon-'));

describe('loadBaseLexicon', () => {
  it('reads the bundled data: glossary, word list, thesaurus, English, function words; nothing learned', async () => {
    const lexicon = await loadBaseLexicon();
    expect(lexicon.learned).toEqual([]);
    expect(lexicon.id).toBe(lexicon.base.id);
    expect(lexicon.base.glossary.some((entry) => entry.short === 'SN')).toBe(true);
    expect(lexicon.base.words.size).toBeGreaterThan(50_000);
    expect(lexicon.base.thesaurus.setsOf('böller').length).toBeGreaterThan(0);
    expect(lexicon.base.english.lookup('fireworks')).toBeDefined();
    expect(lexicon.base.functionWords.de.stop.has('und')).toBe(true);
  });

  it('names itself by the files: the same data gives the same id, a changed glossary another', async () => {
    const glossary = path.join(folder, 'abkuerzungen.tsv');
    copyFileSync(path.join(DATA_DIR, 'lexicon', 'abkuerzungen.tsv'), glossary);
    const same = await loadBaseLexicon({ abbreviationsFile: glossary });
    writeFileSync(glossary, 'NWR\tNationales Waffenregister\n', { flag: 'a' });
    const changed = await loadBaseLexicon({ abbreviationsFile: glossary });
    expect(same.id).toBe((await loadBaseLexicon()).id);
    expect(changed.id).not.toBe(same.id);
    expect(changed.base.glossary.at(-1)).toEqual({ short: 'NWR', long: ['Nationales Waffenregister'] });
  });

  it('reports a missing bundled file as an incomplete installation, naming it', async () => {
    const missing = path.join(folder, 'thesaurus.txt');
    await expect(loadBaseLexicon({ thesaurusFile: missing })).rejects.toMatchObject({
      code: 'INSTALLATION_INCOMPLETE',
      details: { file: missing },
    });
  });
});
