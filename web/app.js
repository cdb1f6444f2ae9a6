// The chat page: wires the question box and the conversation (kept across reloads and on the server, undoable "Neues
// Gespräch", the list of earlier conversations, shared conversations "/c/<id>" and questions "?q=…"), citation chips
// with their preview and the side panel, the table of contents with its filter and reference lookup, feedback, the API
// key box and the status line in the footer.
import { createAnswerRenderer } from './js/answer-view.js';
import { ApiError, createApi } from './js/api.js';
import { createChat } from './js/chat.js';
import { createChipPreview } from './js/chip-preview.js';
import { fullCitation, unitApiPath, unitId } from './js/citation.js';
import { createConversationList } from './js/conversation-list.js';
import { createConversationStore } from './js/conversation-store.js';
import { element } from './js/dom.js';
import { errorBox } from './js/error-box.js';
import { describeError, QUESTION_LIMIT } from './js/errors.js';
import { answerPayload } from './js/export.js';
import { createLookup } from './js/lookup.js';
import { createPanel } from './js/panel.js';
import { watchQuestionLimit } from './js/question-limit.js';
import { hintItem, resolveChip } from './js/resolve-chip.js';
import {
  createSavedConversations,
  markRepeatedSources,
  printAnswer,
  sharedIdOf,
} from './js/saved-conversations.js';
import { createServerStatus } from './js/server-status.js';
import { filterToc, renderToc, textMatchesOf } from './js/toc.js';
import { createTocIndex } from './js/toc-index.js';
import { createTurnView } from './js/turn-view.js';

const NARROW = window.matchMedia('(max-width: 799px)');

function byId(id) {
  const node = document.getElementById(id);
  if (!node) throw new Error(`The page has no element #${id}.`);
  return node;
}

/** Waits this long after the last keystroke before asking the server which items' texts match the filter. */
const FILTER_DELAY_MS = 250;

