// The lexical index on the IMK corpus: what German, English and acronym queries find, boosts, encoding and loading.
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, buildLexicon, createAnalyzer, createGermanAnalyzer } from '../../analysis/index.ts';
import { readCollectionFile } from '../../corpus/index.ts';
import { type Unit, unitsOf } from '../../model.ts';
import { DEFAULT_CORPUS_DIR } from '../../paths.ts';
import { createLexicalIndex, type EmbeddedLexicalIndex, loadLexicalIndex } from './lexical-index.ts';

let analyzer: Analyzer;
let units: Unit[];
let index: EmbeddedLexicalIndex;

beforeAll(async () => {
  const collection = await readCollectionFile(path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt'));
  units = unitsOf(collection.meeting);
  // As an index build does: the bundled lexicon with the acronyms the corpus defines.
  const base = await createGermanAnalyzer();
  analyzer = createAnalyzer(
    buildLexicon(
      base.lexicon,
      units.flatMap((unit) => [unit.title, unit.text]),
    ),
  );
  index = createLexicalIndex({ analyzer, units });
});

const topOf = (id: string | undefined) => id?.split('/')[1];
const firstTop = async (query: string) => topOf((await index.search(query, { k: 1 }))[0]?.id);

function unit(overrides: Partial<Unit> & Pick<Unit, 'top' | 'para' | 'title' | 'text'>): Unit {
  return {
    meeting: 'm',
    id: `m/${overrides.top}/${overrides.para}`,
    kind: 'paragraph',
    date: '2020-12-10',
    itemParagraphCount: 1,
    ...overrides,
  };
}

describe('lexical index on the IMK corpus', () => {
  it('indexes every unit', async () => {
    expect(index.size).toBe(units.length);
  });

  it('finds the item a German query is about', async () => {
    expect(await firstTop('Nationales Waffenregister')).toBe('22');
    expect(await firstTop('Reichskriegsflaggen')).toBe('4');
    expect(await firstTop('Finanzströme rechtsextremer Organisationen')).toBe('3');
  });

  it('finds paraphrases through compound parts and synonyms', async () => {
    // "Silvesterfeuerwerk" and "Böller" occur nowhere as such; TOP 39 speaks of "Feuerwerks".
    expect(await firstTop('Silvesterfeuerwerk')).toBe('39');
    expect(await firstTop('Böller')).toBe('39');
    // "Rauschgift" reaches "Drogenkriminalität" through the thesaurus.
    expect(await firstTop('Rauschgift')).toBe('47');
  });

  it('finds German text for an English query', async () => {
    expect(await firstTop('weapons register')).toBe('22');
    expect(await firstTop('fireworks')).toBe('39');
  });

  it('finds an acronym the corpus defines by its long form and the other way round', async () => {
    expect(await firstTop('NWR')).toBe('22');
    const hits = (await index.search('Deutsche Hochschule der Polizei', { k: 3 })).map((hit) => hit.id);
    expect(hits.some((id) => units.find((candidate) => candidate.id === id)?.text.includes('DHPol'))).toBe(
      true,
    );
  });

  it('finds a Protokollnotiz by the Land its label abbreviates', async () => {
    expect((await index.search('Protokollnotiz Sachsen', { k: 1 }))[0]?.id).toBe(
      'imk-2020-12-10/46/Protokollnotiz SN',
    );
  });

  it('treats "Arbeitskreis II" like "AK II"', async () => {
    const short = (await index.search('AK II', { k: 5 })).map((hit) => hit.id);
    const long = (await index.search('Arbeitskreis II', { k: 5 })).map((hit) => hit.id);
    expect(long[0]).toBe(short[0]);
    expect(units.find((candidate) => candidate.id === short[0])?.text).toContain('AK II');
  });

  it('applies k and the filter', async () => {
    expect(await index.search('Polizei', { k: 4 })).toHaveLength(4);
    const only22 = await index.search('Polizei Waffen', { k: 10, filter: (id) => id.includes('/22/') });
    expect(only22.length).toBeGreaterThan(0);
    expect(only22.every((hit) => hit.id.includes('/22/'))).toBe(true);
    expect(await index.search('und der die', { k: 5 })).toEqual([]);
  });

  it('gives identical results after encoding and loading on a fresh bundled analyzer, its lexicon included', async () => {
    const bytes = index.encode();
    const loaded = loadLexicalIndex(bytes, { base: await createGermanAnalyzer() });
    for (const query of [
      'Nationales Waffenregister',
      'Böller',
      'NWR',
      'weapons register',
      'Protokollnotiz Sachsen',
    ]) {
      expect(await loaded.search(query, { k: 5 }), query).toEqual(await index.search(query, { k: 5 }));
    }
    expect(loaded.analyzer.lexicon.id).toBe(analyzer.lexicon.id);
    expect(loaded.analyzer.longForms('NWR').length).toBeGreaterThan(0);
    expect(loaded.size).toBe(index.size);
    expect(loaded.vocabulary).toEqual(index.vocabulary);
    expect(loaded.statistics.documentFrequency('waffenregist')).toBe(
      index.statistics.documentFrequency('waffenregist'),
    );
  });

  it('weighs the terms of alsoQuery at their weight, below the query terms themselves', async () => {
    const plain = await index.search('Waffenregister', { k: 3 });
    const corrected = await index.search('Waffenregistr', {
      k: 3,
      alsoQuery: [{ text: 'Waffenregister', weight: 0.7 }],
    });
    expect(corrected.map((hit) => hit.id)).toEqual(plain.map((hit) => hit.id));
    corrected.forEach((hit, position) => {
      expect(hit.score).toBeLessThan(plain[position]?.score as number);
    });
  });
});

describe('lexical index of given units', () => {
  it('weighs a match in the item title above the same match in a paragraph', async () => {
    const fixture = [
      unit({ top: '1', para: '1', title: 'Waffenregister', text: 'Die Konferenz berät den Ausbau.' }),
      unit({ top: '2', para: '1', title: 'Verschiedenes', text: 'Die Konferenz berät das Waffenregister.' }),
    ];
    const boosted = createLexicalIndex({ analyzer, units: fixture });
    expect((await boosted.search('Waffenregister', { k: 2 })).map((hit) => hit.id)).toEqual([
      'm/1/1',
      'm/2/1',
    ]);
    const flat = createLexicalIndex({ analyzer, units: fixture, boosts: { title: 0.2 } });
    expect((await flat.search('Waffenregister', { k: 2 })).map((hit) => hit.id)).toEqual(['m/2/1', 'm/1/1']);
  });

  it('refuses an index built by another analyzer version, or a corrupt one', async () => {
    const bytes = createLexicalIndex({ analyzer, units: units.slice(0, 3) }).encode();
    const other = { ...analyzer, version: 'de-analysis-0' };
    expect(() => loadLexicalIndex(bytes, { base: other })).toThrow(
      expect.objectContaining({ code: 'INDEX_MISMATCH', message: expect.stringContaining('de-analysis-0') }),
    );
    expect(() => loadLexicalIndex(new TextEncoder().encode('{not json'), { base: analyzer })).toThrow(
      expect.objectContaining({ code: 'INDEX_CORRUPT' }),
    );
  });
});
