// The contract every ConversationStore keeps, as a test suite a backend runs against itself:
//   describeConversationStore('files', async () => ({ open: () => createFileConversationStore(…), cleanup }))
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BeschlussError } from '../../errors.ts';
import { conversationIdOf } from '../conversation-key.ts';
import type { ConversationStore, ConversationTurn } from '../types.ts';

export interface StoreUnderTest {
  /** A store over this test's storage; called twice, both see the same conversations (as after a restart). */
  open: () => ConversationStore;
  /** Removes the test's storage. */
  cleanup: () => Promise<void>;
}

const LIMITS = { maxTurns: 5 };

/** A turn of a made-up answer; `extra` fields stand for fields an answer may gain. */
export function sampleTurn(
  question: string,
  at = '2026-03-02T10:00:00.000Z',
  extra: Record<string, unknown> = {},
): ConversationTurn {
  return {
    question,
    answer: {
      answer: `Zu „${question}“: Die IMK bittet den Bund um einen Bericht. [TOP 12 Ziff. 3]`,
      statements: [
        {
          text: 'Die IMK bittet den Bund um einen Bericht. [TOP 12 Ziff. 3]',
          citations: [{ meeting: 'imk-2021-06-18', top: '12', para: '3' }],
        },
      ],
      sources: [
        {
          id: 'imk-2021-06-18/12/3',
          meeting: 'imk-2021-06-18',
          top: '12',
          para: '3',
          title: 'Berichtswesen',
          text: 'Die IMK bittet den Bund um einen Bericht zur Herbstkonferenz.',
        },
      ],
      abstained: false,
      mode: 'extractive',
      ...extra,
    },
    askedAt: at,
    answeredAt: at,
    mode: 'extractive',
    model: 'offline:offline-german-hash-v1:512',
    indexVersion: '2026-03-01T08:00:00.000Z',
  };
}

const idOf = (name: string) => conversationIdOf(`${name}-key-of-at-least-thirty-two-characters`);

function expectCode(error: unknown, code: string): void {
  expect(BeschlussError.is(error) ? error.code : error).toBe(code);
}

export function describeConversationStore(name: string, setup: () => Promise<StoreUnderTest>): void {
  describe(`conversation store contract: ${name}`, () => {
    let subject: StoreUnderTest;
    let store: ConversationStore;
    beforeEach(async () => {
      subject = await setup();
      store = subject.open();
    });
    afterEach(() => subject.cleanup());

    it('creates a conversation with its first turn and gives back every field of the answer as it was', async () => {
      const id = idOf('first');
      const turn = sampleTurn('Wer berichtet?', '2026-03-02T10:00:00.000Z', { confidence: 0.8 });
      expect(await store.append(id, turn, LIMITS)).toEqual({ turn: 0 });
      const later = sampleTurn('Und bis wann?', '2026-03-02T10:05:00.000Z');
      expect(await store.append(id, later, LIMITS)).toEqual({ turn: 1 });
      expect(await subject.open().get(id)).toEqual({
        id,
        createdAt: '2026-03-02T10:00:00.000Z',
        updatedAt: '2026-03-02T10:05:00.000Z',
        turns: [turn, later],
      });
      expect(await store.get(idOf('never'))).toBeUndefined();
    });

    it('keeps every one of concurrent appends to one conversation, each with its own number', async () => {
      const id = idOf('busy');
      const questions = ['eins', 'zwei', 'drei', 'vier', 'fünf'];
      const numbers = await Promise.all(
        questions.map((question) => store.append(id, sampleTurn(question), LIMITS)),
      );
      expect(numbers.map((each) => each.turn).sort()).toEqual([0, 1, 2, 3, 4]);
      const stored = await store.get(id);
      expect(stored?.turns.map((turn) => turn.question).sort()).toEqual([...questions].sort());
    });

    it('refuses a turn beyond the limit and leaves the conversation as it was', async () => {
      const id = idOf('full');
      for (let index = 0; index < LIMITS.maxTurns; index += 1) {
        await store.append(id, sampleTurn(`Frage ${index}`), LIMITS);
      }
      const error = await store.append(id, sampleTurn('eine zu viel'), LIMITS).catch((caught) => caught);
      expectCode(error, 'CONVERSATION_FULL');
      expect((await store.get(id))?.turns).toHaveLength(LIMITS.maxTurns);
    });

    it('creates a continued conversation as given, and never over one that exists', async () => {
      const id = idOf('continued');
      const conversation = {
        id,
        createdAt: '2026-03-03T09:00:00.000Z',
        updatedAt: '2026-03-03T09:00:00.000Z',
        continuedFrom: idOf('original'),
        turns: [sampleTurn('Wer berichtet?')],
      };
      await store.create(conversation);
      expect(await store.get(id)).toEqual(conversation);
      expectCode(
        await store.create({ ...conversation, turns: [] }).catch((caught) => caught),
        'CONVERSATION_EXISTS',
      );
      expect(await store.get(id)).toEqual(conversation);
    });

    it('names a conversation, removes the name again, and says when there is nothing to name', async () => {
      const id = idOf('named');
      await store.append(id, sampleTurn('Wer berichtet?'), LIMITS);
      expect(await store.rename(id, 'Berichte an die IMK', '2026-03-04T12:00:00.000Z')).toBe(true);
      expect(await store.get(id)).toMatchObject({
        title: 'Berichte an die IMK',
        updatedAt: '2026-03-04T12:00:00.000Z',
      });
      expect(await store.rename(id, '', '2026-03-04T12:01:00.000Z')).toBe(true);
      expect((await store.get(id))?.title).toBeUndefined();
      expect(await store.rename(idOf('nobody'), 'x', '2026-03-04T12:02:00.000Z')).toBe(false);
    });

    it('deletes a conversation once', async () => {
      const id = idOf('deleted');
      await store.append(id, sampleTurn('Wer berichtet?'), LIMITS);
      expect(await store.remove(id)).toBe(true);
      expect(await store.get(id)).toBeUndefined();
      expect(await store.remove(id)).toBe(false);
    });

    it('removes the conversations unchanged since the cutoff and keeps the others', async () => {
      const old = idOf('old');
      const recent = idOf('recent');
      const renamed = idOf('renamed');
      await store.append(old, sampleTurn('alt', '2020-01-05T00:00:00.000Z'), LIMITS);
      await store.append(recent, sampleTurn('neu', '2026-03-01T00:00:00.000Z'), LIMITS);
      await store.append(renamed, sampleTurn('alt, aber umbenannt', '2020-01-05T00:00:00.000Z'), LIMITS);
      await store.rename(renamed, 'noch gebraucht', '2026-03-02T00:00:00.000Z');
      expect(await store.removeUnchangedSince(new Date('2025-01-01T00:00:00.000Z'))).toBe(1);
      expect(await store.get(old)).toBeUndefined();
      expect(await store.get(recent)).toBeDefined();
      expect(await store.get(renamed)).toBeDefined();
    });

    it('refuses an id that is not 32 hex digits', async () => {
      for (const id of ['../../etc/passwd', 'ABCDEF0123456789ABCDEF0123456789', '']) {
        expectCode(await store.get(id).catch((caught) => caught), 'INVALID_REQUEST');
      }
    });
  });
}
