// The list of this browser's earlier conversations in the navigation: newest first, each titled by its first question
// (or the name staff gave it) with its date and number of questions; a click opens it, and each can be renamed (in
// place) or deleted (after asking once).
import { element } from './dom.js';

/** "02.03.2026" in the browser's time zone. */
function germanDay(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? ''
    : date.toLocaleDateString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric' });
}

/**
 * @param {{ list: HTMLElement, empty: HTMLElement,
 *   onOpen: (entry: object) => void,
 *   onRename: (entry: object, title: string) => Promise<void>,
 *   onDelete: (entry: object) => Promise<void>,
 *   describeFailure: (error: unknown) => string }} options
 *   `onRename` and `onDelete` reject with the reason a change failed; it is shown beside the entry.
 */
export function createHistoryView({ list, empty, onOpen, onRename, onDelete, describeFailure }) {
  /** Per entry id: "rename" or "delete" while staff is at it, with a failure to show. */
  const modes = new Map();
  let shown = { entries: [], current: undefined };

  function render(entries = shown.entries, current = shown.current) {
    shown = { entries, current };
    empty.hidden = entries.length > 0;
    list.replaceChildren(...entries.map((entry) => entryItem(entry, entry.id === current)));
  }

  function setMode(id, mode) {
    if (mode) modes.set(id, mode);
    else modes.delete(id);
    render();
  }

  function entryItem(entry, isCurrent) {
    const mode = modes.get(entry.id);
    const questions = `${entry.turns} ${entry.turns === 1 ? 'Frage' : 'Fragen'}`;
    const open = element(
      'button',
      { type: 'button', className: 'history-open', 'aria-current': isCurrent ? 'true' : undefined },
      [
        element('span', { className: 'history-title', text: entry.title }),
        element('span', { className: 'history-meta', text: `${germanDay(entry.updatedAt)} · ${questions}` }),
      ],
    );
    open.addEventListener('click', () => onOpen(entry));
    const item = element('li', { className: 'history-entry', 'data-conversation': entry.id }, [open]);
    if (mode?.kind === 'rename') item.append(renameForm(entry, mode));
    else if (mode?.kind === 'delete') item.append(deleteConfirmation(entry, mode));
    else item.append(entryActions(entry));
    return item;
  }

  function entryActions(entry) {
    const rename = element('button', {
      type: 'button',
      className: 'link-button',
      text: 'Umbenennen',
      'aria-label': `Umbenennen: „${entry.title}“`,
    });
    rename.addEventListener('click', () => {
      setMode(entry.id, { kind: 'rename' });
      list.querySelector(`[data-conversation="${entry.id}"] input`)?.focus();
    });
    const remove = element('button', {
      type: 'button',
      className: 'link-button danger',
      text: 'Löschen',
      'aria-label': `Löschen: „${entry.title}“`,
    });
    remove.addEventListener('click', () => {
      setMode(entry.id, { kind: 'delete' });
      list.querySelector(`[data-conversation="${entry.id}"] .confirm-delete`)?.focus();
    });
    return element('div', { className: 'history-actions' }, [rename, remove]);
  }

  function failure(mode) {
    return mode.error ? element('p', { className: 'field-error', role: 'alert', text: mode.error }) : null;
  }

  function renameForm(entry, mode) {
    const id = `rename-${entry.id}`;
    const input = element('input', { id, type: 'text', maxlength: 200, autocomplete: 'off' });
    input.value = entry.named ? entry.title : '';
    input.placeholder = 'Name (leer: erste Frage)';
    const cancel = element('button', {
      type: 'button',
      className: 'button small secondary',
      text: 'Abbrechen',
    });
    cancel.addEventListener('click', () => {
      setMode(entry.id, undefined);
      list.querySelector(`[data-conversation="${entry.id}"] .link-button`)?.focus();
    });
    const form = element('form', { className: 'history-form' }, [
      element('label', { for: id, text: `Neuer Name für „${entry.title}“` }),
      input,
      element('div', { className: 'history-form-buttons' }, [
        element('button', { type: 'submit', className: 'button small', text: 'Speichern' }),
        cancel,
      ]),
      failure(mode),
    ]);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      try {
        await onRename(entry, input.value.trim());
        setMode(entry.id, undefined);
        list.querySelector(`[data-conversation="${entry.id}"] .history-open`)?.focus();
      } catch (error) {
        setMode(entry.id, { kind: 'rename', error: describeFailure(error) });
      }
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') cancel.click();
    });
    return form;
  }

  function deleteConfirmation(entry, mode) {
    const confirm = element('button', {
      type: 'button',
      className: 'button small danger confirm-delete',
      text: 'Endgültig löschen',
    });
    const cancel = element('button', {
      type: 'button',
      className: 'button small secondary',
      text: 'Abbrechen',
    });
    confirm.addEventListener('click', async () => {
      try {
        await onDelete(entry);
        modes.delete(entry.id);
      } catch (error) {
        setMode(entry.id, { kind: 'delete', error: describeFailure(error) });
      }
    });
    cancel.addEventListener('click', () => {
      setMode(entry.id, undefined);
      list.querySelector(`[data-conversation="${entry.id}"] .history-open`)?.focus();
    });
    return element(
      'div',
      { className: 'history-confirm', role: 'group', 'aria-label': `„${entry.title}“ löschen?` },
      [
        element('p', { text: 'Löschen? Geteilte Links darauf funktionieren danach nicht mehr.' }),
        element('div', { className: 'history-form-buttons' }, [confirm, cancel]),
        failure(mode),
      ],
    );
  }

  return { render };
}
