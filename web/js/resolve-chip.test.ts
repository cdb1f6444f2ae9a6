import { describe, expect, it } from 'vitest';
import { renderAbstention, renderAnswer } from '../../src/answer/render.ts';
import { toSource } from '../../src/model.ts';
import { FIXTURE_MEETING, fixtureCatalog, SECOND_MEETING } from '../../src/server/testing/fixture-meeting.ts';
import { answerBlocks, inlineSegments } from './answer-text.js';
import { type ChipTurn, hintItem, resolveChip } from './resolve-chip.js';

const catalog = fixtureCatalog([FIXTURE_MEETING, SECOND_MEETING]);
const unit = (id: string) => catalog.get(id)!;

/** The chips of an answer text as the page renders them: each marker citation with the quote before it. */
function chipsOf(text: string) {
  return answerBlocks(text)
    .flatMap((block) => (block.type === 'list' ? block.items : [block.text]))
    .flatMap((line) => inlineSegments(line))
    .flatMap((segment) =>
      segment.type === 'marker'
        ? segment.citations.map((citation) => ({ citation, quote: segment.quote }))
        : [],
    );
}

describe('resolveChip', () => {
  it('resolves every chip of a rendered answer to the unit its statement cites, with that statement as quote', () => {
    const sirens = unit('imk-2020-12-10/29.2/2');
    // Two statements quoting different parts of one unit.
    const [first, second] = sirens.text.split(', ');
    expect(second).toBeDefined();
    const evidence = [
      { unit: unit('imk-2020-12-10/46/8'), text: unit('imk-2020-12-10/46/8').text, score: 1 },
      { unit: unit('imk-2021-06-18/46/1'), text: unit('imk-2021-06-18/46/1').text, score: 1 },
      { unit: sirens, text: first!, score: 1 },
      { unit: sirens, text: second!, score: 1 },
      { unit: unit('imk-2020-12-10/6/7/1'), text: unit('imk-2020-12-10/6/7/1').text, score: 1 },
    ];
    const answer = renderAnswer(evidence, [], { language: 'de', withMeeting: true });
    const turn: ChipTurn = { answer, sources: [] };
    const resolved = chipsOf(answer.answer).map((chip) => resolveChip(turn, chip));
    expect(resolved.map((each) => each && `${each.unit.meeting}/${each.unit.top}/${each.unit.para}`)).toEqual(
      evidence.map((entry) => entry.unit.id),
    );
    expect(resolved.map((each) => each?.quote)).toEqual(evidence.map((entry) => entry.text));
  });

  it('resolves chips while the answer streams, from the source parts that came first', () => {
    const turn: ChipTurn = {
      sources: [{ id: 'imk-2020-12-10/6/7/1' }, { id: 'imk-2020-12-10/46/Protokollnotiz SN' }],
    };
    const [combined, note] = chipsOf('Lagebild. [TOP 7] Sachsen verweist. [TOP 46 Protokollnotiz SN]');
    expect(resolveChip(turn, combined!)).toEqual({
      unit: { meeting: 'imk-2020-12-10', top: '6/7', para: '1' },
      quote: 'Lagebild.',
    });
    expect(resolveChip(turn, note!)?.unit.para).toBe('Protokollnotiz SN');
  });

  it('leaves a chip nothing names to the server', () => {
    const [chip] = chipsOf('Etwas. [TOP 99 Ziff. 1]');
    expect(resolveChip({ sources: [{ id: 'imk-2020-12-10/46/8' }] }, chip!)).toBeUndefined();
  });
});

describe('hintItem', () => {
  const meetings = catalog.meetings.map(({ id, date }) => ({ id, date }));

  it('finds the item of each hint line of an abstention', () => {
    const answer = renderAbstention({
      language: 'de',
      withMeeting: true,
      hints: [
        { unit: unit('imk-2021-06-18/46/1'), score: 0.3 },
        { unit: unit('imk-2020-12-10/29.2/1'), score: 0.2 },
      ],
    });
    const lines = answerBlocks(answer.answer).flatMap((block) => (block.type === 'list' ? block.items : []));
    expect(lines.map((line) => hintItem(line, { meetings, sources: answer.sources }))).toEqual([
      { meeting: 'imk-2021-06-18', top: '46' },
      { meeting: 'imk-2020-12-10', top: '29.2' },
    ]);
  });

  it('takes the meeting from the sources, or the only meeting, when the line names none', () => {
    const sources = [toSource(unit('imk-2021-06-18/46/1'))];
    expect(hintItem('TOP 46 – Sicherheit im Bahnverkehr', { meetings, sources })).toEqual({
      meeting: 'imk-2021-06-18',
      top: '46',
    });
    expect(hintItem('TOP 6/7 – Lagebild', { meetings: meetings.slice(0, 1) })).toEqual({
      meeting: 'imk-2020-12-10',
      top: '6/7',
    });
    expect(hintItem('TOP 46 – Sicherheit', { meetings })).toBeUndefined();
    expect(hintItem('Keine Liste', { meetings })).toBeUndefined();
  });
});
