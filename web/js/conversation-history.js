// This browser's earlier conversations in the navigation, and what staff do with one: open it (from the server, as it
// was answered, to go on with under its key), rename it, delete it.
import { newId, turnFromSaved } from './conversation.js';
import { describeError } from './errors.js';
import { createHistoryView } from './history-view.js';

/** The server id of a conversation's turns (they all share it), or undefined before its first saved answer. */
export function savedIdOf(turns) {
  return turns.find((turn) => turn.saved)?.saved.id;
}

/** A conversation of GET /api/conversations/:id as the turns of the page. */
export function turnsOf(conversation) {
  return conversation.turns.map((turn, index) => turnFromSaved(turn, conversation.id, index));
}

const keyHeader = (entry) => ({ 'X-Conversation-Key': entry.key });

/** Names a conversation on the server (its key proves it is this browser's); the conversation as it is then. */
function renameConversation(api, entry, title) {
  return api.sendJson('PATCH', `/api/conversations/${entry.id}`, { title }, keyHeader(entry));
}

/** Deletes a conversation on the server; one gone already (deleted elsewhere, past its retention) counts as done. */
async function deleteConversation(api, entry) {
  try {
    await api.sendJson('DELETE', `/api/conversations/${entry.id}`, undefined, keyHeader(entry));
  } catch (error) {
    if (error?.code !== 'CONVERSATION_NOT_FOUND') throw error;
  }
}

/**
 * @param {{ api: import('./api.js').Api, chat: () => ReturnType<import('./chat.js').createChat>,
 *   list: ReturnType<import('./conversation-list.js').createConversationList>,
 *   elements: { list: HTMLElement, empty: HTMLElement }, announce: (text: string) => void,
 *   onError: (error: unknown) => void, beforeOpen: () => void,
 *   offerUndo: (previous: object, text: string) => void, focusQuestion: () => void }} options
 *   `beforeOpen` leaves what covers the conversation (a shared one, the panel, the drawer) before another opens.
 */
export function createConversationHistory(options) {
  const { api, chat, list, elements, announce, onError, beforeOpen, offerUndo, focusQuestion } = options;

  const view = createHistoryView({
    list: elements.list,
    empty: elements.empty,
    onOpen: (entry) => open(entry).catch(() => {}),
    async onRename(entry, title) {
      const renamed = await renameConversation(api, entry, title);
      list.rename(entry.id, renamed.named ? renamed.title : '', renamed.title);
      render();
      announce(`Umbenannt in „${renamed.title}“.`);
    },
    async onDelete(entry) {
      await deleteConversation(api, entry);
      list.remove(entry.id);
      if (savedIdOf(chat().snapshot().turns) === entry.id) chat().reset();
      render();
      announce(`Gespräch „${entry.title}“ gelöscht.`);
    },
    describeFailure: (error) => {
      const description = describeError(error);
      return `${description.title}: ${description.serverMessage ?? description.message}`;
    },
  });

  function render() {
    view.render(list.all(), savedIdOf(chat().snapshot().turns));
  }

  /** Lists a conversation the server gave back (opened, continued) under the key that owns it. */
  function note(conversation, key) {
    const firstQuestion = conversation.turns[0]?.question ?? '';
    list.note({
      id: conversation.id,
      key,
      firstQuestion,
      updatedAt: conversation.updatedAt,
      turns: conversation.turns.length,
    });
    if (conversation.named) list.rename(conversation.id, conversation.title, firstQuestion);
    render();
  }

  /** Shows an earlier conversation as it was answered, to go on with (the one shown before can be brought back). */
  async function open(entry, { current = savedIdOf(chat().snapshot().turns) } = {}) {
    let conversation;
    try {
      conversation = await api.getJson(`/api/conversations/${entry.id}`);
    } catch (error) {
      onError(error);
      if (error?.code === 'CONVERSATION_NOT_FOUND') list.remove(entry.id);
      render();
      const description = describeError(error);
      announce(`${description.title}: ${description.message}`);
      throw error;
    }
    beforeOpen();
    if (current === entry.id) {
      focusQuestion();
      return;
    }
    const previous = chat().reset();
    chat().restore({ id: newId('chat'), key: entry.key, turns: turnsOf(conversation) });
    note(conversation, entry.key);
    offerUndo(previous, `Gespräch „${conversation.title}“ geöffnet.`);
    announce(`Gespräch „${conversation.title}“ geöffnet.`);
    focusQuestion();
  }

  /** Keeps the list up to date as the conversation shown gains saved turns. */
  function changed(conversation) {
    const saved = conversation.turns.filter((turn) => turn.saved);
    const id = savedIdOf(saved);
    if (id) {
      const known = list.find(id);
      list.note({
        id,
        key: conversation.key,
        firstQuestion: saved[0].question,
        updatedAt: known && known.turns === saved.length ? known.updatedAt : new Date().toISOString(),
        turns: saved.length,
      });
    }
    render();
  }

  return { render, open, note, changed };
}
