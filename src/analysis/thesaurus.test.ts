import { describe, expect, it } from 'vitest';
import { parseThesaurus } from './thesaurus.ts';

const TEXT = [
  '# comment line',
  'Böller (ugs.);Knallkörper;Kracher (ugs.)',
  'Böller;Feuerwerkskörper',
  'Deputat...;Konzessions...',
  'Arsch (derb);Gesäß;Hintern',
  'a;b;c;d;e;f;g;h;i;j;k;l;m;n;o;p;q;r',
  'Stelle;Ort',
  'Stelle;Posten',
  'Stelle;Passage',
  '(eine Regel) missachten;übertreten',
].join('\n');

describe('parseThesaurus', () => {
  const thesaurus = parseThesaurus({ text: TEXT, maxSetSize: 16, maxSetsPerWord: 2 });

  it('strips annotations and finds a word in each of its sets', () => {
    const sets = thesaurus.setsOf('böller');
    expect(sets).toHaveLength(2);
    expect(sets.map((id) => thesaurus.members(id))).toEqual([
      ['Böller', 'Knallkörper', 'Kracher'],
      ['Böller', 'Feuerwerkskörper'],
    ]);
  });

  it('finds an inflected form by removing its ending', () => {
    expect(thesaurus.setsOf('böllern')).toEqual(thesaurus.setsOf('böller'));
  });

  it('drops truncated, offensive and oversized entries and sets', () => {
    expect(thesaurus.setsOf('deputat')).toEqual([]);
    expect(thesaurus.setsOf('arsch')).toEqual([]);
    expect(thesaurus.members(thesaurus.setsOf('gesäß')[0] as number)).toEqual(['Gesäß', 'Hintern']);
    expect(thesaurus.setsOf('a')).toEqual([]);
  });

  it('gives a word in too many sets no synonyms at all', () => {
    expect(thesaurus.setsOf('stelle')).toEqual([]);
    expect(thesaurus.setsOf('ort')).toHaveLength(1);
  });

  it('keys a multi-word entry by its remaining word once the context in parentheses is gone', () => {
    expect(thesaurus.setsOf('missachten')).toHaveLength(1);
  });

  it('rejects a text without any synonym set, naming the file', () => {
    expect(() => parseThesaurus({ text: '# nothing\n', file: 'empty.txt' })).toThrow(/empty\.txt/);
  });
});
