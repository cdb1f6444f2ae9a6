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
export function createHistoryView(options) {
  const { list, empty } = options;
  /** Per entry id: { kind: "rename" | "delete", error? } while staff is at it. */
  const modes = new Map();
  let shown = { entries: [], current: undefined };

  const view = {
    ...options,
    setMode(id, mode) {
      if (mode) modes.set(id, mode);
      else modes.delete(id);
      render();
    },
    /** Focuses `selector` inside the entry of `id` (after a re-render). */
    focus(id, selector) {
      list.querySelector(`[data-conversation="${id}"] ${selector}`)?.focus();
    },
  };

  function render(entries = shown.entries, current = shown.current) {
    shown = { entries, current };
    empty.hidden = entries.length > 0;
    list.replaceChildren(
      ...entries.map((entry) => entryItem(view, entry, entry.id === current, modes.get(entry.id))),
    );
  }

  return { render };
}

function entryItem(view, entry, isCurrent, mode) {
  const questions = `${entry.turns} ${entry.turns === 1 ? 'Frage' : 'Fragen'}`;
  const open = element(
    'button',
    { type: 'button', className: 'history-open', 'aria-current': isCurrent ? 'true' : undefined },
    [
      element('span', { className: 'history-title', text: entry.title }),
      element('span', { className: 'history-meta', text: `${germanDay(entry.updatedAt)} · ${questions}` }),
    ],
  );
  open.addEventListener('click', () => view.onOpen(entry));
  const item = element('li', { className: 'history-entry', 'data-conversation': entry.id }, [open]);
  if (mode?.kind === 'rename') item.append(renameForm(view, entry, mode));
  else if (mode?.kind === 'delete') item.append(deleteConfirmation(view, entry, mode));
  else item.append(entryActions(view, entry));
  return item;
}

function entryActions(view, entry) {
  const rename = element('button', {
    type: 'button',
    className: 'link-button',
    text: 'Umbenennen',
    'aria-label': `Umbenennen: „${entry.title}“`,
  });
  rename.addEventListener('click', () => {
    view.setMode(entry.id, { kind: 'rename' });
    view.focus(entry.id, 'input');
  });
  const remove = element('button', {
    type: 'button',
    className: 'link-button danger',
    text: 'Löschen',
    'aria-label': `Löschen: „${entry.title}“`,
  });
  remove.addEventListener('click', () => {
    view.setMode(entry.id, { kind: 'delete' });
    view.focus(entry.id, '.confirm-delete');
  });
  return element('div', { className: 'history-actions' }, [rename, remove]);
}

function failure(mode) {
  return mode.error ? element('p', { className: 'field-error', role: 'alert', text: mode.error }) : null;
}

function cancelButton(view, entry) {
  const cancel = element('button', {
    type: 'button',
    className: 'button small secondary',
    text: 'Abbrechen',
  });
  cancel.addEventListener('click', () => {
    view.setMode(entry.id, undefined);
    view.focus(entry.id, '.history-open');
  });
  return cancel;
}

function renameForm(view, entry, mode) {
  const id = `rename-${entry.id}`;
  const input = element('input', {
    id,
    type: 'text',
    maxlength: 200,
    autocomplete: 'off',
    placeholder: 'leer: erste Frage',
  });
  input.value = entry.named ? entry.title : '';
  const cancel = cancelButton(view, entry);
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
      await view.onRename(entry, input.value.trim());
      view.setMode(entry.id, undefined);
      view.focus(entry.id, '.history-open');
    } catch (error) {
      view.setMode(entry.id, { kind: 'rename', error: view.describeFailure(error) });
    }
  });
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') cancel.click();
  });
  return form;
}

function deleteConfirmation(view, entry, mode) {
  const confirm = element('button', {
    type: 'button',
    className: 'button small danger confirm-delete',
    text: 'Endgültig löschen',
  });
  confirm.addEventListener('click', async () => {
    try {
      await view.onDelete(entry);
      view.setMode(entry.id, undefined);
    } catch (error) {
      view.setMode(entry.id, { kind: 'delete', error: view.describeFailure(error) });
    }
  });
  return element(
    'div',
    { className: 'history-confirm', role: 'group', 'aria-label': `„${entry.title}“ löschen?` },
    [
      element('p', { text: 'Löschen? Geteilte Links darauf funktionieren danach nicht mehr.' }),
      element('div', { className: 'history-form-buttons' }, [confirm, cancelButton(view, entry)]),
      failure(mode),
    ],
  );
}
