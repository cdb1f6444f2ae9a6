// The conversation's state: turns (question, streamed text, sources, the final Answer, where the server saved it,
// error), the transcript sent to /api/chat as useChat would send it, and turns as the server keeps them.

function randomHex(bytes) {
  return Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) =>
    byte.toString(16).padStart(2, '0'),
  ).join('');
}

/** A random id that also works outside secure contexts (crypto.randomUUID needs https or localhost). */
export function newId(prefix) {
  return `${prefix}-${randomHex(8)}`;
}

/**
 * The key of a new conversation: 256 random bits. The server saves the conversation's turns under the id it derives
 * from the key; only this browser, which keeps the key, can add to, rename or delete it.
 */
export function newConversationKey() {
  return randomHex(32);
}

/** status: "pending" (sent, nothing back yet), "streaming", "done", "error", "aborted". */
export function createTurn(question) {
  return {
    id: newId('turn'),
    question,
    status: 'pending',
    text: '',
    /** Source-document parts: { id, title } with id the unit id. */
    sources: [],
    /** The data-answer part's Answer, once it arrived. */
    answer: undefined,
    error: undefined,
    /** The rating staff sent for the answer ("helpful", "unhelpful", "wrong-citation"). */
    feedback: undefined,
    /** Where the server saved the turn: { id (the conversation's), turn (its number there) }. */
    saved: undefined,
  };
}

/**
 * A turn as the server keeps it (GET /api/conversations/:id) as a turn of the page: answered, with the answer as it
 * was sent, and when and from which index.
 */
export function turnFromSaved(saved, conversationId, index) {
  const answer = saved.answer ?? {};
  return {
    ...createTurn(saved.question),
    status: 'done',
    text: typeof answer.answer === 'string' ? answer.answer : '',
    sources: (Array.isArray(answer.sources) ? answer.sources : []).map((source) => ({
      id: source.id,
      title: source.title,
    })),
    answer,
    saved: { id: conversationId, turn: index },
    answeredAt: saved.answeredAt,
    indexVersion: saved.indexVersion,
  };
}

/** Applies one UI message stream part to a turn. */
export function applyPart(turn, part) {
  switch (part.type) {
    case 'source-document':
      if (typeof part.sourceId === 'string')
        turn.sources.push({ id: part.sourceId, title: String(part.title ?? '') });
      break;
    case 'text-delta':
      turn.status = 'streaming';
      turn.text += String(part.delta ?? '');
      break;
    case 'data-answer':
      turn.answer = part.data;
      // The Answer's text is the authority (the deltas concatenate to it; a reconnecting proxy could drop one).
      if (typeof part.data?.answer === 'string') turn.text = part.data.answer;
      break;
    case 'data-conversation':
      if (typeof part.data?.id === 'string' && Number.isInteger(part.data?.turn))
        turn.saved = { id: part.data.id, turn: part.data.turn };
      break;
    case 'finish':
      turn.status = 'done';
      break;
    default:
      break;
  }
}

function textMessage(id, role, text) {
  return { id, role, parts: [{ type: 'text', text }] };
}

/**
 * The messages of a chat request: each answered turn as a user and an assistant message (turns that failed or were
 * stopped are left out, so the history holds only what the assistant really said), then the question of `current`;
 * turns after `current` (when an earlier one is retried) are not its history.
 */
export function transcript(turns, current) {
  const messages = [];
  for (const turn of turns) {
    if (turn === current) break;
    if (turn.status !== 'done') continue;
    messages.push(textMessage(`${turn.id}-question`, 'user', turn.question));
    messages.push(textMessage(`${turn.id}-answer`, 'assistant', turn.text));
  }
  messages.push(textMessage(`${current.id}-question`, 'user', current.question));
  return messages;
}
