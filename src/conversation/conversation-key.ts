// A conversation's key and id: the browser that starts a conversation makes a random key and keeps it; the id is
// derived from the key by a one-way hash. The id reads a conversation (share links carry it), only the key adds to,
// renames or deletes it, and a share link can never be turned back into the key.
import { createHash } from 'node:crypto';

/** At least 32 characters of a URL-safe alphabet; the page sends 64 random hex digits (256 bits). */
export const CONVERSATION_KEY_PATTERN = /^[A-Za-z0-9_-]{32,128}$/;
/** 32 hex digits: 128 bits of a SHA-256. */
export const CONVERSATION_ID_PATTERN = /^[0-9a-f]{32}$/;

const DOMAIN = 'beschluss-assistent conversation v1\n';

/** The id of the conversation a key owns. */
export function conversationIdOf(key: string): string {
  return createHash('sha256').update(DOMAIN).update(key).digest('hex').slice(0, 32);
}

export function isConversationId(value: string): boolean {
  return CONVERSATION_ID_PATTERN.test(value);
}
