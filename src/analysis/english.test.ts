import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DATA_DIR } from '../paths.ts';
import {
  decodeEnglishLexicon,
  type EnglishLexicon,
  englishVariants,
  parseEnglishLexicon,
} from './english.ts';

describe('englishVariants', () => {
  it('adds singular and base forms of the last word', () => {
    expect(englishVariants('weapons')).toContain('weapon');
    expect(englishVariants('authorities')).toContain('authority');
    expect(englishVariants('weapons registers')).toContain('weapons register');
    expect(englishVariants('registered')).toContain('register');
    expect(englishVariants('class')).toEqual(['class']);
  });
});

describe('parseEnglishLexicon', () => {
  const lexicon = parseEnglishLexicon(
    [
      '# header',
      'firework\tFeuerwerkskörper',
      'fireworks\tFeuerwerk;Feuerwerkskörper',
      'weapon\tWaffe',
      '',
    ].join('\n'),
  );

  it('looks up headwords by binary search over the sorted lines', () => {
    expect(lexicon.size).toBe(3);
    expect(lexicon.lookup('fireworks')).toEqual(['Feuerwerk', 'Feuerwerkskörper']);
    expect(lexicon.lookup('Weapons')).toEqual(['Waffe']);
    expect(lexicon.lookup('aardvark')).toBeUndefined();
    expect(lexicon.lookup('zebra')).toBeUndefined();
  });
});

describe('the shipped lexicon (data/lexicon/en-de.tsv.gz)', () => {
  let lexicon: EnglishLexicon;
  beforeAll(async () => {
    const file = path.join(DATA_DIR, 'lexicon', 'en-de.tsv.gz');
    lexicon = await decodeEnglishLexicon(await readFile(file), file);
  });

  it('keeps several German translations of a general headword, the general ones first', () => {
    for (const english of [
      'report',
      'deadline',
      'detention',
      'register',
      'resolution',
      'decide',
      'discuss',
    ]) {
      expect(lexicon.lookup(english)?.length ?? 0, english).toBeGreaterThanOrEqual(6);
    }
    expect(lexicon.lookup('report')?.[0]).toBe('Bericht');
    expect(lexicon.lookup('police')?.[0]).toBe('Polizei');
    expect(lexicon.lookup('deadline')?.slice(0, 3)).toContain('Frist');
    // Verbs whose Ding group tags only its last alternative ("beschließen; …; entscheiden {vt}").
    expect(lexicon.lookup('decide')).toEqual(expect.arrayContaining(['entscheiden', 'beschließen']));
    expect(lexicon.lookup('discuss')).toEqual(expect.arrayContaining(['erörtern', 'diskutieren']));
  });

  it('keeps multi-word English phrases, with hyphens read as spaces', () => {
    expect(lexicon.lookup('working group')).toContain('Arbeitsgruppe');
    expect(lexicon.lookup('fire brigade')).toContain('Feuerwehr');
    expect(lexicon.lookup('blank firing gun')).toContain('Schreckschusswaffe');
    expect(lexicon.lookup('right wing extremism')).toContain('Rechtsextremismus');
    expect(lexicon.lookup('take into account')).toContain('berücksichtigen');
  });

  it('covers general terms of administration, police and law', () => {
    for (const english of [
      'custody',
      'preventive',
      'criminal offence',
      'threat',
      'vaccination',
      'municipality',
      'extremism',
      'surveillance',
      'deportation',
      'fireworks',
    ]) {
      expect(lexicon.lookup(english)?.length ?? 0, english).toBeGreaterThan(0);
    }
  });
});
