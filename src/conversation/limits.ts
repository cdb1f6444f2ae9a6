// The limits every conversation store keeps to, and the errors that say a limit was reached (German: the page shows
// them).
import { BeschlussError } from '../errors.ts';

export const CONVERSATION_LIMITS = {
  /** Turns one conversation may hold. */
  maxTurns: 100,
  /** Largest turn as JSON (question, answer with its sources' texts); a turn of 20 long sources stays far below. */
  maxTurnBytes: 512 * 1024,
  /** Longest name a conversation can be given. */
  titleChars: 200,
} as const;

export function conversationFull(maxTurns: number): BeschlussError {
  return new BeschlussError(
    'CONVERSATION_FULL',
    `Dieses Gespräch hat schon ${maxTurns} Fragen, mehr sind nicht möglich. Bitte beginnen Sie ein neues Gespräch.`,
    { details: { maxTurns } },
  );
}

export function conversationExists(): BeschlussError {
  return new BeschlussError('CONVERSATION_EXISTS', 'Ein Gespräch mit dieser Kennung gibt es schon.');
}

export function conversationNotFound(id: string): BeschlussError {
  return new BeschlussError(
    'CONVERSATION_NOT_FOUND',
    'Dieses Gespräch gibt es nicht (mehr): Es wurde gelöscht, nach Ablauf der Aufbewahrungsfrist entfernt, oder der Link ist unvollständig.',
    { details: { id } },
  );
}
