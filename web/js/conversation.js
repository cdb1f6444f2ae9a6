// The conversation's state: turns (question, streamed text, sources, the final Answer, error) and the transcript
// sent to /api/chat as useChat would send it.

/** A random id that also works outside secure contexts (crypto.randomUUID needs https or localhost). */
export function newId(prefix) {
  const bytes = crypto.getRandomValues(new Uint8Array(8));
  return `${prefix}-${Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('')}`;
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
