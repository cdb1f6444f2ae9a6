// With several meetings loaded, answers name the meeting in their markers, a question naming a time prefers that
// meeting, and the meeting filter keeps to one.
import { describe, expect, it } from 'vitest';
import { buildTwoMeetingCorpus, useRealCorpus } from '../assistant/testing/real-corpus.ts';

const corpus = useRealCorpus(buildTwoMeetingCorpus);

describe('answers over two meetings', () => {
  it('names the meeting in every marker', async () => {
    const answer = await corpus().state.extractive.answer({
      question: 'Welcher Arbeitskreis prüft den vorbeugenden Gewahrsam?',
    });
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toContain('[IMK 10.12.2020, TOP 46 Ziff. 8]');
    expect(answer.answer).toMatch(/^IMK 10\.12\.2020, TOP 46 – /m);
  });

  it('resolves a reference in each meeting and narrows by date', async () => {
    const both = await corpus().state.retriever.search('TOP 14', { k: 10 });
    expect(new Set(both.map((source) => source.meeting))).toEqual(
      new Set(['imk-2020-12-10', 'imk-2021-06-18']),
    );
    const dated = await corpus().state.extractive.answer({
      question: 'Was steht in TOP 14 der IMK vom 18.06.2021?',
    });
    expect(dated.statements.every((statement) => statement.citations[0]?.meeting === 'imk-2021-06-18')).toBe(
      true,
    );
    expect(dated.answer).toContain('[IMK 18.06.2021, TOP 14/15 Ziff. 1]');
  });

  it('reads a reference without a meeting as the most recent meeting and says so', async () => {
    const answer = await corpus().state.extractive.answer({ question: 'TOP 14 Ziffer 1' });
    expect(answer.statements.every((statement) => statement.citations[0]?.meeting === 'imk-2021-06-18')).toBe(
      true,
    );
    expect(answer.notice).toContain('2 Sitzungen');
    expect(answer.notice).toContain('IMK 18.06.2021');
  });

  it('prefers the meeting a question names by its time', async () => {
    const [first] = await corpus().state.retriever.search('Was wurde im Juni 2021 zur Polizei beschlossen?', {
      k: 3,
    });
    expect(first?.meeting).toBe('imk-2021-06-18');
    const [december] = await corpus().state.retriever.search(
      'Was wurde im Dezember 2020 zur Polizei beschlossen?',
      { k: 3 },
    );
    expect(december?.meeting).toBe('imk-2020-12-10');
  });

  it('keeps to one meeting when asked to', async () => {
    const answer = await corpus().state.extractive.answer({
      question: 'Welche Berichte erwartet die IMK vom AK II?',
      meeting: 'imk-2021-06-18',
    });
    for (const source of answer.sources) expect(source.meeting).toBe('imk-2021-06-18');
  });
});
