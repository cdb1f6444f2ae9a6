// Saves a turn of /api/ask or /api/chat in the conversation its key owns, as it is answered: the question, the
// answer as sent, when, and which embedder and index served it.
import type { Answer } from '../answer/types.ts';
import type { Health } from '../assistant/types.ts';
import {
  CONVERSATION_LIMITS,
  type ConversationStore,
  conversationFull,
  conversationIdOf,
} from '../conversation/index.ts';
import { BeschlussError } from '../errors.ts';

export interface SavedTurn {
  id: string;
  turn: number;
}

export interface TurnRecorder {
  /** CONVERSATION_FULL before any work is done when the conversation has no room for another turn. */
  checkRoom(key: string): Promise<void>;
  record(key: string, turn: { question: string; answer: Answer; askedAt: Date }): Promise<SavedTurn>;
}

export interface TurnRecorderOptions {
  store: ConversationStore;
  /** The assistant's health at the time of the answer (embedder and index). */
  health: () => Health;
  now: () => Date;
  maxTurns?: number;
  maxTurnBytes?: number;
}

export function createTurnRecorder(options: TurnRecorderOptions): TurnRecorder {
  const {
    store,
    health,
    now,
    maxTurns = CONVERSATION_LIMITS.maxTurns,
    maxTurnBytes = CONVERSATION_LIMITS.maxTurnBytes,
  } = options;
  return {
    async checkRoom(key) {
      const existing = await store.get(conversationIdOf(key));
      if (existing && existing.turns.length >= maxTurns) throw conversationFull(maxTurns);
    },
    async record(key, { question, answer, askedAt }) {
      const { embedder, indexBuiltAt } = health();
      const turn = {
        question,
        answer: { ...answer },
        askedAt: askedAt.toISOString(),
        answeredAt: now().toISOString(),
        mode: answer.mode,
        model: embedder,
        indexVersion: indexBuiltAt,
      };
      const bytes = Buffer.byteLength(JSON.stringify(turn));
      if (bytes > maxTurnBytes) {
        throw new BeschlussError(
          'CONVERSATION_FULL',
          `Diese Antwort ist zu groß, um sie im Gespräch zu speichern (${Math.ceil(bytes / 1024)} KiB, höchstens ${maxTurnBytes / 1024} KiB).`,
          { details: { bytes, maxTurnBytes } },
        );
      }
      const id = conversationIdOf(key);
      const saved = await store.append(id, turn, { maxTurns });
      return { id, turn: saved.turn };
    },
  };
}
