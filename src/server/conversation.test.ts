import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BeschlussError } from '../errors.ts';
import { askRequestFromTranscript } from './conversation.ts';

describe('askRequestFromTranscript', () => {
  it('takes the last user message as the question and the earlier user and assistant turns as history', () => {
    expect(
      askRequestFromTranscript(
        [
          { role: 'system', text: 'Antworte kurz.' },
          { role: 'user', text: 'Was gilt für Sirenen?' },
          { role: 'assistant', text: 'Förderprogramm [TOP 29.2 Ziff. 1]' },
          { role: 'tool', text: '{}' },
          { role: 'user', text: '  Und mit welcher Frist?  ' },
        ],
        { k: 3, meeting: 'imk-2020-12-10' },
      ),
    ).toEqual({
      question: 'Und mit welcher Frist?',
      history: [
        { role: 'user', content: 'Was gilt für Sirenen?' },
        { role: 'assistant', content: 'Förderprogramm [TOP 29.2 Ziff. 1]' },
      ],
      k: 3,
      meeting: 'imk-2020-12-10',
    });
  });

  it('leaves history out for a first question', () => {
    expect(askRequestFromTranscript([{ role: 'user', text: 'Sirenen?' }])).toEqual({ question: 'Sirenen?' });
  });

  it.each([
    [[], 'INVALID_REQUEST'],
    [[{ role: 'assistant', text: 'Hallo' }], 'INVALID_REQUEST'],
    [[{ role: 'user', text: ' \n ' }], 'INVALID_REQUEST'],
    [[{ role: 'user', text: 'x'.repeat(2001) }], 'QUESTION_TOO_LONG'],
  ])('refuses %j with %s', (messages, code) => {
    expect(() => askRequestFromTranscript(messages)).toThrow(BeschlussError);
    try {
      askRequestFromTranscript(messages);
    } catch (error) {
      expect((error as BeschlussError).code).toBe(code);
    }
  });

  it('keeps at most the last 20 earlier messages, each cut to 4000 characters, in order', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            role: fc.constantFrom('user', 'assistant', 'system'),
            text: fc.string({ maxLength: 5000 }),
          }),
          { maxLength: 60 },
        ),
        fc.string({ minLength: 1, maxLength: 2000 }).filter((text) => text.trim() !== ''),
        (earlier, question) => {
          const request = askRequestFromTranscript([...earlier, { role: 'user', text: question }]);
          const expected = earlier
            .filter((message) => message.role !== 'system' && message.text.trim() !== '')
            .slice(-20)
            .map((message) => ({ role: message.role, content: message.text.slice(0, 4000) }));
          expect(request.history ?? []).toEqual(expected);
          expect(request.question).toBe(question.trim());
        },
      ),
    );
  });
});
