import { describe, expect, it } from 'vitest';
import { askedSlots, fillsSlot, missingRequiredSlot, questionFocus, type Slot } from './slots.ts';

const slots = (question: string) => [...askedSlots(question)].sort();

describe('askedSlots', () => {
  it.each<[string, Slot[]]>([
    ['Bis wann muss der Arbeitskreis seinen Bericht abgeben?', ['date']],
    ['When is the working group due to report?', ['date']],
    ['Wie viele Beamte gehen in den Einsatz?', ['count']],
    ['How many officers are sent?', ['count']],
    ['Wie viel Geld gibt der Bund dafür aus?', ['amount']],
    ['Wie viele Millionen Euro kostet das Programm?', ['amount']],
    ['Wie lange läuft das Pilotprojekt?', ['duration']],
    ['How long will the pilot run?', ['duration']],
    ['Wo tagt die nächste Konferenz?', ['place']],
    ['In welcher Stadt wurde das Zentrum eröffnet?', ['place']],
    ['Welcher Staatssekretär leitet die Arbeitsgruppe?', ['person']],
    ['Wer soll die Regeln überarbeiten?', ['actor']],
  ])('"%s" asks for %j', (question, expected) => {
    expect(slots(question)).toEqual(expected);
  });

  it('reads a question that opens with its verb as a yes/no question', () => {
    for (const question of [
      'Gibt es ein Verbot von Pyrotechnik?',
      'Hat die IMK den Bericht gebilligt?',
      'Bekommen Kommunen mehr Befugnisse?',
      'Does the conference support the pilot?',
    ]) {
      expect(askedSlots(question).has('decision'), question).toBe(true);
    }
    for (const question of [
      'Was beschließt die IMK zum Pilotprojekt?',
      'Pyrotechnik Verbot',
      'Wie lange läuft es?',
    ]) {
      expect(askedSlots(question).has('decision'), question).toBe(false);
    }
  });

  it('takes "which minister" for a person and not for any actor', () => {
    expect(slots('Which minister chairs the conference?')).toEqual(['person']);
  });
});

describe('questionFocus', () => {
  it('is the noun a which/how-many question asks about', () => {
    expect(questionFocus('Welche Gebühren fallen an?')).toBe('Gebühren');
    expect(questionFocus('Wie viele neue Stellen gibt es?')).toBe('Stellen');
    expect(questionFocus('Which ministry is in charge?')).toBe('ministry');
    expect(questionFocus('Was gilt für die Leuchttürme?')).toBeUndefined();
    // A noun that only names the kind of answer is no focus.
    expect(questionFocus('Mit welcher Frist soll berichtet werden?')).toBeUndefined();
    expect(questionFocus('What does the conference want?')).toBeUndefined();
  });
});

describe('fillsSlot', () => {
  // Each slot is found only as itself: a sum is no count, a count no sum.
  it.each<[string, Slot, boolean]>([
    ['Die IMK bittet den AK II, zur Herbstsitzung 2022 zu berichten.', 'date', true],
    ['Die Vereinbarung gilt ab 01.03.21.', 'date', true],
    ['Die IMK nimmt den Bericht (Stand: 03.05.21) zur Kenntnis.', 'date', false],
    ['Die IMK nimmt den Bericht zur Kenntnis.', 'date', false],
    ['Bis zu zwölf Beamte werden entsandt.', 'count', true],
    ['Der Bund stellt 5 Mio. Euro bereit.', 'amount', true],
    ['Bis zu zwölf Beamte werden entsandt.', 'amount', false],
    ['Das Projekt ist auf zwei Jahre befristet.', 'duration', true],
    ['Das Projekt wird fortgesetzt.', 'duration', false],
    // a person by title and name, an actor by body
    ['Minister Mustermann berichtete mündlich.', 'person', true],
    ['Das Land berichtete mündlich.', 'person', false],
    ['Sie beauftragt den AK II mit der Prüfung.', 'actor', true],
    ['Das Bundeskriminalamt soll die Lage prüfen.', 'actor', true],
    ['Die Sicherheitsbehörden hatten keine Erkenntnisse.', 'actor', false],
    // the sentence that decides a yes/no question
    ['Die IMK lehnt eine Änderung ab.', 'decision', true],
    ['Die IMK hält eine Änderung für erforderlich.', 'decision', true],
    ['Im Jahr 2020 gab es 25 Fälle.', 'decision', false],
  ])('%j fills %s: %s', (sentence, slot, expected) => {
    expect(fillsSlot(sentence, slot)).toBe(expected);
  });

  it('finds a place: a Land by name, or a proper name after a preposition', () => {
    const context = { isCommonNoun: (word: string) => ['Polizei', 'Zukunft'].includes(word) };
    expect(fillsSlot('Die Konferenz tagt in Niedersachsen.', 'place', context)).toBe(true);
    expect(fillsSlot('Die Konferenz tagt in Lüneburg.', 'place', context)).toBe(true);
    expect(fillsSlot('Die Aufgaben in der Polizei wachsen in Zukunft.', 'place', context)).toBe(false);
  });
});

describe('missingRequiredSlot', () => {
  it('names a required slot no sentence fills, and ignores the steering slots', () => {
    const sentences = ['Die IMK beauftragt den AK II, das Konzept zu prüfen.'];
    expect(missingRequiredSlot(new Set<Slot>(['date']), sentences)).toBe('date');
    expect(missingRequiredSlot(new Set<Slot>(['actor', 'decision']), sentences)).toBeUndefined();
    expect(
      missingRequiredSlot(new Set<Slot>(['date']), [...sentences, 'Sie berichtet bis Ende 2022.']),
    ).toBeUndefined();
  });
});
