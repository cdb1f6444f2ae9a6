// The conversation's own line above its turns, once the server keeps it: when it was answered (and from which index,
// for a shared one), its link to copy, and the whole conversation as a Word file.
import { copyButton } from './clipboard.js';
import { element } from './dom.js';
import { downloadButton } from './download.js';
import { germanDateTime } from './turn-view.js';

/**
 * Fills `bar` for the turns shown (hidden before the first saved answer). `shared` is { updatedAt } of a shared
 * conversation shown read-only; `link(id)` the link to copy; `download(id)` saves the Word file.
 */
export function renderConversationBar(bar, { turns, shared, link, announce, download }) {
  const answered = turns.filter((turn) => turn.saved);
  const id = answered[0]?.saved.id;
  bar.hidden = !id;
  if (!id) {
    bar.replaceChildren();
    return;
  }
  const index = answered.at(-1)?.indexVersion;
  const text = shared
    ? `Geteiltes Gespräch, beantwortet am ${germanDateTime(shared.updatedAt)}${index ? `; Index vom ${germanDateTime(index)}` : ''}. Nur lesen.`
    : `Gespräch mit ${answered.length} gespeicherten ${answered.length === 1 ? 'Antwort' : 'Antworten'}.`;
  const copy = copyButton({
    label: 'Link kopieren',
    name: 'Link kopieren zu diesem Gespräch',
    payload: () => link(id),
    announce,
    secondary: true,
  });
  const word = downloadButton({
    label: 'Gespräch als Word-Datei',
    name: 'Ganzes Gespräch als Word-Datei',
    download: () => download(id),
  });
  bar.replaceChildren(
    element('p', { className: 'conversation-bar-text', text }),
    copy,
    word.button,
    word.failure,
  );
}
