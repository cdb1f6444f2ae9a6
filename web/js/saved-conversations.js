// The conversations the server keeps, as the page meets them: the list of this browser's earlier ones, a shared one
// shown read-only (/c/<id>), the conversation's own line, links to a conversation and one of its turns, and one answer
// as a Word file or printed alone.

import { renderConversationBar } from './conversation-bar.js';
import { createConversationHistory, savedIdOf, turnsOf } from './conversation-history.js';
import { saveFile } from './download.js';
import { escapeHtml } from './export.js';
import { createSharedConversation, sharedIdOf } from './shared-conversation.js';
import { turnAnchor } from './turn-view.js';

export { savedIdOf, sharedIdOf, turnsOf };

/** Where a conversation (and one of its turns) opens: "https://host/c/<id>#frage-2". */
export function conversationUrl(id, turnNumber) {
  const url = new URL(`/c/${id}`, window.location.href);
  if (turnNumber !== undefined) url.hash = turnAnchor(turnNumber);
  return url.toString();
}

/** A link as the clipboard takes it: the URL as text, and as an HTML anchor (escaped, never encoded twice). */
export function linkPayload(url) {
  return { text: url, html: `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` };
}

/**
 * @param {{ api: import('./api.js').Api, chat: () => ReturnType<import('./chat.js').createChat>,
 *   store: ReturnType<import('./conversation-store.js').createConversationStore>,
 *   list: ReturnType<import('./conversation-list.js').createConversationList>,
 *   elements: { historyList: HTMLElement, historyEmpty: HTMLElement, bar: HTMLElement, sharedBar: HTMLElement,
 *     sharedText: HTMLElement, continueButton: HTMLElement, composer: HTMLElement, messages: HTMLElement,
 *     welcome: HTMLElement },
 *   announce: (text: string) => void, onError: (error: unknown) => void,
 *   offerUndo: (previous: object, text: string) => void, leave: () => void, focusQuestion: () => void }} options
 *   `leave` closes what covers the conversation (the panel, the drawer) when another conversation opens.
 */
export function createSavedConversations(options) {
  const { api, chat, store, list, elements, announce, onError, offerUndo, leave, focusQuestion } = options;
  const history = createConversationHistory({
    api,
    chat,
    list,
    elements: { list: elements.historyList, empty: elements.historyEmpty },
    announce,
    onError,
    beforeOpen: () => {
      shared.leave();
      leave();
    },
    offerUndo,
    focusQuestion,
  });
  const shared = createSharedConversation({
    api,
    chat,
    elements: {
      bar: elements.sharedBar,
      text: elements.sharedText,
      continueButton: elements.continueButton,
      composer: elements.composer,
      welcome: elements.welcome,
      messages: elements.messages,
    },
    onContinued: (conversation, key) => history.note(conversation, key),
    announce,
    onError,
    focusQuestion,
  });

  async function download(path, fallbackName) {
    try {
      saveFile(await api.getFile(path, fallbackName));
      announce('Word-Datei wird heruntergeladen.');
    } catch (error) {
      onError(error);
      throw error;
    }
  }

  return {
    renderHistory: () => history.render(),
    /** Called whenever the conversation changed: keep it (unless it is a shared one), list it, mark repeats. */
    changed(conversation) {
      if (!shared.current()) {
        store.save(conversation);
        history.changed(conversation);
      }
      markRepeatedSources(elements.messages);
      renderConversationBar(elements.bar, {
        turns: conversation.turns,
        shared: shared.current(),
        link: (id) => linkPayload(conversationUrl(id)),
        announce,
        download: (id) => download(`/api/conversations/${id}/export.docx`, 'Gespraech.docx'),
      });
    },
    /** Opens /c/<id>: this browser's own conversation to go on with, anyone else's read-only. */
    async openShared(id) {
      const own = id ? list.find(id) : undefined;
      if (!own) return shared.open(id);
      await history.open(own).catch(() => {});
      window.history.replaceState(null, '', '/');
    },
    continueShared: () => shared.continueIt(),
    leaveShared: () => shared.leave(),
    isShared: () => shared.current() !== undefined,
    /** The link "Link kopieren" gives for a turn: its saved conversation at that turn, else the question. */
    shareUrl(turn) {
      if (turn.saved) return conversationUrl(turn.saved.id, turn.saved.turn);
      const url = new URL('/', window.location.href);
      url.searchParams.set('q', turn.question);
      return url.toString();
    },
    downloadAnswer(turn) {
      return download(
        `/api/conversations/${turn.saved.id}/export.docx?turn=${turn.saved.turn}`,
        `Antwort-${turn.saved.turn + 1}.docx`,
      );
    },
  };
}

/**
 * Prints one answer alone: the others, every control and the focus ring stay off the paper; focus returns to
 * `returnFocusTo` (the button) once the print dialog closed.
 */
export function printAnswer(item, returnFocusTo) {
  document.body.classList.add('print-one');
  item.classList.add('print-target');
  if (document.activeElement instanceof HTMLElement) document.activeElement.blur();
  window.addEventListener(
    'afterprint',
    () => {
      document.body.classList.remove('print-one');
      item.classList.remove('print-target');
      // Once the page is laid out for the screen again (the controls were hidden on paper).
      requestAnimationFrame(() => returnFocusTo?.focus());
    },
    { once: true },
  );
  window.print();
}

/** Marks each paragraph's wording printed by an earlier answer, so a printout gives every paragraph once. */
export function markRepeatedSources(messages) {
  const seen = new Set();
  for (const source of messages.querySelectorAll('.print-source[data-unit]')) {
    const unit = source.getAttribute('data-unit');
    source.classList.toggle('print-repeat', seen.has(unit));
    seen.add(unit);
  }
}
