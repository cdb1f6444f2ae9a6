import { beforeAll, describe, expect, it } from 'vitest';
import { loadBaseLexicon } from './base-lexicon.ts';
import { buildLexicon, type Lexicon, lexiconOf } from './lexicon.ts';

let base: Lexicon;
beforeAll(async () => {
  base = await loadBaseLexicon();
});

const NWR = 'TOP 22: Nationales Waffenregister (NWR) Betrieb und Ausbau';

describe('buildLexicon', () => {
  it('learns the acronyms the texts define, in order, on the base', () => {
    const lexicon = buildLexicon(base, [NWR, 'im Gemeinsamen Lagezentrum (GLZ) der Länder']);
    expect(lexicon.learned).toEqual([
      { short: 'NWR', long: ['Nationales Waffenregister'] },
      { short: 'GLZ', long: ['Gemeinsamen Lagezentrum'] },
    ]);
    expect(lexicon.base).toBe(base.base);
    expect(lexicon.abbreviations.slice(-2)).toEqual(lexicon.learned);
    expect(lexicon.abbreviations.length).toBe(base.base.glossary.length + 2);
  });

  it('keeps the first definition of a short form and never redefines the glossary', () => {
    const lexicon = buildLexicon(base, [
      NWR,
      'das Neue Waffenrecht (NWR) und',
      'Bundesministerium des Innern (BMI)',
    ]);
    expect(lexicon.learned).toEqual([{ short: 'NWR', long: ['Nationales Waffenregister'] }]);
  });

  it('starts from the base again: acronyms the texts no longer define are gone', () => {
    const before = buildLexicon(base, [NWR]);
    const after = buildLexicon(before, ['ohne Definitionen']);
    expect(after.learned).toEqual([]);
    expect(after.id).toBe(base.id);
  });

  it('is named by its content: the same texts give the same id, other acronyms another', () => {
    expect(buildLexicon(base, [NWR]).id).toBe(buildLexicon(base, [NWR]).id);
    expect(buildLexicon(base, [NWR]).id).not.toBe(base.id);
    expect(buildLexicon(base, ['im Gemeinsamen Lagezentrum (GLZ)']).id).not.toBe(
      buildLexicon(base, [NWR]).id,
    );
  });

  it('is immutable', () => {
    const lexicon = buildLexicon(base, [NWR]);
    expect(Object.isFrozen(lexicon)).toBe(true);
    expect(Object.isFrozen(lexicon.learned)).toBe(true);
    expect(Object.isFrozen(lexicon.learned[0]?.long)).toBe(true);
    expect(() => (lexicon.learned as unknown[]).push({ short: 'X', long: ['x'] })).toThrow(TypeError);
  });
});

describe('lexiconOf', () => {
  it('copies what it is given, so later changes of the caller do not reach it', () => {
    const learned = [{ short: 'NWR', long: ['Nationales Waffenregister'] }];
    const lexicon = lexiconOf(base.base, learned);
    learned[0]?.long.push('Waffenregister');
    expect(lexicon.learned[0]?.long).toEqual(['Nationales Waffenregister']);
  });
});
