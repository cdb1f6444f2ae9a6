import { describe, expect, it } from 'vitest';
import { cuesOf } from './cues.ts';

describe('cuesOf', () => {
  it.each([
    'Die IMK beauftragt den AK II, zur Frühjahrskonferenz 2021 zu berichten.',
    'Sie bittet, bis zur Frühjahrs-IMK 2021 zu prüfen.',
    'bis spätestens Ende März 2021 einen Mustererlass zu entwickeln',
    'zu ihrer Herbstsitzung 2021 erneut zu berichten',
    'kurzfristig eine gemeinsame Arbeitsgruppe einzuberufen',
    'für den Zeitraum ab 01.09.20 eine Vereinbarung abgeschlossen',
  ])('finds the deadline in %j, written the way resolutions write them', (sentence) => {
    expect(cuesOf(sentence).deadline).toBe(true);
  });

  it('does not take the date of a report ("Stand: …") for a deadline', () => {
    expect(cuesOf('Die IMK nimmt den Bericht (Stand: 05.11.20) zur Kenntnis.').deadline).toBe(false);
  });

  it('finds mandates, actors and numbers', () => {
    const cues = cuesOf('Die IMK stimmt der Entsendung von bis zu zehn Beamtinnen und Beamten zu.');
    expect(cues.number).toBe(true);
    expect(cues.mandate).toBe(false);
    expect(
      cuesOf('Die IMK nimmt den Bericht (Stand: 22.10.20) zu TOP 9 der 212. IMK zur Kenntnis.').number,
    ).toBe(false);
    expect(cuesOf('Sie nimmt den Bericht nach Nr. 42 MiStra vom Juli 2020 zur Kenntnis.').number).toBe(false);
    expect(cuesOf('Es wurden 25 Fälle gemeldet.').number).toBe(true);
    const mandate = cuesOf('Sie beauftragt den AK IV, erneut zu berichten.');
    expect(mandate).toMatchObject({ mandate: true, actor: true });
  });
});
