import { describe, expect, it } from 'vitest';
import { errorOf } from '../testing/errors.ts';
import { citeReference, citeUnit } from './cite.ts';
import { FIXTURE_MEETING, fixtureCatalog, SECOND_MEETING } from './testing/fixture-meeting.ts';

describe('citeUnit', () => {
  const catalog = fixtureCatalog();

  it('resolves paragraph references in the ways staff write them', () => {
    expect(citeUnit(catalog, 'TOP 46 Ziffer 8').id).toBe('imk-2020-12-10/46/8');
    expect(citeUnit(catalog, 'TOP 46 Ziff. 8').id).toBe('imk-2020-12-10/46/8');
    expect(citeUnit(catalog, 'Nr. 8 aus TOP 46').id).toBe('imk-2020-12-10/46/8');
    expect(citeUnit(catalog, 'IMK 10.12.2020, TOP 29.2 Nr. 2').id).toBe('imk-2020-12-10/29.2/2');
  });

  it('resolves a Protokollnotiz named by its Land', () => {
    expect(citeUnit(catalog, 'die Protokollnotiz von Sachsen unter TOP 46').id).toBe(
      'imk-2020-12-10/46/Protokollnotiz SN',
    );
    expect(citeUnit(catalog, 'Protokollnotiz zu TOP 6').id).toBe('imk-2020-12-10/6/7/Protokollnotiz SN');
  });

  it('resolves every label the answers and the page print', () => {
    expect(citeUnit(catalog, 'TOP 6/7 Ziff. 1').id).toBe('imk-2020-12-10/6/7/1');
    expect(citeUnit(catalog, 'TOP 7 Ziff. 1').id).toBe('imk-2020-12-10/6/7/1');
    expect(citeUnit(catalog, 'TOP 6 und 7 Ziffer 1').id).toBe('imk-2020-12-10/6/7/1');
    expect(citeUnit(catalog, 'TOP 7/6 Ziffer 1').id).toBe('imk-2020-12-10/6/7/1');
    expect(citeUnit(catalog, '[IMK 10.12.2020, TOP 46 Ziff. 8]').id).toBe('imk-2020-12-10/46/8');
    expect(citeUnit(catalog, 'TOP 46 Protokollnotiz SN').id).toBe('imk-2020-12-10/46/Protokollnotiz SN');
    expect(citeUnit(catalog, 'IMK 10.12.2020, TOP 6/7 Protokollnotiz SN').id).toBe(
      'imk-2020-12-10/6/7/Protokollnotiz SN',
    );
  });

  it('opens a whole item for a bare TOP of several units, and the one paragraph of a one-paragraph item', () => {
    const whole = citeReference(catalog, 'TOP 46');
    expect(whole.item?.top).toBe('46');
    expect(whole.unit.id).toBe('imk-2020-12-10/46/1');
    expect(citeReference(catalog, 'TOP 9')).toEqual({ unit: catalog.get('imk-2020-12-10/9/1') });
    expect(errorOf(() => citeUnit(catalog, 'TOP 46')).code).toBe('AMBIGUOUS_REFERENCE');
  });

  it('offers the Protokollnotizen that exist when the one named does not', () => {
    const error = errorOf(() => citeUnit(catalog, 'TOP 29.2 Protokollnotiz HH'));
    expect(error.code).toBe('UNIT_NOT_FOUND');
    expect(error.message).toBe(
      'TOP 29.2 hat keine Protokollnotiz von HH. Vorhanden: TOP 29.2 Ziff. 1, TOP 29.2 Ziff. 2.',
    );
  });

  it('refuses text that names no TOP', () => {
    expect(errorOf(() => citeUnit(catalog, 'Ziffer 3')).code).toBe('INVALID_REFERENCE');
    expect(errorOf(() => citeUnit(catalog, 'Was gilt für Sirenen?')).message).toBe(
      'In „Was gilt für Sirenen?“ ist keine Fundstelle zu erkennen. Bitte TOP und Ziffer angeben, z. B. „TOP 46 Ziffer 8“ oder „TOP 46 Protokollnotiz SN“.',
    );
  });

  it('lists every unit of several references as candidates', () => {
    const error = errorOf(() => citeUnit(catalog, 'TOP 9 und TOP 46 Ziffer 8'));
    expect(error.code).toBe('AMBIGUOUS_REFERENCE');
    expect(error.details?.candidates).toEqual(['imk-2020-12-10/9/1', 'imk-2020-12-10/46/8']);
  });

  it('names the items that exist when the TOP does not', () => {
    const error = errorOf(() => citeUnit(catalog, 'TOP 99 Ziffer 1'));
    expect(error.code).toBe('UNIT_NOT_FOUND');
    expect(error.message).toBe(
      'Einen TOP 99 gibt es in der IMK 10.12.2020 nicht. Nächstgelegen: TOP 6/7, TOP 9, TOP 29.2, TOP 46.',
    );
    expect(error.details?.suggestions).toEqual(['TOP 6/7', 'TOP 9', 'TOP 29.2', 'TOP 46']);
  });

  it('names the loaded meetings when the reference dates another meeting', () => {
    const error = errorOf(() => citeUnit(catalog, 'IMK 01.01.2019, TOP 46 Ziffer 8'));
    expect(error.code).toBe('MEETING_NOT_FOUND');
    expect(error.message).toBe('Zu dieser Fundstelle ist keine Sitzung geladen; geladen: IMK 10.12.2020.');
    expect(error.details?.suggestions).toEqual(['IMK 10.12.2020, TOP 46 Ziff. 8']);
  });

  it('tells meetings apart by the date in the reference', () => {
    const both = fixtureCatalog([FIXTURE_MEETING, SECOND_MEETING]);
    expect(citeUnit(both, 'IMK 18.06.2021, TOP 46').id).toBe('imk-2021-06-18/46/1');
    expect(citeUnit(both, 'TOP 46', { meeting: 'imk-2021-06-18' }).id).toBe('imk-2021-06-18/46/1');
  });
});
