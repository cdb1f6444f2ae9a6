// Hybrid retrieval on the real corpus: references resolve exactly and first; paraphrases, English and modes work.
import { describe, expect, it } from 'vitest';
import { useRealCorpus } from '../assistant/testing/real-corpus.ts';

const corpus = useRealCorpus();

const search = (query: string, options = {}) => corpus().state.retriever.search(query, { k: 5, ...options });
const ids = async (query: string, options = {}) => (await search(query, options)).map((source) => source.id);
const tops = async (query: string, options = {}) =>
  (await search(query, options)).map((source) => source.top);

describe('hybrid retriever', () => {
  it.each([
    ['TOP 21 Ziffer 2', 'imk-2020-12-10/21/2'],
    ['TOP 50 Nr. 5', 'imk-2020-12-10/50/5'],
    ['Ziff. 2 von TOP 23', 'imk-2020-12-10/23/2'],
    ['Protokollnotiz Bayern zu TOP 39', 'imk-2020-12-10/39/Protokollnotiz BY'],
    ['TOP 7', 'imk-2020-12-10/6/7/1'],
  ])('ranks the unit %s names first', async (query, expected) => {
    expect((await ids(query))[0]).toBe(expected);
  });

  it.each([
    ['Böller zu Silvester', '39'],
    ['Corona-Impfung', '53'],
    ['Arbeitskreis IV Finanzströme Rechtsextremismus', '3'],
    ['national weapons register', '22'],
    ['mission in Sudan', '49'],
  ])('finds "%s" in TOP %s without an exact reference', async (query, top) => {
    expect(await tops(query)).toContain(top);
  });

  it('returns sources in the contract shape with descending scores', async () => {
    const results = await search('Kampfmittelräumung', { k: 4 });
    expect(results).toHaveLength(4);
    for (const source of results) {
      expect(Object.keys(source).sort()).toEqual(['id', 'meeting', 'para', 'score', 'text', 'title', 'top']);
    }
    const scores = results.map((source) => source.score ?? 0);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
  });

  it('answers in each mode, and the modes differ in what they rank', async () => {
    for (const mode of ['lexical', 'vector', 'hybrid'] as const) {
      const results = await ids('Nationales Waffenregister Sachstand', { mode });
      expect(results.length).toBeGreaterThan(0);
      expect(results.some((id) => id.startsWith('imk-2020-12-10/22/'))).toBe(true);
    }
    const ranked = await corpus().state.retriever.rank('Nationales Waffenregister', { k: 5 });
    expect(ranked.some((entry) => entry.lexicalRank !== undefined && entry.vectorRank !== undefined)).toBe(
      true,
    );
  });

  it('honours a meeting filter', async () => {
    expect(await ids('Waffenregister', { meeting: 'imk-1999-01-01' })).toEqual([]);
    expect((await ids('Waffenregister', { meeting: 'imk-2020-12-10' })).length).toBeGreaterThan(0);
  });
});

describe('hybrid retriever with misspelt words', () => {
  it.each([
    ['Waffenregster Sachstand', '22'],
    ['Fussballstadien Sicherheit', '27'],
    ['Bekaempfung Drogenkriminalitaet', '47'],
  ])('finds "%s" in TOP %s and suggests the corrected query', async (query, top) => {
    expect(await tops(query)).toContain(top);
    const suggestion = corpus().state.retriever.spell?.(query);
    expect(suggestion?.text).not.toBe(query);
    expect(suggestion?.corrections.length).toBeGreaterThan(0);
  });

  it('searches the lexical index with the corrected word as well as the word as typed', async () => {
    expect(await tops('Waffenregster', { k: 3, mode: 'lexical' })).toContain('22');
    expect(await corpus().state.lexical.search('Waffenregster', { k: 3 })).toEqual([]);
  });

  it('suggests nothing for a question in correct German', () => {
    expect(corpus().state.retriever.spell?.('Wer berichtet bis wann über die Beschlüsse?')).toBeUndefined();
  });
});
