// Behaviour of the extractive answerer on the real corpus (questions written for these tests, not from eval/).
import { describe, expect, it } from 'vitest';
import { useRealCorpus } from '../assistant/testing/real-corpus.ts';
import { parseMarkers } from '../citation/index.ts';
import { ABSTAIN_DE, ABSTAIN_EN, type Answer, type AnswerEvent } from './types.ts';

const corpus = useRealCorpus();

const ask = (question: string, history?: Array<{ role: 'user' | 'assistant'; content: string }>) =>
  corpus().state.extractive.answer({ question, ...(history ? { history } : {}) });

function citedIds(answer: Answer): string[] {
  return answer.statements.flatMap((statement) =>
    statement.citations.map((citation) => `${citation.meeting}/${citation.top}/${citation.para}`),
  );
}

/** Every statement cites, every citation exists and is a source, and every quote stands in its cited unit. */
function expectFaithful(answer: Answer) {
  const sourceIds = new Set(answer.sources.map((source) => source.id));
  for (const statement of answer.statements) {
    expect(statement.citations.length).toBeGreaterThan(0);
    const markers = parseMarkers(statement.text);
    expect(markers.length).toBeGreaterThan(0);
    for (const citation of statement.citations) {
      const id = `${citation.meeting}/${citation.top}/${citation.para}`;
      const unit = corpus().state.catalog.get(id);
      expect(unit, id).toBeDefined();
      expect(sourceIds.has(id)).toBe(true);
      const quoted = statement.text
        .slice(0, markers[0]?.start)
        .replace(/^Protokollnotiz [^:]+: /, '')
        .replace(/^"|"\s*$/g, '')
        .trim();
      expect(unit?.text).toContain(quoted.replace(/"$/, ''));
    }
    expect(answer.answer).toContain(statement.text);
  }
}

describe('extractive answerer', () => {
  it('answers who and by when with the mandate sentence and its citation', async () => {
    const answer = await ask(
      'Welcher Arbeitskreis soll bis wann einen Mustererlass zu Reichsflaggen entwickeln?',
    );
    expect(answer.abstained).toBe(false);
    expect(citedIds(answer)).toContain('imk-2020-12-10/4/2');
    expect(answer.answer).toContain('Ende März 2021');
    expect(answer.answer).toContain('[TOP 4 Ziff. 2]');
    expectFaithful(answer);
  });

  it('quotes the unit a reference names, whole', async () => {
    const answer = await ask('Zeig mir TOP 35 Ziffer 1');
    expect(citedIds(answer)).toEqual(['imk-2020-12-10/35/1']);
    expect(answer.answer).toContain('Stephan Manke');
    expect(answer.statements[0]?.text).toMatch(/\[TOP 35 Ziff\. 1\]$/);
    expectFaithful(answer);
  });

  it('cites a one-paragraph item by its TOP alone', async () => {
    const answer = await ask('Was steht in TOP 48?');
    expect(answer.statements).toHaveLength(1);
    expect(answer.statements[0]?.text).toMatch(/\[TOP 48\]$/);
  });

  it('finds a combined item by its second number', async () => {
    const answer = await ask('TOP 7 Ziffer 7');
    expect(citedIds(answer)).toEqual(['imk-2020-12-10/6/7/7']);
    expect(answer.answer).toContain('[TOP 6/7 Ziff. 7]');
  });

  it('answers with the Protokollnotiz of a Land named in the question', async () => {
    const answer = await ask('Was hat Hamburg zu Protokoll erklärt?');
    expect(citedIds(answer)).toEqual(['imk-2020-12-10/38/Protokollnotiz HH']);
    expect(answer.answer).toContain('Protokollnotiz HH:');
    expectFaithful(answer);
  });

  it('answers an English question in English framing with German quotes and unchanged citations', async () => {
    const answer = await ask('How far along is the national register of firearms (NWR)?');
    expect(answer.abstained).toBe(false);
    expect(answer.answer).toMatch(/^According to the resolutions/);
    expect(citedIds(answer).some((id) => id.startsWith('imk-2020-12-10/22/'))).toBe(true);
    expect(answer.answer).toMatch(/"[^"]*Waffenregister|NWR[^"]*" \[TOP 22/);
    expectFaithful(answer);
  });

  it('reads a follow-up against the previous turn', async () => {
    const first = await ask(
      'Wen beauftragt die IMK mit der Aufklärung der Finanzströme im Rechtsextremismus?',
    );
    expect(citedIds(first)).toContain('imk-2020-12-10/3/3');
    const followUp = await ask('Und mit welcher Frist?', [
      {
        role: 'user',
        content: 'Wen beauftragt die IMK mit der Aufklärung der Finanzströme im Rechtsextremismus?',
      },
      { role: 'assistant', content: first.answer },
    ]);
    expect(followUp.abstained).toBe(false);
    expect(citedIds(followUp)).toContain('imk-2020-12-10/3/3');
    expect(followUp.answer).toContain('Herbstkonferenz 2021');
  });

  it('abstains on a topic the resolutions do not treat, with hints that do not claim to answer', async () => {
    const answer = await ask(
      'Was beschloss die IMK zur Förderung von Windkraftanlagen auf Kasernengeländen?',
    );
    expect(answer.abstained).toBe(true);
    expect(answer.statements).toEqual([]);
    expect(answer.answer.startsWith(ABSTAIN_DE)).toBe(true);
    expect(answer.answer).not.toMatch(/\[TOP/);
  });

  it('abstains in English for an English question', async () => {
    const answer = await ask('What did the conference decide about wind turbines on military bases?');
    expect(answer.abstained).toBe(true);
    expect(answer.answer.startsWith(ABSTAIN_EN)).toBe(true);
  });

  it('says so when a deadline is asked for and the resolution gives none', async () => {
    const answer = await ask(
      'Bis wann soll die Arbeitsgruppe Internationale Polizeimissionen die Maßnahmen treffen?',
    );
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toContain('Frist');
    expect(answer.sources.map((source) => source.id)).toContain('imk-2020-12-10/49/4');
  });

  it('abstains with a reason for a reference to something that does not exist', async () => {
    const answer = await ask('Zeig mir TOP 22 Ziffer 11.');
    expect(answer.abstained).toBe(true);
    expect(answer.answer).toContain('TOP 22 Ziff. 11');
  });

  it('lists several items for a list question', async () => {
    const answer = await ask('Welche Aufträge hat der AK V bekommen?');
    expect(answer.abstained).toBe(false);
    const items = new Set(
      answer.statements.flatMap((statement) => statement.citations.map((citation) => citation.top)),
    );
    expect(items.has('37')).toBe(true);
    expectFaithful(answer);
  });

  it('streams sources, then text deltas that add up to the answer, then the answer', async () => {
    const events: AnswerEvent[] = [];
    for await (const event of corpus().state.extractive.stream({
      question: 'Was gilt für Schreckschusswaffen?',
    })) {
      events.push(event);
    }
    expect(events[0]?.type).toBe('sources');
    const done = events.at(-1);
    expect(done?.type).toBe('done');
    const text = events.map((event) => (event.type === 'text-delta' ? event.delta : '')).join('');
    expect(done?.type === 'done' && done.answer.answer).toBe(text);
  });
});
