import { describe, expect, it } from 'vitest';
import type { Unit } from '../model.ts';
import { formatMarker, formatMarkers, fullCitation, parseCitationText, parseMarkers } from './marker.ts';

function unit(overrides: Partial<Unit>): Unit {
  return {
    id: 'imk-2020-12-10/46/8',
    meeting: 'imk-2020-12-10',
    top: '46',
    para: '8',
    kind: 'paragraph',
    title: 'Bekämpfung des islamistischen Terrorismus',
    text: '…',
    date: '2020-12-10',
    itemParagraphCount: 9,
    ...overrides,
  };
}

describe('formatMarker', () => {
  it('cites a numbered paragraph with Ziff.', () => {
    expect(formatMarker(unit({}), { withMeeting: false })).toBe('[TOP 46 Ziff. 8]');
  });

  it('cites a one-paragraph item by its TOP alone', () => {
    expect(formatMarker(unit({ top: '9', para: '1', itemParagraphCount: 1 }), { withMeeting: false })).toBe(
      '[TOP 9]',
    );
  });

  it('cites a Protokollnotiz with its label', () => {
    expect(formatMarker(unit({ kind: 'note', para: 'Protokollnotiz SN' }), { withMeeting: false })).toBe(
      '[TOP 46 Protokollnotiz SN]',
    );
  });

  it('prefixes the meeting when several meetings are loaded', () => {
    expect(formatMarker(unit({}), { withMeeting: true })).toBe('[IMK 10.12.2020, TOP 46 Ziff. 8]');
    expect(fullCitation(unit({ top: '6/7', para: '2' }))).toBe('IMK 10.12.2020, TOP 6/7 Ziff. 2');
  });

  it('joins several citations of one statement with semicolons', () => {
    expect(formatMarkers([unit({}), unit({ top: '47', para: '2' })], { withMeeting: false })).toBe(
      '[TOP 46 Ziff. 8; TOP 47 Ziff. 2]',
    );
  });
});

describe('parseMarkers', () => {
  it('round-trips every marker form', () => {
    const units = [
      unit({}),
      unit({ top: '9', para: '1', itemParagraphCount: 1 }),
      unit({ kind: 'note', para: 'Protokollnotiz BY, BW, BB, MV, NW, SL und BMI' }),
      unit({ top: '29.2', para: '3' }),
      unit({ top: '6/7', para: '9' }),
    ];
    for (const withMeeting of [false, true]) {
      for (const u of units) {
        const text = `Aussage ${formatMarker(u, { withMeeting })}.`;
        const [marker] = parseMarkers(text);
        expect(marker?.citations).toHaveLength(1);
        const citation = marker?.citations[0];
        expect(citation?.top).toBe(u.top);
        expect(citation?.para ?? '1').toBe(u.para);
        if (withMeeting) expect(citation?.date).toBe('2020-12-10');
        expect(text.slice(marker?.start, marker?.end)).toBe(marker?.text);
      }
    }
  });

  it('reads several citations in one bracket and tolerant spellings', () => {
    const [marker] = parseMarkers('Das gilt [TOP 46 Ziffer 8; TOP 47 Nr. 2].');
    expect(marker?.citations).toEqual([
      { top: '46', para: '8' },
      { top: '47', para: '2' },
    ]);
  });

  it('ignores brackets that are not citations', () => {
    expect(parseMarkers('Siehe [Anlage 1] und [TOP] und [TOP x].')).toEqual([]);
  });

  it('parses a single citation text', () => {
    expect(parseCitationText('TOP 46 Protokollnotiz SN')).toEqual({ top: '46', para: 'Protokollnotiz SN' });
    expect(parseCitationText('Ziffer 8')).toBeUndefined();
  });
});
