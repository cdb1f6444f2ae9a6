// The reference lookup ("TOP 49 Nr. 3" → GET /api/cite): shows the unit, or the server's reason it cannot, with the
// candidates of an ambiguous reference as buttons.
import { ApiError } from './api.js';
import { isNote, parseUnitId } from './citation.js';
import { element } from './dom.js';
import { describeError } from './errors.js';

const TITLES = {
  AMBIGUOUS_REFERENCE: 'Fundstelle nicht eindeutig',
  UNIT_NOT_FOUND: 'Fundstelle nicht gefunden',
  MEETING_NOT_FOUND: 'Sitzung nicht gefunden',
  INVALID_REFERENCE: 'Keine Fundstelle erkannt',
  INVALID_REQUEST: 'Keine Fundstelle erkannt',
};

/**
 * @param {{ form: HTMLFormElement, input: HTMLInputElement, output: HTMLElement,
 *   api: import('./api.js').Api, show: (unit: object, options: { opener: HTMLElement, heading: string }) => void,
 *   openerAfterLookup: () => HTMLElement, onError?: (error: unknown) => void }} options
 *   `show` opens a unit (a Source, or a unit address to fetch); `openerAfterLookup` names where focus returns when
 *   the panel closes (the input, or the drawer's toggle on a narrow screen).
 */
export function createLookup(options) {
  const { form, input, output, api, show, openerAfterLookup, onError = () => {} } = options;

  function showError(title, text, candidates = []) {
    const nodes = [element('p', { text: `${title}: ${text}` })];
    const units = candidates.map(parseUnitId).filter(Boolean);
    if (units.length > 0) {
      const list = element('ul', { className: 'candidates' });
      for (const unit of units) {
        const label = `TOP ${unit.top} ${isNote(unit.para) ? unit.para : `Ziff. ${unit.para}`}`;
        const button = element('button', { type: 'button', className: 'link-button', text: label });
        button.addEventListener('click', () => show(unit, { opener: button, heading: label }));
        list.append(element('li', {}, [button]));
      }
      nodes.push(element('p', { text: 'Gemeint ist eine dieser Stellen:' }), list);
    }
    output.replaceChildren(...nodes);
    input.setAttribute('aria-invalid', 'true');
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const ref = input.value.trim();
    output.replaceChildren();
    input.removeAttribute('aria-invalid');
    if (ref === '') {
      showError('Keine Fundstelle', 'Bitte geben Sie eine Fundstelle ein, z. B. „TOP 22 Ziff. 3“.');
      input.focus();
      return;
    }
    try {
      const source = await api.getJson(`/api/cite?ref=${encodeURIComponent(ref)}`);
      show(source, { opener: openerAfterLookup(), heading: ref });
    } catch (error) {
      onError(error);
      const description = describeError(error);
      const code = error instanceof ApiError ? error.code : '';
      const candidates = Array.isArray(error?.details?.candidates) ? error.details.candidates : [];
      showError(
        TITLES[code] ?? description.title,
        description.serverMessage ?? description.message,
        candidates,
      );
    }
  });
}
