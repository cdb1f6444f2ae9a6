import { describe, expect, it } from 'vitest';
import { startsWithBackReference } from './back-reference.ts';

describe('startsWithBackReference', () => {
  it.each([
    'Dies umfasst auch die Ausbildung.',
    'Hierzu legt der AK II einen Bericht vor.',
    'Darüber hinaus prüft das Land die Lage.',
    'Dabei sind die Länder zu beteiligen.',
    'Sie bittet den Bund um Unterstützung.',
    'Zudem soll die Frist verlängert werden.',
    'Solche Maßnahmen sind zu prüfen.',
    'Dort wird ein Lagezentrum eingerichtet.',
    'Derselbe Bericht liegt dem AK II vor.',
  ])('finds the pointer at the start of "%s"', (sentence) => {
    expect(startsWithBackReference(sentence)).toBe(true);
  });

  it.each([
    'Die IMK nimmt den Bericht zur Kenntnis.',
    'Der Bund stellt Mittel bereit.',
    'Daten werden gespeichert.',
    'Es wurden Mittel bereitgestellt.',
    'Sein Ziel ist die Vernetzung.',
  ])('finds none in "%s"', (sentence) => {
    expect(startsWithBackReference(sentence)).toBe(false);
  });
});
