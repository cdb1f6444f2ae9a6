// The status line in the footer: one short German line (meetings, units, model, answer mode) with the technical
// detail behind "Details"; it polls /api/health, follows every API request's outcome and says when the server is gone.
import { element } from './dom.js';

const GERMAN_NUMBER = new Intl.NumberFormat('de-DE');

function plural(count, one, many) {
  return count === 1 ? `1 ${one}` : `${GERMAN_NUMBER.format(count ?? 0)} ${many}`;
}

function builtAt(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime())
    ? undefined
    : date.toLocaleString('de-DE', { dateStyle: 'medium', timeStyle: 'short' });
}

/**
 * A readable model name: `model` when the server names it ("Xenova/multilingual-e5-small" → "multilingual-e5-small"),
 * else from the embedder id ("transformers:Xenova/multilingual-e5-small:384"); the offline embedder has none.
 */
export function modelName(health) {
  if (typeof health.model === 'string' && health.model !== '') {
    const name = health.model.split('/').at(-1);
    return health.dtype ? `${name} (${health.dtype})` : name;
  }
  const [provider, model] = String(health.embedder ?? '').split(':');
  if (provider === 'offline') return 'ohne Sprachmodell (Offline-Verfahren)';
  return model ? model.split('/').at(-1) : 'unbekannt';
}

/** The short line: "1 Sitzung · 107 Abschnitte · Modell: … · Antworten: wörtliche Auszüge". */
export function statusSummary(health) {
  return [
    plural(health.meetings, 'Sitzung', 'Sitzungen'),
    plural(health.units, 'Abschnitt', 'Abschnitte'),
    `Modell: ${modelName(health)}`,
    health.answerer === 'llm' ? 'Antworten: Sprachmodell' : 'Antworten: wörtliche Auszüge',
  ].join(' · ');
}

function detailRows(health) {
  const rows = [
    [
      'Geladen',
      `${plural(health.meetings, 'Sitzung', 'Sitzungen')}, ${plural(health.units, 'Abschnitt', 'Abschnitte')}`,
    ],
    [
      'Antworten',
      health.answerer === 'llm' ? 'vom Sprachmodell formuliert, Fundstellen geprüft' : 'wörtliche Auszüge',
    ],
    ['Embedder', element('code', { className: 'embedder', text: health.embedder })],
  ];
  if (health.model) rows.push(['Modell', `${health.model}${health.dtype ? ` (${health.dtype})` : ''}`]);
  if (health.embedderFallback) rows.push(['Ersatz, weil', health.embedderFallback]);
  const built = health.indexBuiltAt ? builtAt(health.indexBuiltAt) : undefined;
  if (built) rows.push(['Index erstellt', built]);
  rows.push(['Technische Angaben', element('a', { href: '/api/health', text: '/api/health' })]);
  return element(
    'dl',
    { className: 'status-facts' },
    rows.flatMap(([term, value]) => [element('dt', { text: term }), element('dd', {}, [value])]),
  );
}

/**
 * @param {{ node: HTMLElement, api: import('./api.js').Api, intervalMs?: number, offlineIntervalMs?: number }} options
 *   `intervalMs` (default 30 s) between checks while the server answers, `offlineIntervalMs` (default 5 s) while not.
 */
export function createServerStatus(options) {
  const { node, api, intervalMs = 30_000, offlineIntervalMs = 5_000 } = options;
  let state = 'unknown';
  let lastHealth;
  let timer;
  let detailsOpen = false;
  /** What the line shows now: a poll that finds nothing new leaves it (and screen readers) alone. */
  let shown = '';

  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(check, state === 'offline' ? offlineIntervalMs : intervalMs);
  }

  function renderOnline(health) {
    const key = `online ${JSON.stringify(health)}`;
    if (key === shown) return;
    shown = key;
    const summary = element('span', { className: 'status-summary', text: statusSummary(health) });
    const details = element('details', { className: 'status-details', open: detailsOpen }, [
      element('summary', { text: 'Details' }),
      detailRows(health),
    ]);
    details.addEventListener('toggle', () => {
      detailsOpen = details.open;
    });
    node.dataset.state = 'online';
    node.replaceChildren(
      element('span', { className: 'status-dot', 'aria-hidden': 'true' }),
      summary,
      details,
    );
  }

  function renderOffline(reason) {
    shown = `offline ${reason}`;
    const retry = element('button', { type: 'button', className: 'link-button', text: 'Jetzt prüfen' });
    retry.addEventListener('click', () => check());
    node.dataset.state = 'offline';
    node.replaceChildren(
      element('span', { className: 'status-dot offline', 'aria-hidden': 'true' }),
      element('span', {
        className: 'status-summary',
        text: `${reason} Neuer Versuch in ${Math.round(offlineIntervalMs / 1000)} Sekunden.`,
      }),
      ' ',
      retry,
    );
  }

  function online(health) {
    state = 'online';
    lastHealth = health;
    renderOnline(health);
    schedule();
  }

  function offline(reason = 'Server nicht erreichbar.') {
    if (state === 'offline') return schedule();
    state = 'offline';
    renderOffline(reason);
    schedule();
  }

  async function check() {
    try {
      online(await api.getJson('/api/health', { quiet: true }));
    } catch (error) {
      if (error?.kind === 'network') offline();
      else if (error?.status >= 500) offline(`Server meldet einen Fehler (${error.status}).`);
      else if (lastHealth) online(lastHealth);
      else offline('Serverstatus nicht verfügbar.');
    }
  }

  return {
    start: check,
    check,
    /** A request of the page reached no server: say so at once rather than at the next check. */
    reportUnreachable() {
      offline();
    },
    /** A request of the page got an answer: a server marked unreachable is back. */
    reportReachable() {
      if (state === 'offline') check();
    },
    get state() {
      return state;
    },
    stop() {
      clearTimeout(timer);
    },
  };
}
