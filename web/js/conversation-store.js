// Keeps the conversation in the browser's storage so a reload restores it: its key, turns as plain data (an error as
// its kind, status, code and message), a turn cut off by the reload as stopped, and only the latest turns when space
// runs out.
import { ApiError } from './api.js';

export const CONVERSATION_ITEM = 'beschluss-assistent.conversation.v1';
const MAX_TURNS = 60;

function plainError(error) {
  if (!error) return undefined;
  if (error instanceof ApiError) {
    return { kind: error.kind, status: error.status, code: error.code, message: error.message };
  }
  return { kind: 'format', status: 0, code: '', message: String(error?.message ?? error) };
}

/** A turn as stored: what renders it again, nothing live. */
export function storedTurn(turn) {
  const cut = turn.status === 'pending' || turn.status === 'streaming';
  return {
    id: turn.id,
    question: turn.question,
    status: cut ? 'aborted' : turn.status,
    text: turn.text,
    sources: turn.sources,
    answer: turn.answer,
    error: plainError(turn.error),
    feedback: turn.feedback,
    saved: turn.saved,
    answeredAt: turn.answeredAt,
    indexVersion: turn.indexVersion,
  };
}

/** A stored turn back as a turn (its error an ApiError again). */
export function restoredTurn(stored) {
  return {
    ...stored,
    sources: Array.isArray(stored.sources) ? stored.sources : [],
    error: stored.error ? new ApiError(stored.error) : undefined,
  };
}

/** @param {{ storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> }} [options] default localStorage. */
export function createConversationStore(options = {}) {
  const { storage = globalThis.localStorage } = options;
  return {
    /** { id, key?, turns } as saved last, or undefined. */
    load() {
      try {
        const saved = JSON.parse(storage?.getItem(CONVERSATION_ITEM) ?? 'null');
        if (!saved || typeof saved.id !== 'string' || !Array.isArray(saved.turns)) return undefined;
        return {
          id: saved.id,
          ...(typeof saved.key === 'string' ? { key: saved.key } : {}),
          turns: saved.turns
            .filter((turn) => typeof turn?.id === 'string' && typeof turn.question === 'string')
            .map(restoredTurn),
        };
      } catch {
        return undefined;
      }
    },
    /** Saves { id, key, turns }; when storage is full, keeps as many of the latest turns as fit. */
    save({ id, key, turns }) {
      let kept = turns.slice(-MAX_TURNS).map(storedTurn);
      while (true) {
        try {
          if (kept.length === 0) storage?.removeItem(CONVERSATION_ITEM);
          else storage?.setItem(CONVERSATION_ITEM, JSON.stringify({ id, key, turns: kept }));
          return kept.length;
        } catch {
          if (kept.length === 0) return 0;
          kept = kept.slice(Math.ceil(kept.length / 2));
        }
      }
    },
  };
}
