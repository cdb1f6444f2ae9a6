// The conversations the server keeps, as the page meets them: this browser's list of earlier ones (open, rename,
// delete), the share link /c/<id> that shows one read-only as it was answered (marked with its date and index, with
// "Weiterfragen" to continue it as a new conversation), the conversation's own line (copy its link, Word export),
// and one answer as a Word file or printed alone.
import { ApiError } from './api.js';
import { copyButton } from './clipboard.js';
import { newConversationKey, newId, turnFromSaved } from './conversation.js';
import { element, icon } from './dom.js';
import { errorBox } from './error-box.js';
import { describeError } from './errors.js';
import { escapeHtml } from './export.js';
import { createHistoryView } from './history-view.js';
import { germanDateTime, turnAnchor } from './turn-view.js';

const CONVERSATION_ID = /^[0-9a-f]{32}$/;

/** The conversation id a path /c/<id> names (undefined for another path; "" for a malformed id). */
export function sharedIdOf(pathname) {
  const match = /^\/c\/([^/]+)$/.exec(pathname);
  if (!match) return undefined;
  return CONVERSATION_ID.test(match[1]) ? match[1] : '';
}

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

function saveFile({ blob, name }) {
  const url = URL.createObjectURL(blob);
  const anchor = element('a', { href: url, download: name, hidden: true });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The server id of a conversation's turns (they all share it), or undefined before its first saved answer. */
export function savedIdOf(turns) {
  return turns.find((turn) => turn.saved)?.saved.id;
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
  /** The shared conversation shown read-only, while it is. */
  let shared;

  const history = createHistoryView({
    list: elements.historyList,
    empty: elements.historyEmpty,
    onOpen: (entry) => openOwn(entry).catch(() => {}),
    onRename: rename,
    onDelete: remove,
    describeFailure: (error) => {
      const description = describeError(error);
      return `${description.title}: ${description.serverMessage ?? description.message}`;
    },
  });

  function renderHistory() {
    history.render(list.all(), savedIdOf(chat().snapshot().turns));
  }

  async function load(id) {
    return api.getJson(`/api/conversations/${id}`);
  }

  /** Shows a conversation the server keeps as this browser's own, to go on with under its key. */
  async function openOwn(entry) {
    if (savedIdOf(chat().snapshot().turns) === entry.id && !shared) {
      leave();
      focusQuestion();
      return;
    }
    let conversation;
    try {
      conversation = await load(entry.id);
    } catch (error) {
      onError(error);
      if (error?.code === 'CONVERSATION_NOT_FOUND') list.remove(entry.id);
      renderHistory();
      announce(`${describeError(error).title}: ${describeError(error).message}`);
      throw error;
    }
    leaveShared();
    leave();
    const previous = chat().reset();
    chat().restore({
      id: newId('chat'),
      key: entry.key,
      turns: conversation.turns.map((turn, index) => turnFromSaved(turn, conversation.id, index)),
    });
    noteEntry(conversation, entry.key);
    offerUndo(previous, `Gespräch „${conversation.title}“ geöffnet.`);
    announce(`Gespräch „${conversation.title}“ geöffnet.`);
    focusQuestion();
  }

  function noteEntry(conversation, key) {
    list.note({
      id: conversation.id,
      key,
      firstQuestion: conversation.turns[0]?.question ?? '',
      updatedAt: conversation.updatedAt,
      turns: conversation.turns.length,
    });
    if (conversation.named)
      list.rename(conversation.id, conversation.title, conversation.turns[0]?.question ?? '');
    renderHistory();
  }

  async function rename(entry, title) {
    const renamed = await api.sendJson(
      'PATCH',
      `/api/conversations/${entry.id}`,
      { title },
      {
        'X-Conversation-Key': entry.key,
      },
    );
    list.rename(entry.id, renamed.named ? renamed.title : '', renamed.title);
    renderHistory();
    announce(`Umbenannt in „${renamed.title}“.`);
  }

  async function remove(entry) {
    try {
      await api.sendJson('DELETE', `/api/conversations/${entry.id}`, undefined, {
        'X-Conversation-Key': entry.key,
      });
    } catch (error) {
      // Gone already (deleted elsewhere, past its retention): the entry goes too.
      if (error?.code !== 'CONVERSATION_NOT_FOUND') throw error;
    }
    list.remove(entry.id);
    if (savedIdOf(chat().snapshot().turns) === entry.id) chat().reset();
    renderHistory();
    announce(`Gespräch „${entry.title}“ gelöscht.`);
  }

  /** Called whenever the conversation changed: keep it (unless it is a shared one), list it, mark repeats. */
  function changed(conversation) {
    if (!shared) {
      store.save(conversation);
      const id = savedIdOf(conversation.turns);
      const saved = conversation.turns.filter((turn) => turn.saved);
      if (id && saved.length > 0) {
        const known = list.find(id);
        list.note({
          id,
          key: conversation.key,
          firstQuestion: saved[0].question,
          updatedAt: known && known.turns === saved.length ? known.updatedAt : new Date().toISOString(),
          turns: saved.length,
        });
      }
      renderHistory();
    }
    markRepeatedSources(elements.messages);
    renderBar(conversation.turns);
  }

  /** The conversation's own line: when it was answered, its link, and the whole conversation as a Word file. */
  function renderBar(turns) {
    const id = savedIdOf(turns);
    elements.bar.hidden = !id;
    if (!id) {
      elements.bar.replaceChildren();
      return;
    }
    const answered = turns.filter((turn) => turn.saved);
    const last = answered.at(-1);
    const text = shared
      ? `Geteiltes Gespräch, beantwortet am ${germanDateTime(shared.updatedAt)}; Index vom ${germanDateTime(last?.indexVersion ?? '')}. Nur lesen.`
      : `Gespräch mit ${answered.length} gespeicherten ${answered.length === 1 ? 'Antwort' : 'Antworten'}.`;
    const link = copyButton({
      label: 'Link kopieren',
      name: 'Link kopieren zu diesem Gespräch',
      payload: () => linkPayload(conversationUrl(id)),
      announce,
      secondary: true,
    });
    const word = element(
      'button',
      {
        type: 'button',
        className: 'button small secondary',
        'aria-label': 'Ganzes Gespräch als Word-Datei',
      },
      [icon('download'), element('span', { text: 'Gespräch als Word-Datei' })],
    );
    const failure = element('p', { className: 'field-error', role: 'alert' });
    word.addEventListener('click', () =>
      download(`/api/conversations/${id}/export.docx`, 'Gespraech.docx').catch((error) => {
        failure.textContent = `${describeError(error).title}: ${describeError(error).message}`;
      }),
    );
    elements.bar.replaceChildren(
      element('p', { className: 'conversation-bar-text', text }),
      link,
      word,
      failure,
    );
  }

  async function download(path, fallbackName) {
    try {
      saveFile(await api.getFile(path, fallbackName));
      announce('Word-Datei wird heruntergeladen.');
    } catch (error) {
      onError(error);
      throw error;
    }
  }

  /** Opens /c/<id>: this browser's own conversation to go on with, anyone else's read-only. */
  async function openShared(id) {
    const own = id ? list.find(id) : undefined;
    if (own) {
      await openOwn(own).catch(() => {});
      window.history.replaceState(null, '', '/');
      return;
    }
    shared = { id, updatedAt: '' };
    elements.composer.hidden = true;
    elements.welcome.hidden = true;
    elements.sharedBar.hidden = false;
    elements.sharedText.textContent = 'Geteiltes Gespräch wird geladen …';
    try {
      if (!id) throw new ApiError({ kind: 'http', status: 404, code: 'CONVERSATION_NOT_FOUND', message: '' });
      const conversation = await load(id);
      shared = { id, updatedAt: conversation.updatedAt };
      elements.sharedText.textContent = `Geteiltes Gespräch „${conversation.title}“ vom ${germanDateTime(conversation.updatedAt)}: so beantwortet, wie es damals war.`;
      chat().restore({
        id: newId('chat'),
        turns: conversation.turns.map((turn, index) => turnFromSaved(turn, conversation.id, index)),
      });
      const target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
      target?.scrollIntoView({ block: 'start' });
    } catch (error) {
      onError(error);
      const description = describeError(error);
      elements.sharedText.textContent = description.title;
      elements.messages.replaceChildren(element('li', {}, [errorBox(description)]));
    }
  }

  /** "Weiterfragen": the shared conversation becomes a new one of this browser, with every turn so far. */
  async function continueShared() {
    if (!shared?.id) {
      leaveShared();
      chat().reset();
      focusQuestion();
      return;
    }
    const key = newConversationKey();
    try {
      const conversation = await api.postJson(`/api/conversations/${shared.id}/continue`, { key });
      leaveShared();
      chat().restore({
        id: newId('chat'),
        key,
        turns: conversation.turns.map((turn, index) => turnFromSaved(turn, conversation.id, index)),
      });
      noteEntry(conversation, key);
      announce('Das Gespräch geht als Ihr eigenes weiter.');
      focusQuestion();
    } catch (error) {
      onError(error);
      elements.sharedText.textContent = `${describeError(error).title}: ${describeError(error).message}`;
    }
  }

  function leaveShared() {
    if (!shared) return;
    shared = undefined;
    elements.composer.hidden = false;
    elements.sharedBar.hidden = true;
    if (window.location.pathname !== '/') window.history.replaceState(null, '', '/');
  }

  elements.continueButton.addEventListener('click', () => continueShared());

  return {
    renderHistory,
    changed,
    openShared,
    continueShared,
    leaveShared,
    isShared: () => shared !== undefined,
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
    printAnswer,
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
