// The side panel (a full-width overlay on narrow screens): one cited unit with the quoted sentence marked, or a whole
// item with every paragraph and Protokollnotiz; opening moves focus into it, Tab keeps it there, closing (button or
// Escape) returns focus to the opener.
import { fullCitation, isNote, meetingLabel, paraLabel, unitReference } from './citation.js';
import { copyButton } from './clipboard.js';
import { element, icon } from './dom.js';
import { errorBox } from './error-box.js';
import { quotePayload } from './export.js';
import { findQuote } from './highlight.js';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select, details > summary, [tabindex]:not([tabindex="-1"])';

/** "Zitat kopieren" for the quoted pieces of a unit (or its whole text) with the full citation. */
function copyQuoteButton(citation, pieces, announce, options = {}) {
  return copyButton({
    label: 'Zitat kopieren',
    name: `Zitat kopieren: ${citation}`,
    payload: () => quotePayload({ pieces, citation }),
    announce,
    ...options,
  });
}

/** Text with the given ranges wrapped in <mark>. */
export function markedText(text, ranges) {
  const nodes = [];
  let from = 0;
  for (const range of ranges) {
    if (range.start > from) nodes.push(document.createTextNode(text.slice(from, range.start)));
    nodes.push(element('mark', { text: text.slice(range.start, range.end) }));
    from = range.end;
  }
  if (from < text.length) nodes.push(document.createTextNode(text.slice(from)));
  return nodes;
}

/**
 * @param {{ root: HTMLElement, title: HTMLElement, body: HTMLElement, closeButton: HTMLElement,
 *   announce: (text: string) => void, onShowItem: (meeting: string, top: string, options: object) => void,
 *   onToggle?: (open: boolean) => void, fallbackFocus: () => HTMLElement | null }} options
 *   `fallbackFocus` receives focus on closing when the opener is gone (its answer was re-rendered or cleared).
 */
export function createPanel(options) {
  const {
    root,
    title,
    body,
    closeButton,
    announce,
    onShowItem,
    onToggle = () => {},
    fallbackFocus,
  } = options;
  let opener;
  let generation = 0;

  /** Shows content; a new opener replaces the old one, none keeps it (moving within the panel keeps where to return). */
  function open(heading, content, newOpener) {
    if (newOpener !== undefined) opener = newOpener;
    title.textContent = heading;
    body.replaceChildren(...content);
    body.scrollTop = 0;
    const wasHidden = root.hidden;
    root.hidden = false;
    if (wasHidden) onToggle(true);
    title.focus();
  }

  function close() {
    if (root.hidden) return;
    generation += 1;
    root.hidden = true;
    onToggle(false);
    const target = opener?.isConnected ? opener : fallbackFocus();
    opener = undefined;
    target?.focus();
  }

  closeButton.addEventListener('click', close);
  root.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') {
      event.stopPropagation();
      close();
      return;
    }
    if (event.key !== 'Tab') return;
    // Focus stays in the open panel until it is closed: Tab from the last control goes to the first and back.
    const controls = [...root.querySelectorAll(FOCUSABLE)].filter(
      (control) => control.getClientRects().length > 0,
    );
    const first = controls[0];
    const last = controls.at(-1);
    const active = document.activeElement;
    // The heading takes focus on opening but is not in the Tab order: Shift+Tab from it wraps too.
    if (event.shiftKey && (active === first || active === title || !root.contains(active))) {
      event.preventDefault();
      last?.focus();
    } else if (!event.shiftKey && (active === last || !root.contains(active))) {
      event.preventDefault();
      first?.focus();
    }
  });

  /** Starts a load: shows a loading note and returns a check that the load is still the latest. */
  function loading(heading, newOpener) {
    generation += 1;
    const mine = generation;
    open(heading, [element('p', { className: 'muted', role: 'status', text: 'Wird geladen …' })], newOpener);
    return () => mine === generation;
  }

  function meetingLine(meetingId) {
    return element('p', { className: 'panel-meeting', text: meetingLabel(meetingId) });
  }

  /**
   * One unit (a Source) with `quote` marked; `paragraphCount` of its item decides "TOP 9" versus "TOP 9 Ziff. 1".
   */
  function showUnit(source, { quote, paragraphCount } = {}) {
    generation += 1;
    const unit = { ...source, paragraphCount };
    const citation = fullCitation(unit);
    const ranges = quote ? findQuote(source.text, quote) : [];
    const content = [
      meetingLine(source.meeting),
      element('h3', { className: 'panel-item-title', text: source.title }),
      element('p', { className: 'panel-para-label', text: paraLabel(unit) }),
      element('blockquote', { className: 'unit-text' }, markedText(source.text, ranges)),
    ];
    const pieces =
      ranges.length > 0 ? ranges.map((range) => source.text.slice(range.start, range.end)) : [source.text];
    if (quote && ranges.length === 0) {
      content.push(
        element('p', { className: 'note' }, [
          icon('info'),
          'Die Aussage gibt diesen Absatz sinngemäß wieder; der genaue Wortlaut steht oben.',
        ]),
      );
    }
    const showItem = element('button', {
      type: 'button',
      className: 'button small secondary',
      text: `Ganzen TOP ${source.top} anzeigen`,
    });
    // The panel keeps its opener: closing the item returns focus to the chip that opened the unit.
    showItem.addEventListener('click', () =>
      onShowItem(source.meeting, source.top, { current: source.para }),
    );
    content.push(
      element('div', { className: 'panel-actions' }, [copyQuoteButton(citation, pieces, announce), showItem]),
    );
    open(unitReference(unit), content);
  }

  /** A whole item: its units (Sources, in document order) each with its own copy button; `current` is marked. */
  function showItem(meetingId, item, sources, { current } = {}) {
    generation += 1;
    const paragraphCount = sources.filter((source) => !isNote(source.para)).length;
    const list = element('ol', { className: 'unit-list' });
    for (const source of sources) {
      const unit = { ...source, paragraphCount };
      const isCurrent = source.para === current;
      list.append(
        element(
          'li',
          { className: isCurrent ? 'unit current' : 'unit', 'aria-current': isCurrent ? 'true' : undefined },
          [
            element('h4', { className: 'unit-label', text: paraLabel(unit) }),
            element('p', { className: 'unit-text' }, [source.text]),
            copyQuoteButton(fullCitation(unit), [source.text], announce, { secondary: true }),
          ],
        ),
      );
    }
    open(`TOP ${item.top}`, [
      meetingLine(meetingId),
      element('h3', { className: 'panel-item-title', text: item.title }),
      list,
    ]);
  }

  function showError(heading, description) {
    generation += 1;
    open(heading, [errorBox(description)]);
  }

  return {
    loading,
    showUnit,
    showItem,
    showError,
    close,
    get isOpen() {
      return !root.hidden;
    },
  };
}
