import { describe, expect, it } from 'vitest';
import { answerOutcome, countOutcomes } from './outcome.ts';

describe('answerOutcome', () => {
  const gold = ['m/46/8'];

  it('counts an answer citing at least one gold unit as correct, even beside other citations', () => {
    expect(answerOutcome({ answerable: true, abstained: false, citedIds: ['m/4/2', 'm/46/8'], gold })).toBe(
      'correct',
    );
  });

  it('counts an answer citing no gold unit as a wrong answer, also when it cites nothing', () => {
    expect(answerOutcome({ answerable: true, abstained: false, citedIds: ['m/4/2'], gold })).toBe(
      'wrong-answer',
    );
    expect(answerOutcome({ answerable: true, abstained: false, citedIds: [], gold })).toBe('wrong-answer');
  });

  it('counts an abstention on an answerable question as a false abstain, whatever it cites', () => {
    expect(answerOutcome({ answerable: true, abstained: true, citedIds: ['m/46/8'], gold })).toBe(
      'false-abstain',
    );
  });

  it('counts an abstention on an unanswerable question as correct and an answer to it as a missed abstain', () => {
    expect(answerOutcome({ answerable: false, abstained: true, citedIds: [], gold: [] })).toBe('correct');
    expect(answerOutcome({ answerable: false, abstained: false, citedIds: ['m/4/2'], gold: [] })).toBe(
      'missed-abstain',
    );
  });
});

describe('countOutcomes', () => {
  it('counts each outcome, zero for those that did not occur', () => {
    expect(countOutcomes(['correct', 'correct', 'missed-abstain'])).toEqual({
      correct: 2,
      wrongAnswers: 0,
      falseAbstains: 0,
      missedAbstains: 1,
    });
  });
});
