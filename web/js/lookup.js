// The reference lookup ("TOP 6/7 Ziff. 8", "TOP 7" → GET /api/cite): shows the unit, or the whole item a bare TOP
// names, or the server's German reason it cannot, with the nearest references that do resolve as links (once: the
// server's message lists them too, for clients without links, and the page leaves that list out).
import { ApiError } from './api.js';
import { element } from './dom.js';
import { describeError } from './errors.js';

/**
 * The server's message without the list of suggestions it ends with ("… Nächstgelegen: TOP 50, TOP 51." or
 * "… bitte eine davon wählen: TOP 9, TOP 46 Ziff. 8."), when the page shows them as links instead.
 */
export function withoutSuggestions(message, suggestions) {
  if (suggestions.length === 0) return message;
  const listed = `${suggestions.join(', ')}.`;
  if (!message.endsWith(listed)) return message;
  const before = message
    .slice(0, -listed.length)
    .replace(/\s*(?:Nächstgelegen|Vorhanden):\s*$/u, '')
    .replace(/:\s*$/u, '')
    .trimEnd();
  return /[.!?]$/u.test(before) ? before : `${before}.`;
}

const TITLES = {
  AMBIGUOUS_REFERENCE: 'Fundstelle nicht eindeutig',
  UNIT_NOT_FOUND: 'Fundstelle nicht gefunden',
  MEETING_NOT_FOUND: 'Sitzung nicht geladen',
  INVALID_REFERENCE: 'Keine Fundstelle erkannt',
  INVALID_REQUEST: 'Keine Fundstelle erkannt',
};

/**
 * @param {{ form: HTMLFormElement, input: HTMLInputElement, output: HTMLElement,
 *   api: import('./api.js').Api, show: (unit: object, options: { opener: HTMLElement, heading: string }) => void,
 *   showItem: (item: object, options: { opener: HTMLElement }) => void,
 *   openerAfterLookup: () => HTMLElement, onError?: (error: unknown) => void }} options
 *   `show` opens a unit (a Source); `showItem` a whole item (meeting, top, title, units); `openerAfterLookup` names
 *   where focus returns when the panel closes (the input, or the drawer's toggle on a narrow screen).
 */
export function createLookup(options) {
  const { form, input, output, api, show, showItem, openerAfterLookup, onError = () => {} } = options;

  function showError(title, text, suggestions = []) {
    const nodes = [element('p', { text: `${title}: ${text}` })];
    if (suggestions.length > 0) {
      const list = element('ul', { className: 'candidates' });
      for (const label of suggestions) {
        const button = element('button', { type: 'button', className: 'link-button', text: label });
        button.addEventListener('click', () => {
          input.value = label;
          lookUp(label);
        });
        list.append(element('li', {}, [button]));
      }
      nodes.push(element('p', { text: 'Vorhanden sind zum Beispiel:' }), list);
    }
    output.replaceChildren(...nodes);
    input.setAttribute('aria-invalid', 'true');
  }

  async function lookUp(ref) {
    output.replaceChildren();
    input.removeAttribute('aria-invalid');
    if (ref === '') {
      showError('Keine Fundstelle', 'Bitte geben Sie eine Fundstelle ein, z. B. „TOP 21 Ziff. 2“.');
      input.focus();
      return;
    }
    try {
      const result = await api.getJson(`/api/cite?ref=${encodeURIComponent(ref)}`);
      if (result.item) showItem(result.item, { opener: openerAfterLookup() });
      else show(result, { opener: openerAfterLookup(), heading: ref });
    } catch (error) {
      onError(error);
      const description = describeError(error);
      const code = error instanceof ApiError ? error.code : '';
      const suggestions = Array.isArray(error?.details?.suggestions)
        ? error.details.suggestions.filter((each) => typeof each === 'string')
        : [];
      showError(
        TITLES[code] ?? description.title,
        withoutSuggestions(description.serverMessage ?? description.message, suggestions),
        suggestions,
      );
    }
  }

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    lookUp(input.value.trim());
  });

  return { lookUp };
}
