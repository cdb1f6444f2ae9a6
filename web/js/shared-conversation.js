// A conversation someone shared (/c/<id>), shown read-only exactly as it was answered, marked with its date, with
// "Weiterfragen" to continue it as a new conversation of this browser (the shared one stays as it was).
import { ApiError } from './api.js';
import { newConversationKey, newId } from './conversation.js';
import { turnsOf } from './conversation-history.js';
import { element } from './dom.js';
import { errorBox } from './error-box.js';
import { describeError } from './errors.js';
import { germanDateTime } from './turn-view.js';

const CONVERSATION_ID = /^[0-9a-f]{32}$/;

/** The conversation id a path /c/<id> names (undefined for another path; "" for a malformed id). */
export function sharedIdOf(pathname) {
  const match = /^\/c\/([^/]+)$/.exec(pathname);
  if (!match) return undefined;
  return CONVERSATION_ID.test(match[1]) ? match[1] : '';
}

/**
 * @param {{ api: import('./api.js').Api, chat: () => ReturnType<import('./chat.js').createChat>,
 *   elements: { bar: HTMLElement, text: HTMLElement, continueButton: HTMLElement, composer: HTMLElement,
 *     welcome: HTMLElement, messages: HTMLElement },
 *   onContinued: (conversation: object, key: string) => void, announce: (text: string) => void,
 *   onError: (error: unknown) => void, focusQuestion: () => void }} options
 *   `onContinued` lists the new conversation under its key.
 */
export function createSharedConversation(options) {
  const { api, chat, elements, onContinued, announce, onError, focusQuestion } = options;
  /** { id, updatedAt } while a shared conversation is shown. */
  let shown;

  function setReadOnly(readOnly) {
    elements.composer.hidden = readOnly;
    elements.bar.hidden = !readOnly;
  }

  /** Shows conversation `id` read-only ("" for a malformed link: said to be not found). */
  async function open(id) {
    shown = { id, updatedAt: '' };
    setReadOnly(true);
    elements.welcome.hidden = true;
    elements.text.textContent = 'Geteiltes Gespräch wird geladen …';
    try {
      if (!id) throw new ApiError({ kind: 'http', status: 404, code: 'CONVERSATION_NOT_FOUND', message: '' });
      const conversation = await api.getJson(`/api/conversations/${id}`);
      shown = { id, updatedAt: conversation.updatedAt };
      elements.text.textContent = `Geteiltes Gespräch „${conversation.title}“ vom ${germanDateTime(conversation.updatedAt)}: so beantwortet, wie es damals war.`;
      chat().restore({ id: newId('chat'), turns: turnsOf(conversation) });
      const target = window.location.hash ? document.getElementById(window.location.hash.slice(1)) : null;
      target?.scrollIntoView({ block: 'start' });
    } catch (error) {
      onError(error);
      const description = describeError(error);
      elements.text.textContent = description.title;
      elements.messages.replaceChildren(element('li', {}, [errorBox(description)]));
    }
  }

  /** "Weiterfragen": the shared conversation goes on as a new one of this browser, with every turn so far. */
  async function continueIt() {
    if (!shown?.id) {
      leave();
      chat().reset();
      focusQuestion();
      return;
    }
    const key = newConversationKey();
    try {
      const conversation = await api.postJson(`/api/conversations/${shown.id}/continue`, { key });
      leave();
      chat().restore({ id: newId('chat'), key, turns: turnsOf(conversation) });
      onContinued(conversation, key);
      announce('Das Gespräch geht als Ihr eigenes weiter.');
      focusQuestion();
    } catch (error) {
      onError(error);
      const description = describeError(error);
      elements.text.textContent = `${description.title}: ${description.message}`;
    }
  }

  /** Back to this browser's own conversations (the page's address too). */
  function leave() {
    if (!shown) return;
    shown = undefined;
    setReadOnly(false);
    if (window.location.pathname !== '/') window.history.replaceState(null, '', '/');
  }

  elements.continueButton.addEventListener('click', () => continueIt());

  return { open, continueIt, leave, current: () => shown };
}
