import { describe, expect, it } from 'vitest';
import { BeschlussError } from '../errors.ts';
import { citeUnit } from './cite.ts';
import { FIXTURE_MEETING, fixtureCatalog, SECOND_MEETING } from './testing/fixture-meeting.ts';

function failure(run: () => unknown): BeschlussError {
  try {
    run();
  } catch (error) {
    if (error instanceof BeschlussError) return error;
    throw error;
  }
  throw new Error('expected a BeschlussError');
}

describe('citeUnit', () => {
  const catalog = fixtureCatalog();

  it('resolves paragraph references in the ways staff write them', () => {
    expect(citeUnit(catalog, 'TOP 46 Ziffer 8').id).toBe('imk-2020-12-10/46/8');
    expect(citeUnit(catalog, 'TOP 46 Ziff. 8').id).toBe('imk-2020-12-10/46/8');
    expect(citeUnit(catalog, 'Ziffer 8 von TOP 46').id).toBe('imk-2020-12-10/46/8');
    expect(citeUnit(catalog, 'IMK 10.12.2020, TOP 29.2 Nr. 2').id).toBe('imk-2020-12-10/29.2/2');
  });

  it('resolves a Protokollnotiz named by its Land', () => {
    expect(citeUnit(catalog, 'Protokollnotiz Sachsen zu TOP 46').id).toBe(
      'imk-2020-12-10/46/Protokollnotiz SN',
    );
    expect(citeUnit(catalog, 'Protokollnotiz zu TOP 6').id).toBe('imk-2020-12-10/6/7/Protokollnotiz SN');
  });

  it('refuses text that names no TOP', () => {
    expect(failure(() => citeUnit(catalog, 'Ziffer 3')).code).toBe('INVALID_REFERENCE');
    expect(failure(() => citeUnit(catalog, 'Was gilt für Sirenen?')).message).toContain('TOP 46 Ziffer 8');
  });

  it('lists every unit of several references as candidates', () => {
    const error = failure(() => citeUnit(catalog, 'TOP 9 und TOP 46 Ziffer 8'));
    expect(error.code).toBe('AMBIGUOUS_REFERENCE');
    expect(error.details?.candidates).toEqual(['imk-2020-12-10/9/1', 'imk-2020-12-10/46/8']);
  });

  it('names the items that exist when the TOP does not', () => {
    const error = failure(() => citeUnit(catalog, 'TOP 99 Ziffer 1'));
    expect(error.code).toBe('UNIT_NOT_FOUND');
    expect(error.message).toContain('TOP 3, 6/7, 9, 29.2, 46');
  });

  it('names the loaded meetings when the reference dates another meeting', () => {
    const error = failure(() => citeUnit(catalog, 'IMK 01.01.2019, TOP 46 Ziffer 8'));
    expect(error.code).toBe('MEETING_NOT_FOUND');
    expect(error.message).toContain('imk-2020-12-10 (2020-12-10)');
  });

  it('tells meetings apart by the date in the reference', () => {
    const both = fixtureCatalog([FIXTURE_MEETING, SECOND_MEETING]);
    expect(citeUnit(both, 'IMK 18.06.2021, TOP 46').id).toBe('imk-2021-06-18/46/1');
    expect(citeUnit(both, 'TOP 46', { meeting: 'imk-2021-06-18' }).id).toBe('imk-2021-06-18/46/1');
  });
});
