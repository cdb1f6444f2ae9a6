import { describe, expect, it } from 'vitest';
import { askRequestFromTranscript } from '../../src/server/conversation.ts';
import { ChatRequestSchema } from '../../src/server/schemas.ts';
import {
  applyPart,
  createTurn,
  newConversationKey,
  newId,
  transcript,
  turnFromSaved,
} from './conversation.js';

function answered(question: string, answer: string) {
  const turn = createTurn(question);
  applyPart(turn, { type: 'text-delta', delta: answer });
  applyPart(turn, { type: 'finish' });
  return turn;
}

describe('transcript', () => {
  it('sends answered turns as history and the new question last, in the shape the server accepts', () => {
    const first = answered(
      'Was beschließt die IMK zu UNITAMS?',
      'Sie stimmt der Entsendung zu. [TOP 49 Ziff. 3]',
    );
    const failed = createTurn('Kaputte Frage');
    failed.status = 'error';
    const stopped = createTurn('Abgebrochene Frage');
    stopped.status = 'aborted';
    const current = createTurn('Und mit welcher Frist?');
    const messages = transcript([first, failed, stopped, current], current);

    expect(ChatRequestSchema.safeParse({ id: 'chat-1', messages }).success).toBe(true);
    const request = askRequestFromTranscript(
      messages.map((message) => ({
        role: message.role,
        text: message.parts.map((part) => part.text).join(''),
      })),
    );
    expect(request.question).toBe('Und mit welcher Frist?');
    expect(request.history).toEqual([
      { role: 'user', content: 'Was beschließt die IMK zu UNITAMS?' },
      { role: 'assistant', content: 'Sie stimmt der Entsendung zu. [TOP 49 Ziff. 3]' },
    ]);
  });

  it('gives a retried earlier turn only the turns before it as history', () => {
    const first = answered('Erste Frage', 'Erste Antwort');
    const retried = createTurn('Zweite Frage');
    const later = answered('Dritte Frage', 'Dritte Antwort');
    const messages = transcript([first, retried, later], retried);
    expect(messages.map((message) => message.parts[0]?.text)).toEqual([
      'Erste Frage',
      'Erste Antwort',
      'Zweite Frage',
    ]);
  });
});

describe('applyPart', () => {
  it('takes the final answer text over the deltas and records sources', () => {
    const turn = createTurn('Frage');
    applyPart(turn, {
      type: 'source-document',
      sourceId: 'imk-2020-12-10/46/8',
      title: 'TOP 46 Ziff. 8 – Titel',
    });
    applyPart(turn, { type: 'text-delta', delta: 'Die IMK ' });
    expect(turn.status).toBe('streaming');
    applyPart(turn, { type: 'data-answer', data: { answer: 'Die IMK bittet. [TOP 46 Ziff. 8]' } });
    expect(turn.text).toBe('Die IMK bittet. [TOP 46 Ziff. 8]');
    expect(turn.sources).toEqual([{ id: 'imk-2020-12-10/46/8', title: 'TOP 46 Ziff. 8 – Titel' }]);
  });

  it('makes distinct ids', () => {
    const ids = new Set(Array.from({ length: 200 }, () => newId('turn')));
    expect(ids.size).toBe(200);
    expect([...ids][0]).toMatch(/^turn-[0-9a-f]{16}$/);
  });
});

describe('conversation keys and saved turns', () => {
  it('makes a key of 64 random hex digits the server accepts', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newConversationKey()));
    expect(keys.size).toBe(50);
    for (const key of keys) {
      expect(key).toMatch(/^[0-9a-f]{64}$/);
      expect(
        ChatRequestSchema.safeParse({ messages: [], conversationKey: key }).error?.issues[0]?.path,
      ).toEqual(['messages']);
    }
  });

  it('notes where the server saved a turn, and ignores a malformed note', () => {
    const turn = createTurn('Wer berichtet?');
    applyPart(turn, { type: 'data-conversation', data: { id: 'x', turn: 'eins' } });
    expect(turn.saved).toBeUndefined();
    applyPart(turn, { type: 'data-conversation', data: { id: '0123456789abcdef0123456789abcdef', turn: 2 } });
    expect(turn.saved).toEqual({ id: '0123456789abcdef0123456789abcdef', turn: 2 });
  });

  it('reads a turn the server kept as an answered turn of the page', () => {
    const answer = {
      answer: 'Die IMK bittet den Bund. [TOP 12 Ziff. 3]',
      statements: [],
      sources: [{ id: 'imk-2021-06-18/12/3', title: 'Berichte', text: 'Die IMK bittet den Bund.' }],
      mode: 'extractive',
    };
    const turn = turnFromSaved(
      {
        question: 'Wer berichtet?',
        answer,
        answeredAt: '2026-03-02T10:00:00.000Z',
        indexVersion: '2026-03-01T08:00:00.000Z',
      },
      'c0ffee00c0ffee00c0ffee00c0ffee00',
      1,
    );
    expect(turn).toMatchObject({
      question: 'Wer berichtet?',
      status: 'done',
      text: answer.answer,
      sources: [{ id: 'imk-2021-06-18/12/3', title: 'Berichte' }],
      answer,
      saved: { id: 'c0ffee00c0ffee00c0ffee00c0ffee00', turn: 1 },
      indexVersion: '2026-03-01T08:00:00.000Z',
    });
  });
});
