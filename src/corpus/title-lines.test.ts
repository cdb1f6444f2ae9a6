import { describe, expect, it } from 'vitest';
import { joinTitleLines } from './title-lines.ts';

function join(printed: string[], width: number): string {
  const lines = [printed[0]?.replace(/^TOP [\d.]+:\s*/u, '') ?? '', ...printed.slice(1)];
  return joinTitleLines(lines, { width, printed });
}

describe('joinTitleLines', () => {
  it('keeps a line the printer ended early before a capitalised subtitle apart with a dash', () => {
    expect(join(['TOP 5: Digitalfunk (BOS)', 'Ausbau der Netze'], 60)).toBe(
      'Digitalfunk (BOS) – Ausbau der Netze',
    );
  });

  it('runs on where the next word would not have fitted (the printer only wrapped)', () => {
    expect(join(['TOP 5: Bericht zur Lage der Polizei der Länder', 'Cybersicherheit'], 50)).toBe(
      'Bericht zur Lage der Polizei der Länder Cybersicherheit',
    );
  });

  it('runs on after an article, adjective or preposition, after punctuation, and before a lower-case word', () => {
    expect(join(['TOP 5: Schutz der', 'Feuerwehren'], 80)).toBe('Schutz der Feuerwehren');
    expect(join(['TOP 5: Einführung einer bundesweiten', 'Warnung'], 80)).toBe(
      'Einführung einer bundesweiten Warnung',
    );
    expect(join(['TOP 5: Waffenrecht:', 'Änderungen'], 80)).toBe('Waffenrecht: Änderungen');
    expect(join(['TOP 5: Lagebild Clans', 'in den Ländern'], 80)).toBe('Lagebild Clans in den Ländern');
    expect(join(['TOP 5: Arbeitsgruppe', '"Sirenen"'], 80)).toBe('Arbeitsgruppe "Sirenen"');
  });

  it('undoes printer hyphenation as joinLines does, and treats width 0 as wrapping only', () => {
    expect(join(['TOP 5: Kooperations-', 'bereitschaft'], 80)).toBe('Kooperationsbereitschaft');
    expect(join(['TOP 5: Digitalfunk (BOS)', 'Ausbau'], 0)).toBe('Digitalfunk (BOS) Ausbau');
  });
});
