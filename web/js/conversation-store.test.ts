import { describe, expect, it } from 'vitest';
import { memoryStorage } from '../testing/memory-storage.ts';
import { ApiError } from './api.js';
import { applyPart, createTurn } from './conversation.js';
import { CONVERSATION_ITEM, createConversationStore } from './conversation-store.js';

describe('createConversationStore', () => {
  it('gives back the turns it kept: answers, feedback, errors as ApiErrors, cut-off answers as stopped', () => {
    const storage = memoryStorage();
    const store = createConversationStore({ storage });
    const done = createTurn('Was gilt für Sirenen?');
    applyPart(done, { type: 'text-delta', delta: 'Die IMK begrüßt … [TOP 29.2 Ziff. 1]' });
    applyPart(done, { type: 'finish' });
    done.feedback = 'helpful';
    const failed = createTurn('Und dann?');
    failed.status = 'error';
    failed.error = new ApiError({
      kind: 'http',
      status: 503,
      code: 'INDEX_BUSY',
      message: 'Index wird gebaut.',
    });
    const cut = createTurn('Noch eine?');
    cut.status = 'streaming';
    done.saved = { id: '0123456789abcdef0123456789abcdef', turn: 0 };
    store.save({ id: 'chat-1', key: 'k'.repeat(64), turns: [done, failed, cut] });

    const kept = store.load();
    expect(kept?.id).toBe('chat-1');
    expect(kept?.key).toBe('k'.repeat(64));
    expect(kept?.turns[0]?.saved).toEqual({ id: '0123456789abcdef0123456789abcdef', turn: 0 });
    expect(kept?.turns.map((turn) => [turn.question, turn.status])).toEqual([
      ['Was gilt für Sirenen?', 'done'],
      ['Und dann?', 'error'],
      ['Noch eine?', 'aborted'],
    ]);
    expect(kept?.turns[0]?.feedback).toBe('helpful');
    expect(kept?.turns[0]?.text).toBe('Die IMK begrüßt … [TOP 29.2 Ziff. 1]');
    expect(kept?.turns[1]?.error).toBeInstanceOf(ApiError);
    expect(kept?.turns[1]?.error).toMatchObject({
      status: 503,
      code: 'INDEX_BUSY',
      message: 'Index wird gebaut.',
    });
  });

  it('keeps the latest turns when the storage is full, forgets an empty conversation, and ignores garbage', () => {
    const storage = memoryStorage(3000);
    const store = createConversationStore({ storage });
    const turns = Array.from({ length: 20 }, (_, index) => {
      const turn = createTurn(`Frage ${index} ${'x'.repeat(200)}`);
      turn.status = 'done';
      return turn;
    });
    const kept = store.save({ id: 'chat-2', turns });
    expect(kept).toBeGreaterThan(0);
    expect(kept).toBeLessThan(20);
    expect(store.load()?.turns.at(-1)?.question).toMatch(/^Frage 19 /);
    store.save({ id: 'chat-3', turns: [] });
    expect(storage.items.has(CONVERSATION_ITEM)).toBe(false);
    storage.items.set(CONVERSATION_ITEM, '{"id": 5}');
    expect(store.load()).toBeUndefined();
    storage.items.set(CONVERSATION_ITEM, 'kein JSON');
    expect(store.load()).toBeUndefined();
  });
});
