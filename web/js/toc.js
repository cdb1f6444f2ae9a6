// The table of contents in the navigation: each meeting with its items (TOP) as buttons that open the whole item.
import { meetingLabel } from './citation.js';
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
      list.append(element('li', {}, [button]));
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

/** Shows only the items whose TOP or title contains every word of `query`; returns how many are shown. */
export function filterToc(container, query) {
  const words = query.toLocaleLowerCase('de-DE').split(/\s+/u).filter(Boolean);
  let shown = 0;
  for (const entry of container.querySelectorAll('.toc-items > li')) {
    const text = entry.textContent.toLocaleLowerCase('de-DE');
    const visible = words.every((word) => text.includes(word));
    entry.hidden = !visible;
    if (visible) shown += 1;
  }
  for (const meeting of container.querySelectorAll('details.toc-meeting')) {
    meeting.hidden = meeting.querySelector('.toc-items > li:not([hidden])') === null;
  }
  return shown;
}
