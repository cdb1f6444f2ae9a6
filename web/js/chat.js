// The conversation controller: sends a question with the conversation so far (and the conversation's key, so the
// server saves the turn) to /api/chat, renders the answer as it streams in (at most once per frame), stops it on
// request, retries a failed turn, starts over (and back), and tells `onChange` whenever a turn settles, so the
// conversation can be kept.
import { isAbort } from './api.js';
import { readChatParts } from './chat-stream.js';
import { applyPart, createTurn, newConversationKey, newId, transcript } from './conversation.js';

/**
 * @param {{ elements: { form: HTMLElement, question: HTMLTextAreaElement, send: HTMLElement, stop: HTMLElement,
 *     messages: HTMLElement, conversation: HTMLElement, welcome: HTMLElement },
 *   api: import('./api.js').Api, turnView: ReturnType<import('./turn-view.js').createTurnView>,
 *   announce: (text: string) => void, onError?: (error: unknown) => void,
 *   onChange?: (conversation: { id: string, turns: object[] }) => void }} options
 */
export function createChat(options) {
  const { elements, api, turnView, announce, onError = () => {}, onChange = () => {} } = options;
  let conversationId = newId('chat');
  let conversationKey = newConversationKey();
  let turns = [];
  /** The running request: { turn, controller }. */
  let active;
  const items = new Map();
  let framePending = false;

  function isNearBottom() {
    const { scrollTop, scrollHeight, clientHeight } = elements.conversation;
    return scrollHeight - scrollTop - clientHeight < 120;
  }

  function render(turn) {
    const item = items.get(turn.id);
    if (!item) return;
    // Follow the stream only while the reader is at the bottom; someone scrolling up to read is left alone.
    const follow = isNearBottom();
    turnView.update(item, turn);
    if (follow) elements.conversation.scrollTop = elements.conversation.scrollHeight;
  }

  function scheduleRender(turn) {
    if (framePending) return;
    framePending = true;
    requestAnimationFrame(() => {
      framePending = false;
      render(turn);
    });
  }

  function setBusy(busy) {
    elements.send.hidden = busy;
    elements.stop.hidden = !busy;
  }

  async function run(turn) {
    const controller = new AbortController();
    active = { turn, controller };
    Object.assign(turn, { status: 'pending', text: '', sources: [], answer: undefined, error: undefined });
    render(turn);
    setBusy(true);
    try {
      const response = await api.postChat(
        {
          id: conversationId,
          messages: transcript(turns, turn),
          trigger: 'submit-message',
          conversationKey,
        },
        { signal: controller.signal },
      );
      for await (const part of readChatParts(response.body)) {
        applyPart(turn, part);
        scheduleRender(turn);
      }
      turn.status = 'done';
      announce(
        turn.answer?.abstained ? 'Keine Aussage in den Beschlüssen gefunden.' : 'Antwort vollständig.',
      );
    } catch (error) {
      if (isAbort(error)) {
        turn.status = 'aborted';
      } else {
        turn.status = 'error';
        turn.error = error;
        onError(error);
      }
    } finally {
      if (active?.turn === turn) {
        active = undefined;
        setBusy(false);
      }
      render(turn);
      if (turns.includes(turn)) changed();
    }
  }

  function changed() {
    onChange({ id: conversationId, key: conversationKey, turns });
  }

  function show(list) {
    items.clear();
    elements.messages.replaceChildren(
      ...list.map((turn) => {
        const item = turnView.create(turn);
        items.set(turn.id, item);
        return item;
      }),
    );
    elements.welcome.hidden = list.length > 0;
  }

  return {
    /** Sends a question (ignored while an answer is streaming; the text then stays in the box). */
    ask(question) {
      const text = question.trim();
      if (text === '' || active) return;
      const turn = createTurn(text);
      turns.push(turn);
      const item = turnView.create(turn);
      items.set(turn.id, item);
      elements.messages.append(item);
      elements.welcome.hidden = true;
      elements.question.value = '';
      elements.conversation.scrollTop = elements.conversation.scrollHeight;
      changed();
      run(turn);
    },
    stop() {
      active?.controller.abort();
    },
    /** Asks a failed or stopped turn again, in its place. */
    retry(turn) {
      if (!active && turns.includes(turn)) run(turn);
    },
    /** The turn a node of the conversation belongs to. */
    turnOf(node) {
      const id = node.closest('[data-turn]')?.dataset.turn;
      return turns.find((turn) => turn.id === id);
    },
    /** A turn changed outside the stream (feedback given): keep it. */
    changed,
    /** The conversation as it stands: { id, key, turns }. */
    snapshot() {
      return { id: conversationId, key: conversationKey, turns: [...turns] };
    },
    /**
     * Shows a conversation (kept across a reload, brought back by an undo, opened from the list); answers after it
     * are saved under its key (a conversation kept from before keys existed gets a new one).
     */
    restore(snapshot) {
      if (active) return;
      conversationId = snapshot.id;
      conversationKey = snapshot.key ?? newConversationKey();
      turns = [...snapshot.turns];
      show(turns);
      elements.conversation.scrollTop = elements.conversation.scrollHeight;
      changed();
    },
    /**
     * Starts a new conversation: stops a running answer and forgets every turn. Returns what was there, for an undo
     * (a stopped answer comes back as stopped).
     */
    reset() {
      active?.controller.abort();
      // The stopped request settles later; the new conversation must not wait for it.
      active = undefined;
      setBusy(false);
      const previous = {
        id: conversationId,
        key: conversationKey,
        turns: turns.map((turn) =>
          turn.status === 'pending' || turn.status === 'streaming' ? { ...turn, status: 'aborted' } : turn,
        ),
      };
      turns = [];
      conversationId = newId('chat');
      conversationKey = newConversationKey();
      show([]);
      elements.question.value = '';
      changed();
      return previous;
    },
  };
}