function start() {
  let status;
  const api = createApi({
    onReachable: () => status?.reportReachable(),
    onUnreachable: () => status?.reportUnreachable(),
  });
  status = createServerStatus({ node: byId('server-status'), api });
  const store = createConversationStore();
  /** Units the page has seen with their text (answers' sources, opened units): chips open even with the server gone. */
  const unitCache = new Map();
  const remember = (source) => {
    if (source && typeof source.text === 'string' && typeof source.id === 'string')
      unitCache.set(source.id, source);
  };
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
    undoBar: byId('undo-bar'),
    undoText: byId('undo-text'),
    undoButton: byId('undo'),
    questionNotice: byId('question-notice'),
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

  /** Shows an item the server already delivered whole (a bare "TOP 7" in the lookup). */
  function showWholeItem(item, { opener } = {}) {
    panel.loading(`TOP ${item.top}`, opener);
    for (const source of item.units) remember(source);
    panel.showItem(item.meeting, item, item.units, {});
  }

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
      for (const source of sources) remember(source);
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
      const source =
        unit.text !== undefined
          ? unit
          : (unitCache.get(unitId(unit)) ?? (await api.getJson(unitApiPath(unit))));
      remember(source);
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
  const saved = createSavedConversations({
    api,
    chat: () => chat,
    store,
    list: createConversationList(),
    elements: {
      historyList: byId('history-list'),
      historyEmpty: byId('history-empty'),
      bar: byId('conversation-bar'),
      sharedBar: byId('shared-bar'),
      sharedText: byId('shared-text'),
      continueButton: byId('continue-shared'),
      composer: ui.form,
      messages: ui.messages,
      welcome: ui.welcome,
    },
    announce,
    onError,
    offerUndo: (previous, text) => offerUndo(previous, text),
    leave: () => {
      panel.close();
      if (NARROW.matches) setTocOpen(false);
    },
    focusQuestion: () => ui.question.focus(),
  });
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
    onChange: (conversation) => {
      for (const turn of conversation.turns)
        for (const source of turn.answer?.sources ?? []) remember(source);
      saved.changed(conversation);
    },
    turnView: createTurnView({
      renderer: createAnswerRenderer({ chips, itemHints }),
      findHintItem: (turn, line) =>
        hintItem(line, { meetings: tocIndex.meetings, sources: turn.answer?.sources }),
      retryButtons,
      actions: {
        // A question asked from a shared conversation (a "Meinten Sie …?") continues it as this browser's own first.
        ask: (question) =>
          saved.isShared() ? saved.continueShared().then(() => ask(question)) : ask(question),
        copyAnswer: (turn) => answerPayload(turn, { meetings: tocIndex.meetings }),
        shareUrl: (turn) => saved.shareUrl(turn),
        downloadAnswer: (turn) => saved.downloadAnswer(turn),
        printAnswer,
        // Whenever an answer is drawn anew, the paragraphs an earlier answer prints already are marked again.
        rendered: () => markRepeatedSources(ui.messages),
        sendFeedback: async (turn, rating, comment) => {
          const body = {
            rating,
            question: turn.question,
            // Keeps the report under the server's 16 KiB body limit even for a long answer full of umlauts.
            answer: turn.text.slice(0, 6000),
            citations: (turn.answer?.statements ?? [])
              .flatMap((statement) => statement.citations)
              .slice(0, 100),
          };
          if (comment?.trim()) body.comment = comment.trim().slice(0, 2000);
          if (turn.answer?.mode) body.mode = turn.answer.mode;
          // Where the answer stands, so a report on a follow-up ("und bis wann?") can be read with what came before.
          if (turn.saved) Object.assign(body, { conversationId: turn.saved.id, turn: turn.saved.turn });
          await api.postJson('/api/feedback', body);
          turn.feedback = rating;
          chat.changed();
          announce('Danke für Ihre Rückmeldung.');
        },
        paragraphCount: (meeting, top) => tocIndex.paragraphCount(meeting, top),
        announce,
      },
    }),
  });

  function hideUndo() {
    ui.undoBar.hidden = true;
  }

  /** Offers to bring back `previous` ({ id, turns }) after it was replaced. */
  function offerUndo(previous, text) {
    if (previous.turns.length === 0) return;
    ui.undoText.textContent = text;
    ui.undoBar.hidden = false;
    ui.undoButton.onclick = () => {
      hideUndo();
      panel.close();
      chat.restore(previous);
      announce('Vorheriges Gespräch wiederhergestellt.');
      ui.question.focus();
    };
  }

  const questionLimit = watchQuestionLimit(ui.question, ui.questionNotice);

  function ask(question) {
    hideUndo();
    questionLimit.clear();
    chat.ask(question);
  }

  /** The unit a chip names, with its text when the page has it (the answer's sources, units opened before). */
  function chipUnit(button) {
    const chip = chips.get(button);
    const turn = chat.turnOf(button);
    if (!chip || !turn) return undefined;
    const resolved = resolveChip(turn, chip);
    if (!resolved) return { chip, turn };
    const known = resolved.unit.text !== undefined ? resolved.unit : unitCache.get(unitId(resolved.unit));
    return { chip, turn, unit: known ?? resolved.unit, quote: resolved.quote };
  }

  async function openChip(button) {
    const found = chipUnit(button);
    if (!found) return;
    const heading = found.chip.citation.text;
    if (found.unit) {
      await showUnit(found.unit, { quote: found.quote, opener: button, heading });
      return;
    }
    // Nothing the stream delivered names it: the server reads the marker itself.
    const isLatest = panel.loading(heading, button);
    try {
      const source = await api.getJson(`/api/cite?ref=${encodeURIComponent(heading)}`);
      if (isLatest()) await showUnit(source, { quote: found.chip.quote, opener: button, heading });
    } catch (error) {
      onError(error);
      if (isLatest()) panel.showError(heading, describeError(error));
    }
  }

  createChipPreview({
    root: byId('chip-preview'),
    container: ui.messages,
    preview: async (button) => {
      const found = chipUnit(button);
      if (!found) return undefined;
      let source = found.unit;
      if (!source) {
        source = await api.getJson(`/api/cite?ref=${encodeURIComponent(found.chip.citation.text)}`);
      } else if (source.text === undefined) {
        source = await api.getJson(unitApiPath(source));
      }
      remember(source);
      const unit = { ...source, paragraphCount: tocIndex.paragraphCount(source.meeting, source.top) };
      return {
        label: fullCitation(unit),
        title: source.title,
        text: source.text,
        quote: found.quote ?? found.chip.quote,
      };
    },
  });

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    ask(ui.question.value);
  });
  ui.question.addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    ask(ui.question.value);
  });
  byId('stop').addEventListener('click', () => {
    chat.stop();
    ui.question.focus();
  });
  byId('new-conversation').addEventListener('click', () => {
    const wasShared = saved.isShared();
    saved.leaveShared();
    const previous = chat.reset();
    panel.close();
    if (!wasShared) offerUndo(previous, 'Neues Gespräch begonnen.');
    ui.question.focus();
    announce(
      previous.turns.length > 0
        ? 'Neues Gespräch begonnen. Rückgängig machen ist möglich.'
        : 'Neues Gespräch begonnen.',
    );
  });
  for (const example of ui.welcome.querySelectorAll('button.example')) {
    example.addEventListener('click', () => ask(example.textContent ?? ''));
  }
  // The skip link puts the caret into the question box, not just the viewport near it.
  byId('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    ui.question.focus();
  });
  // Escape closes the panel wherever focus is (a click elsewhere may have moved it out).
  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && panel.isOpen && !event.defaultPrevented) panel.close();
  });
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

  let textMatches = new Map();
  let filterTimer;
  let filterRequest = 0;

  function showFilter(query) {
    const shown = filterToc(ui.tocList, query, textMatches);
    ui.tocFilterCount.textContent = query === '' ? '' : `${shown} TOP gefunden`;
  }

  /** Titles filter at once; which items' texts match comes from the server a moment later. */
  function applyFilter() {
    const query = ui.tocFilter.value.trim();
    textMatches = new Map();
    showFilter(query);
    clearTimeout(filterTimer);
    if (query === '') return;
    const mine = ++filterRequest;
    filterTimer = setTimeout(async () => {
      try {
        const filtered = await api.getJson(`/api/items?q=${encodeURIComponent(query)}`);
        if (mine !== filterRequest) return;
        textMatches = textMatchesOf(filtered);
        showFilter(query);
      } catch (error) {
        onError(error);
      }
    }, FILTER_DELAY_MS);
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
    showItem: (item, options) => showWholeItem(item, options),
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
  status.start();

  // --- a shared conversation, or the conversation kept from before, or a shared question -------------------------

  saved.renderHistory();
  const sharedId = sharedIdOf(window.location.pathname);
  if (sharedId !== undefined) {
    saved.openShared(sharedId);
    return;
  }
  const kept = store.load();
  if (kept && kept.turns.length > 0) chat.restore(kept);
  const sharedQuestion = new URL(window.location.href).searchParams.get('q')?.trim();
  if (sharedQuestion) {
    // Asked once: a reload shows the kept conversation instead of asking again.
    const url = new URL(window.location.href);
    url.searchParams.delete('q');
    window.history.replaceState(null, '', url.toString());
    const previous = chat.reset();
    if (sharedQuestion.length > QUESTION_LIMIT) {
      // Too long to ask: it waits in the box, cut to the limit, until staff shortened and sent it.
      ui.question.value = sharedQuestion.slice(0, QUESTION_LIMIT);
      questionLimit.cut(sharedQuestion.length);
    } else {
      chat.ask(sharedQuestion);
    }
    offerUndo(previous, 'Die geteilte Frage steht in einem neuen Gespräch.');
  }
}

start();
