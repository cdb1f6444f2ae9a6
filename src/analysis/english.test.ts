import { describe, expect, it } from 'vitest';
import { englishVariants, parseEnglishLexicon } from './english.ts';

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
