import { describe, expect, it } from 'vitest';
import type { Answer, AskRequest } from '../answer/types.ts';
import { BeschlussError } from '../errors.ts';
import type { EvalTarget } from './eval-target.ts';
import type { QaEntry } from './qa-set.ts';
import { runEvaluation } from './run-eval.ts';

const MEETING = 'konf-2030-01-01';
const citation = (top: string, para: string) => ({ meeting: MEETING, top, para });

/** Ranks and answers from a tiny made-up corpus, recording every call. */
function recordingTarget() {
  const searches: Array<{ query: string; k: number }> = [];
  const asks: AskRequest[] = [];
  const target: EvalTarget = {
    description: 'recording',
    embedder: 'fake:fake:2',
    meetings: [MEETING],
    knownUnitIds: new Set([`${MEETING}/1/1`, `${MEETING}/1/2`, `${MEETING}/2/1`]),
    async search(query, k) {
      searches.push({ query, k });
      return /leuchtt/i.test(query) ? [`${MEETING}/1/2`, `${MEETING}/1/1`] : [`${MEETING}/2/1`];
    },
    async ask(request): Promise<Answer> {
      asks.push(request);
      if (!/leuchtt|wer/i.test(request.question)) {
        return {
          answer: 'Dazu enthalten die Beschlüsse keine Aussage.',
          statements: [],
          sources: [],
          abstained: true,
          mode: 'extractive',
        };
      }
      const text = 'Der Arbeitskreis Nord berichtet. [TOP 1 Ziff. 1]';
      return {
        answer: text,
        statements: [{ text, citations: [citation('1', '1')] }],
        sources: [
          {
            ...citation('1', '1'),
            id: `${MEETING}/1/1`,
            title: 'Leuchttürme',
            text: 'Der Arbeitskreis Nord berichtet.',
          },
        ],
        abstained: false,
        mode: 'extractive',
      };
    },
    supports: () => false,
  };
  return { target, searches, asks };
}

const entries: QaEntry[] = [
  {
    id: 'q001',
    type: 'lookup',
    question: 'Wer berichtet über Leuchttürme?',
    gold: [{ top: '1', para: '1' }],
    must_mention: ['Arbeitskreis Nord', 'Herbst 2030'],
    answerable: true,
  },
  {
    id: 'q002',
    type: 'followup',
    question: 'Und wer noch?',
    gold: [{ top: '1', para: '1' }],
    must_mention: ['Arbeitskreis Nord'],
    answerable: true,
    history: [
      { role: 'user', content: 'Was gilt für Leuchttürme?' },
      { role: 'assistant', content: 'Der Arbeitskreis Nord berichtet. [TOP 1 Ziff. 1]' },
    ],
  },
  {
    id: 'q003',
    type: 'unanswerable',
    question: 'Was kostet der Deichbau?',
    gold: [],
    must_mention: [],
    answerable: false,
    near_miss: true,
  },
];

describe('runEvaluation', () => {
  it('ranks with the retrieval query the answerer uses: a follow-up joined with the previous question', async () => {
    const { target, searches } = recordingTarget();
    await runEvaluation({ entries, target, file: 'set.jsonl' });
    expect(searches.map((search) => search.k)).toEqual([5, 5, 5]);
    expect(searches[1]?.query).toContain('Leuchttürme');
    expect(searches[1]?.query).toContain('Und wer noch?');
  });

  it('asks every question with its history and k', async () => {
    const { target, asks } = recordingTarget();
    await runEvaluation({ entries, target, file: 'set.jsonl', k: 3 });
    expect(asks[0]).toEqual({ question: 'Wer berichtet über Leuchttürme?', k: 3 });
    expect(asks[1]?.history).toEqual(entries[1]?.history);
  });

  it('scores each question against its gold units and times the answer alone', async () => {
    const { target } = recordingTarget();
    let clock = 0;
    const run = await runEvaluation({ entries, target, file: 'set.jsonl', now: () => (clock += 7) });
    const [lookup, followup, unanswerable] = run.records;
    expect(run.defaultMeeting).toBe(MEETING);
    expect(lookup?.gold).toEqual([`${MEETING}/1/1`]);
    expect(lookup?.result.scores).toMatchObject({ hitAt1: 0, hitAtK: 1, mrr: 0.5, mustMentionCoverage: 0.5 });
    expect(lookup?.citedIds).toEqual([`${MEETING}/1/1`]);
    expect(followup?.result.scores.goldCitationPrecision).toBe(1);
    expect(unanswerable?.result.scores.abstention).toBe('correct-abstain');
    expect(run.records.map((record) => record.latencyMs)).toEqual([7, 7, 7]);
    expect(run.report.overall.questions).toBe(3);
    expect(run.report.byType.map((entry) => entry.type)).toEqual(['lookup', 'followup', 'unanswerable']);
    expect(unanswerable?.result.nearMiss).toBe(true);
    expect(lookup?.result.nearMiss).toBeUndefined();
    expect(run.report.slices).toEqual([
      { name: 'unanswerable/near-miss', row: expect.objectContaining({ questions: 1 }) },
    ]);
  });

  it('refuses a set whose gold units the target does not know, before asking anything', async () => {
    const { target, asks } = recordingTarget();
    const stranger: QaEntry = { ...(entries[0] as QaEntry), gold: [{ top: '9', para: '9' }] };
    await expect(runEvaluation({ entries: [stranger], target, file: 'set.jsonl' })).rejects.toSatisfy(
      (error) =>
        BeschlussError.is(error, 'EVAL_SET_INVALID') && /set\.jsonl: .*q001/.test((error as Error).message),
    );
    expect(asks).toEqual([]);
  });
});
