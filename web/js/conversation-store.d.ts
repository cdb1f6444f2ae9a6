// Types of conversation-store.js.
import type { Turn } from './conversation.js';

export const CONVERSATION_ITEM: string;
export function storedTurn(turn: Turn): Record<string, unknown>;
export function restoredTurn(stored: Record<string, unknown>): Turn;
export function createConversationStore(options?: {
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}): {
  load(): { id: string; key?: string; turns: Turn[] } | undefined;
  save(conversation: { id: string; key?: string; turns: Turn[] }): number;
};
