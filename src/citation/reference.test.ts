import { describe, expect, it } from 'vitest';
import { findReferences, labelCodesIn } from './reference.ts';

function simple(question: string) {
  return findReferences(question).map(({ start: _start, end: _end, ...rest }) => rest);
}

describe('findReferences', () => {
  it.each([
    ['TOP 21 Ziffer 2', { top: '21', para: '2' }],
    ['Inhalt von TOP 50 Nr. 5?', { top: '50', para: '5' }],
    ['Was sagt Ziff. 2 von TOP 23?', { top: '23', para: '2' }],
    ['Ziffer 2 des Beschlusses zu TOP 23', { top: '23', para: '2' }],
    ['Was steht in TOP 7?', { top: '7' }],
    ['TOP 29.2, Ziffer 1', { top: '29.2', para: '1' }],
    ['What does agenda item 46, paragraph 8 say?', { top: '46', para: '8' }],
    ['top 46 abs. 4', { top: '46', para: '4' }],
    ['TOP 6/7 Ziff. 8', { top: '6/7', para: '8' }],
    ['TOP 6 / 7, Ziffer 8', { top: '6/7', para: '8' }],
    ['TOP 6 und 7 Ziffer 8', { top: '6/7', para: '8' }],
    ['Worum geht es in TOP 6 u. 7?', { top: '6/7' }],
    ['[IMK 10.12.2020, TOP 46 Ziff. 8]', { top: '46', para: '8', date: '2020-12-10' }],
  ])('reads %s', (question, expected) => {
    expect(simple(question)).toEqual([expected]);
  });

  it('reads a Protokollnotiz of a named Land attached to its TOP', () => {
    expect(simple('Protokollnotiz Bayern zu TOP 39')).toEqual([{ top: '39', noteBy: ['BY'] }]);
    expect(simple('TOP 46 Protokollnotiz SN')).toEqual([{ top: '46', noteBy: ['SN'] }]);
  });

  it('reads a note question without a TOP', () => {
    expect(simple('Was gab Hamburg zu Protokoll?')).toEqual([{ noteBy: ['HH'] }]);
    expect(simple('Welche Protokollnotizen gibt es?')).toEqual([{ noteBy: [] }]);
  });

  it('takes the meeting date from the reference', () => {
    expect(simple('IMK 10.12.2020, TOP 46 Ziff. 8')).toEqual([{ top: '46', para: '8', date: '2020-12-10' }]);
    expect(simple('TOP 3 der IMK vom 10.12.20')).toEqual([{ top: '3', date: '2020-12-10' }]);
  });

  it('keeps a bare paragraph reference for follow-ups', () => {
    expect(simple('Und was steht in Ziffer 3?')).toEqual([{ para: '3' }]);
  });

  it('finds nothing in a plain question', () => {
    expect(findReferences('Bis wann soll wer den Warntag auswerten?')).toEqual([]);
    expect(findReferences('Was beschloss die IMK zu 5G?')).toEqual([]);
  });

  it('keeps "und" between a TOP and a count of something apart', () => {
    expect(simple('Was sagen TOP 3 und 5 Länder?')).toEqual([{ top: '3' }]);
  });

  it('reads several references', () => {
    expect(simple('Vergleiche TOP 3 Ziffer 3 und TOP 5 Ziffer 5')).toEqual([
      { top: '3', para: '3' },
      { top: '5', para: '5' },
    ]);
  });
});

describe('labelCodesIn', () => {
  it('maps names and capitalised codes, longest name first', () => {
    expect(labelCodesIn('Sachsen-Anhalt und Bayern')).toEqual(expect.arrayContaining(['ST', 'BY']));
    expect(labelCodesIn('Sachsen-Anhalt')).toEqual(['ST']);
    expect(labelCodesIn('in Hamburg')).toEqual(['HH']);
    expect(labelCodesIn('Note by HH')).toEqual(['HH']);
    expect(labelCodesIn('in be sn')).toEqual([]);
  });
});
