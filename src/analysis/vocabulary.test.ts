import { describe, expect, it } from 'vitest';
import { computeVocabulary } from './vocabulary.ts';

describe('computeVocabulary', () => {
  it('counts words by lower-cased form, keeps the surface written most often, most frequent first', () => {
    const vocabulary = computeVocabulary([
      'Die Polizei prüft. Die polizei berichtet über Polizei-Einsätze.',
      'Die IMK bittet die Polizei.',
    ]);
    expect(vocabulary.slice(0, 2)).toEqual([
      ['Die', 4],
      ['Polizei', 4],
    ]);
    expect(vocabulary).toContainEqual(['Einsätze', 1]);
    expect(vocabulary.some(([word]) => word.length < 3)).toBe(false);
  });
});
