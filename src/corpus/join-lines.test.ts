import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { joinLines } from './join-lines.ts';

describe('joinLines', () => {
  it('joins lines with single spaces and trims them', () => {
    expect(joinLines(['  Die IMK nimmt den Bericht ', '', 'zur Kenntnis.  '])).toBe(
      'Die IMK nimmt den Bericht zur Kenntnis.',
    );
  });

  it.each([
    [
      ['eine nur geringe Kooperations-', 'bereitschaft zeigen'],
      'eine nur geringe Kooperationsbereitschaft zeigen',
    ],
    [['Waffenhersteller und -', 'händler sowie'], 'Waffenhersteller und -händler sowie'],
    [
      ['Stärkung der wissenschaftlich-', 'analytischen Fähigkeiten'],
      'Stärkung der wissenschaftlich-analytischen Fähigkeiten',
    ],
    [['bis zur Frühjahrs-', 'IMK 2021 zu prüfen'], 'bis zur Frühjahrs-IMK 2021 zu prüfen'],
    [
      ['zur sogenannten Quellen-', 'Telekommunikations-überwachung und'],
      'zur sogenannten Quellen-Telekommunikations-überwachung und',
    ],
    [['der Finanz- ', 'und Gewerbebehörden'], 'der Finanz- und Gewerbebehörden'],
    [['Rechtsextremismus haben -', 'wie jeder andere'], 'Rechtsextremismus haben - wie jeder andere'],
    [
      ['Personalgewinnung und -', 'auswahl, Aus- und Fortbildung'],
      'Personalgewinnung und -auswahl, Aus- und Fortbildung',
    ],
    [['die Wirtschaftlich-', 'keit der Maßnahmen'], 'die Wirtschaftlichkeit der Maßnahmen'],
    [['eine Covid-', '19-Verordnung'], 'eine Covid-19-Verordnung'],
  ])('applies the line-end hyphen rule to %j', (lines, expected) => {
    expect(joinLines(lines)).toBe(expected);
  });

  it('never loses or adds a character other than whitespace and line-end hyphens', () => {
    const word = fc.stringMatching(/^[A-Za-zäöüß.,-]{1,10}$/);
    const line = fc.array(word, { maxLength: 6 }).map((words) => words.join(' '));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const strip = (text: string) => text.replace(/[\s-]/g, '');
        expect(strip(joinLines(lines))).toBe(strip(lines.join('')));
        expect(joinLines(lines)).not.toMatch(/\s\s|^\s|\s$/);
      }),
    );
  });
});
