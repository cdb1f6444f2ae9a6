// The chat page: wires the question box and the conversation, citation chips and the side panel, the table of
// contents with its filter and reference lookup, the API key box and the server status in the footer.
import { createAnswerRenderer } from './js/answer-view.js';
import { ApiError, createApi } from './js/api.js';
import { createChat } from './js/chat.js';
import { unitApiPath } from './js/citation.js';
import { element } from './js/dom.js';
import { errorBox } from './js/error-box.js';
import { describeError } from './js/errors.js';
import { createLookup } from './js/lookup.js';
import { createPanel } from './js/panel.js';
import { hintItem, resolveChip } from './js/resolve-chip.js';
import { renderServerStatus } from './js/server-status.js';
import { filterToc, renderToc } from './js/toc.js';
import { createTocIndex } from './js/toc-index.js';
import { createTurnView } from './js/turn-view.js';

const NARROW = window.matchMedia('(max-width: 799px)');

function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The page has no element #${id}.`);
  return node;
}

function start() {
  const api = createApi();
  const ui = {
    header: byId('site-header'),
    layout: byId('layout'),
    main: byId('main'),
    form: byId('ask-form'),
    question: byId('question'),
    messages: byId('messages'),
    welcome: byId('welcome'),
    panel: byId('panel'),
    toc: byId('toc'),
    tocToggle: byId('toc-toggle'),
    tocList: byId('toc-list'),
    tocFilter: byId('toc-filter-input'),
    tocFilterCount: byId('toc-filter-count'),
    lookupInput: byId('lookup-input'),
    apiKeyBox: byId('api-key-box'),
    apiKeyInput: byId('api-key-input'),
    announcer: byId('announcer'),
  };
  let tocIndex = createTocIndex(undefined);
  let tocLoading;

  function announce(text) {
    // Emptying first makes a repeated message ("Kopiert") heard again.
    ui.announcer.textContent = '';
    setTimeout(() => {
      ui.announcer.textContent = text;
    }, 50);
  }

  function onError(error) {
    if (error instanceof ApiError && error.status === 401) ui.apiKeyBox.hidden = false;
  }

  /**
   * On a narrow screen the drawer and the panel cover the page: what lies beneath is made inert, so neither focus
   * nor a screen reader wanders behind the overlay.
   */
  function syncOverlays() {
    const covered = NARROW.matches && (!ui.panel.hidden || document.body.classList.contains('toc-open'));
    ui.main.inert = covered;
    ui.header.inert = covered;
    ui.toc.inert = NARROW.matches && !ui.panel.hidden;
  }

  // --- side panel -------------------------------------------------------------------------------------------------

  const panel = createPanel({
    root: ui.panel,
    title: byId('panel-title'),
    body: byId('panel-body'),
    closeButton: byId('panel-close'),
    announce,
    fallbackFocus: () => ui.question,
    onShowItem: (meeting, top, options) => openItem(meeting, top, options),
    onToggle: (open) => {
      ui.layout.classList.toggle('has-panel', open);
      syncOverlays();
    },
  });

  async function openItem(meetingId, top, { current, opener } = {}) {
    const isLatest = panel.loading(`TOP ${top}`, opener);
    try {
      const item = (await ensureToc()).item(meetingId, top);
      if (!item) {
        panel.showError(`TOP ${top}`, {
          title: 'TOP nicht gefunden',
          message: `TOP ${top} steht nicht im Inhaltsverzeichnis.`,
        });
        return;
      }
      // One request for the whole item (all paragraphs and Protokollnotizen with their texts).
      const { units: sources } = await api.getJson(
        `/api/items/${encodeURIComponent(meetingId)}/${encodeURIComponent(item.top)}`,
      );
      if (isLatest()) panel.showItem(meetingId, item, sources, { current });
    } catch (error) {
      onError(error);
      if (isLatest()) panel.showError(`TOP ${top}`, describeError(error));
    }
  }

  /** Opens one unit: a Source as it is, or a unit address ({ meeting, top, para }) fetched first. */
  async function showUnit(unit, { quote, opener, heading }) {
    const isLatest = panel.loading(heading, opener);
    try {
      const source = unit.text === undefined ? await api.getJson(unitApiPath(unit)) : unit;
      const index = await ensureToc().catch(() => tocIndex);
      if (isLatest()) {
        panel.showUnit(source, { quote, paragraphCount: index.paragraphCount(source.meeting, source.top) });
      }
    } catch (error) {
      onError(error);
      if (isLatest()) panel.showError(heading, describeError(error));
    }
  }

  // --- conversation -----------------------------------------------------------------------------------------------

  const chips = new WeakMap();
  const itemHints = new WeakMap();
  const retryButtons = new WeakMap();
  const chat = createChat({
    elements: {
      form: ui.form,
      question: ui.question,
      send: byId('send'),
      stop: byId('stop'),
      messages: ui.messages,
      conversation: byId('conversation'),
      welcome: ui.welcome,
    },
    api,
    announce,
    onError,
    turnView: createTurnView({
      renderer: createAnswerRenderer({ chips, itemHints }),
      findHintItem: (turn, line) =>
        hintItem(line, { meetings: tocIndex.meetings, sources: turn.answer?.sources }),
      retryButtons,
    }),
  });

  async function openChip(button) {
    const chip = chips.get(button);
    const turn = chat.turnOf(button);
    if (!chip || !turn) return;
    const heading = chip.citation.text;
    const resolved = resolveChip(turn, chip);
    if (resolved) {
      await showUnit(resolved.unit, { quote: resolved.quote, opener: button, heading });
      return;
    }
    // Nothing the stream delivered names it: the server reads the marker itself.
    const isLatest = panel.loading(heading, button);
    try {
      const source = await api.getJson(`/api/cite?ref=${encodeURIComponent(heading)}`);
      if (isLatest()) await showUnit(source, { quote: chip.quote, opener: button, heading });
    } catch (error) {
      onError(error);
      if (isLatest()) panel.showError(heading, describeError(error));
    }
  }

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    chat.ask(ui.question.value);
  });
  ui.question.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    chat.ask(ui.question.value);
  });
  byId('stop').addEventListener('click', () => {
    chat.stop();
    ui.question.focus();
  });
  byId('new-conversation').addEventListener('click', () => {
    chat.reset();
    panel.close();
    ui.question.focus();
    announce('Neues Gespräch begonnen.');
  });
  for (const example of ui.welcome.querySelectorAll('button.example')) {
    example.addEventListener('click', () => chat.ask(example.textContent ?? ''));
  }
  ui.messages.addEventListener('click', (event) => {
    const button = event.target instanceof Element ? event.target.closest('button') : null;
    if (!button) return;
    if (chips.has(button)) {
      openChip(button);
    } else if (itemHints.has(button)) {
      const { meeting, top } = itemHints.get(button);
      openItem(meeting, top, { opener: button });
    } else if (retryButtons.has(button)) {
      // The button is replaced by the new answer: focus goes back to the question box.
      chat.retry(retryButtons.get(button));
      ui.question.focus();
    }
  });

  // --- table of contents, filter and lookup -----------------------------------------------------------------------

  function setTocOpen(open) {
    document.body.classList.toggle('toc-open', open);
    ui.tocToggle.setAttribute('aria-expanded', String(open));
    syncOverlays();
    if (open) ui.lookupInput.focus();
  }

  /** Where focus returns after something opened from the navigation: the drawer's toggle once the drawer closed. */
  function openerFromToc(fallback) {
    if (!NARROW.matches || !document.body.classList.contains('toc-open')) return fallback;
    setTocOpen(false);
    return ui.tocToggle;
  }

  function applyFilter() {
    const query = ui.tocFilter.value.trim();
    const shown = filterToc(ui.tocList, query);
    ui.tocFilterCount.textContent = query === '' ? '' : `${shown} TOP gefunden`;
  }

  function ensureToc() {
    tocLoading ??= api.getJson('/api/items').then(
      (toc) => {
        tocIndex = createTocIndex(toc);
        renderToc(ui.tocList, tocIndex, (meetingId, top, button) =>
          openItem(meetingId, top, { opener: openerFromToc(button) }),
        );
        ui.tocList.setAttribute('aria-busy', 'false');
        if (ui.tocFilter.value) applyFilter();
        return tocIndex;
      },
      (error) => {
        tocLoading = undefined;
        onError(error);
        const description = describeError(error);
        const retry = element('button', {
          type: 'button',
          className: 'button small secondary',
          text: 'Erneut laden',
        });
        retry.addEventListener('click', () => ensureToc().catch(() => {}));
        ui.tocList.replaceChildren(
          errorBox({ ...description, title: `Inhaltsverzeichnis: ${description.title}` }, { action: retry }),
        );
        ui.tocList.setAttribute('aria-busy', 'false');
        throw error;
      },
    );
    return tocLoading;
  }

  ui.tocFilter.addEventListener('input', applyFilter);
  ui.tocToggle.addEventListener('click', () => setTocOpen(!document.body.classList.contains('toc-open')));
  byId('toc-close').addEventListener('click', () => {
    setTocOpen(false);
    ui.tocToggle.focus();
  });
  ui.toc.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || !document.body.classList.contains('toc-open')) return;
    setTocOpen(false);
    ui.tocToggle.focus();
  });
  NARROW.addEventListener('change', () => setTocOpen(false));

  createLookup({
    form: byId('lookup-form'),
    input: ui.lookupInput,
    output: byId('lookup-error'),
    api,
    show: (unit, options) => showUnit(unit, options),
    openerAfterLookup: () => openerFromToc(ui.lookupInput),
    onError,
  });

  // --- API key and server status ----------------------------------------------------------------------------------

  byId('api-key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    api.setApiKey(ui.apiKeyInput.value.trim());
    ui.apiKeyInput.value = '';
    ui.apiKeyBox.hidden = true;
    announce('API-Schlüssel gespeichert.');
    ensureToc().catch(() => {});
    ui.question.focus();
  });

  ensureToc().catch(() => {});
  api.getJson('/api/health').then(
    (health) => renderServerStatus(byId('server-status'), health),
    (error) => renderServerStatus(byId('server-status'), undefined, describeError(error)),
  );
}

start();
