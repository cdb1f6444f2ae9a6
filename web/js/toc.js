// The table of contents in the navigation: each meeting with its items (TOP) as buttons that open the whole item, and
// its filter (TOP and title at once; the text of the units as the server reports matches).
import { isNote, meetingLabel } from './citation.js';
import { element } from './dom.js';

/** Renders `tocIndex.meetings` into `container`; `onItem(meetingId, top, button)` opens an item. */
export function renderToc(container, tocIndex, onItem) {
  container.replaceChildren();
  if (tocIndex.meetings.length === 0) {
    container.append(element('p', { className: 'muted', text: 'Es sind keine Beschlüsse geladen.' }));
    return;
  }
  for (const meeting of tocIndex.meetings) {
    const heading = meetingLabel(meeting.id, meeting.date);
    const number = meeting.number ? ` · ${meeting.number}. Sitzung` : '';
    const list = element('ul', { className: 'toc-items' });
    for (const item of meeting.items) {
      const button = element('button', { type: 'button', className: 'toc-item' }, [
        element('span', { className: 'toc-top', text: `TOP ${item.top}` }),
        element('span', { className: 'toc-title', text: item.title }),
      ]);
      button.addEventListener('click', () => onItem(meeting.id, item.top, button));
      list.append(
        element('li', { 'data-item': `${meeting.id}/${item.top}` }, [
          button,
          element('p', { className: 'toc-hit', hidden: true }),
        ]),
      );
    }
    container.append(
      element('details', { className: 'toc-meeting', open: true }, [
        element('summary', {}, [
          element('span', { className: 'toc-meeting-label', text: heading }),
          element('span', { className: 'toc-meeting-meta', text: `${meeting.items.length} TOP${number}` }),
        ]),
        list,
      ]),
    );
  }
}

function fold(text) {
  return text.replace(/\u00ad/gu, '').toLocaleLowerCase('de-DE');
}

/** "Ziff. 8, Protokollnotiz SN" for the paras whose text matched. */
function hitLabel(paras) {
  return `im Text: ${paras.map((para) => (isNote(para) ? para : `Ziff. ${para}`)).join(', ')}`;
}

/**
 * Shows only the items whose TOP or title contains every word of `query`, or which `textMatches` (a Map from
 * "meeting/top" to the paras whose text matched, from GET /api/items?q=) names; returns how many are shown.
 */
export function filterToc(container, query, textMatches = new Map()) {
  const words = fold(query).split(/\s+/u).filter(Boolean);
  let shown = 0;
  for (const entry of container.querySelectorAll('.toc-items > li')) {
    const text = fold(entry.querySelector('.toc-item')?.textContent ?? '');
    const inText = words.length > 0 ? textMatches.get(entry.dataset.item) : undefined;
    const visible = words.every((word) => text.includes(word)) || inText !== undefined;
    entry.hidden = !visible;
    const hit = entry.querySelector('.toc-hit');
    if (hit) {
      hit.hidden = !inText || inText.length === 0;
      hit.textContent = inText && inText.length > 0 ? hitLabel(inText) : '';
    }
    if (visible) shown += 1;
  }
  for (const meeting of container.querySelectorAll('details.toc-meeting')) {
    meeting.hidden = meeting.querySelector('.toc-items > li:not([hidden])') === null;
  }
  return shown;
}

/** The Map filterToc takes, from the body of GET /api/items?q=. */
export function textMatchesOf(filtered) {
  const matches = new Map();
  for (const meeting of filtered?.meetings ?? []) {
    for (const item of meeting.items ?? []) matches.set(`${meeting.id}/${item.top}`, item.textMatches ?? []);
  }
  return matches;
}
