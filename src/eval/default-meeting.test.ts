import { describe, expect, it } from 'vitest';
import { BeschlussError } from '../errors.ts';
import { resolveDefaultMeeting } from './default-meeting.ts';
import type { QaEntry } from './qa-set.ts';

const entry = (id: string, gold: QaEntry['gold']): QaEntry => ({
  id,
  type: 'lookup',
  question: 'Was gilt?',
  gold,
  must_mention: ['x'],
  answerable: true,
});

const knownUnitIds = new Set(['a-2020-01-01/1/1', 'a-2020-01-01/2/1', 'b-2021-01-01/1/1']);

describe('resolveDefaultMeeting', () => {
  it('takes the only meeting of the corpus', () => {
    const context = { meetings: ['a-2020-01-01'], knownUnitIds, file: 'set.jsonl' };
    expect(resolveDefaultMeeting([entry('q001', [{ top: '2', para: '1' }])], context)).toBe('a-2020-01-01');
  });

  it('takes the one meeting of several in which every meeting-less gold unit exists', () => {
    const context = { meetings: ['a-2020-01-01', 'b-2021-01-01'], knownUnitIds, file: 'set.jsonl' };
    expect(resolveDefaultMeeting([entry('q001', [{ top: '2', para: '1' }])], context)).toBe('a-2020-01-01');
  });

  it('refuses when several meetings fit, naming the file and the meetings', () => {
    const context = { meetings: ['a-2020-01-01', 'b-2021-01-01'], knownUnitIds, file: 'set.jsonl' };
    const call = () => resolveDefaultMeeting([entry('q001', [{ top: '1', para: '1' }])], context);
    expect(call).toThrow(/set\.jsonl: .*2 of the loaded meetings \(a-2020-01-01, b-2021-01-01\)/);
  });

  it('refuses a gold unit the corpus does not hold, naming the question and the unit', () => {
    const context = { meetings: ['a-2020-01-01'], knownUnitIds, file: 'set.jsonl' };
    try {
      resolveDefaultMeeting([entry('q007', [{ top: '9', para: '4' }])], context);
      expect.unreachable();
    } catch (error) {
      expect(BeschlussError.is(error, 'EVAL_SET_INVALID')).toBe(true);
      expect((error as Error).message).toContain('q007: a-2020-01-01/9/4');
    }
  });
});
