import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tokenize } from './tokenize.ts';

const texts = (text: string) => tokenize(text).map((token) => token.text);
const kindOf = (text: string, value: string) => tokenize(text).find((token) => token.text === value)?.kind;

describe('tokenize', () => {
  it('keeps umlauts and ß inside lower-cased words', () => {
    expect(texts('Maßnahmen der Länder gegenüber Gefährdern')).toEqual([
      'maßnahmen',
      'der',
      'länder',
      'gegenüber',
      'gefährdern',
    ]);
  });

  it('keeps the number after a section sign, with its letter', () => {
    expect(texts('gemäß § 2b UStG und § 86a StGB')).toEqual(['gemäß', '2b', 'ustg', 'und', '86a', 'stgb']);
    expect(kindOf('§ 2b', '2b')).toBe('number');
  });

  it('keeps dotted numbers such as TOP 29.2 whole', () => {
    expect(texts('TOP 29.2 vom 10.12.2020')).toEqual(['top', '29.2', 'vom', '10.12.2020']);
  });

  it('splits a hyphenated compound into its parts and also keeps it joined', () => {
    const tokens = tokenize('Coronavirus-Impfverordnung');
    expect(tokens.map((token) => token.text)).toEqual([
      'coronavirus',
      'impfverordnung',
      'coronavirusimpfverordnung',
    ]);
    expect(tokens[2]?.kind).toBe('compound');
    expect(tokens[2]?.surface).toBe('Coronavirus-Impfverordnung');
  });

  it('drops the dangling hyphen of an elided compound ("Finanz- und Gewerbebehörden", "-transaktionen")', () => {
    expect(texts('Finanz- und Gewerbebehörden beziehungsweise -transaktionen')).toEqual([
      'finanz',
      'und',
      'gewerbebehörden',
      'beziehungsweise',
      'transaktionen',
    ]);
  });

  it('links each fragment of a forward elision to the full word that supplies its head', () => {
    const elided = (text: string) =>
      tokenize(text)
        .filter((token) => token.elision !== undefined)
        .map((token) => [token.text, token.elision?.missing, token.elision?.partner.join('-')]);
    expect(elided('Schreckschuss-, Reizstoff- und Signalwaffen')).toEqual([
      ['schreckschuss', 'head', 'signalwaffen'],
      ['reizstoff', 'head', 'signalwaffen'],
    ]);
    expect(elided('Aus- und Fortbildung')).toEqual([['aus', 'head', 'fortbildung']]);
    expect(elided('Aus-/Fortbildung')).toEqual([['aus', 'head', 'fortbildung']]);
    expect(elided('sowohl Finanz- als auch Gewerbebehörden')).toEqual([
      ['finanz', 'head', 'gewerbebehörden'],
    ]);
    expect(elided('Straf- bzw. Bußgeldverfahren')).toEqual([['straf', 'head', 'bußgeldverfahren']]);
    expect(elided('IT- und Cyber-Sicherheit')).toEqual([['it', 'head', 'cyber-sicherheit']]);
  });

  it('links a backward elision ("und -auswahl") to the full word before it', () => {
    const elided = (text: string) =>
      tokenize(text)
        .filter((token) => token.elision !== undefined)
        .map((token) => [token.text, token.elision?.missing, token.elision?.partner.join('-')]);
    expect(elided('Personalgewinnung und -auswahl')).toEqual([['auswahl', 'modifier', 'personalgewinnung']]);
    expect(elided('Waffenhersteller, -händler und -besitzer')).toEqual([
      ['händler', 'modifier', 'waffenhersteller'],
      ['besitzer', 'modifier', 'waffenhersteller'],
    ]);
    expect(elided('Bund-Länder-Gremien und -Arbeitsgruppen')).toEqual([
      ['arbeitsgruppen', 'modifier', 'bund-länder-gremien'],
    ]);
  });

  it('takes no hyphen for an elision without a conjunction, comma or slash between the words', () => {
    for (const text of [
      'der Gesellschaft -VS-NfD- zur Kenntnis',
      'die Frühjahrs- IMK',
      'Polizei - und Feuerwehr',
      'Bericht 2020 -Anlage',
      'Finanz- und 2020',
    ]) {
      expect(
        tokenize(text).some((token) => token.elision !== undefined),
        text,
      ).toBe(false);
    }
  });

  it('gives every fragment of a chain the last full word as partner (property)', () => {
    const word = fc
      .tuple(fc.constantFrom('A', 'B', 'K', 'S', 'Ü'), fc.stringMatching(/^[a-zäöü]{2,8}$/))
      .map(([first, rest]) => first + rest)
      .filter((candidate) => !['Und', 'Oder', 'Als', 'Auch', 'Wie', 'Bis', 'Noch'].includes(candidate));
    fc.assert(
      fc.property(
        fc.array(word, { minLength: 1, maxLength: 4 }),
        word,
        fc.constantFrom(' und ', ' oder ', '/', ' bzw. ', ' sowie '),
        (fragments, full, joiner) => {
          const text = `${fragments.map((fragment) => `${fragment}-`).join(', ')}${joiner}${full}`;
          const elided = tokenize(text).filter((token) => token.elision !== undefined);
          expect(elided.map((token) => token.text)).toEqual(
            fragments.map((fragment) => fragment.toLowerCase()),
          );
          for (const token of elided)
            expect(token.elision).toEqual({ missing: 'head', partner: [full.toLowerCase()] });
        },
      ),
    );
  });

  it('marks all-caps and mixed-case acronyms', () => {
    for (const acronym of ['NWR', 'DHPol', 'BMI', 'BfV', 'JuMiKo']) {
      expect(kindOf(`das ${acronym} prüft`, acronym.toLowerCase()), acronym).toBe('acronym');
    }
    expect(kindOf('Das Register', 'das')).toBe('word');
  });

  it('gives "AK II" and "Arbeitskreis II" the same committee token, and keeps the numeral significant', () => {
    const short = tokenize('beauftragt den AK II');
    const long = tokenize('beauftragt den Arbeitskreis II');
    expect(short.filter((token) => token.kind === 'entity').map((token) => token.text)).toEqual(['ak_ii']);
    expect(long.filter((token) => token.kind === 'entity').map((token) => token.text)).toEqual(['ak_ii']);
    expect(texts('AK IV und UA FEK und AG IPM')).toEqual(
      expect.arrayContaining(['ak_iv', 'ua_fek', 'ag_ipm']),
    );
    expect(texts('AK IV')).not.toContain('ak_ii');
  });

  it('does not take a lower-case "ag" or a plain following word for a committee', () => {
    expect(tokenize('die ag II').some((token) => token.kind === 'entity')).toBe(false);
    expect(tokenize('der Arbeitskreis tagt').some((token) => token.kind === 'entity')).toBe(false);
  });

  it('reports offsets that point at the surface text (property)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 80 }), (text) => {
        for (const token of tokenize(text)) {
          if (token.kind === 'entity') continue;
          expect(text.slice(token.start, token.end)).toBe(token.surface);
          expect(token.text).toBe(token.text.toLowerCase());
          expect(token.text.length).toBeGreaterThan(0);
        }
      }),
    );
  });
});
