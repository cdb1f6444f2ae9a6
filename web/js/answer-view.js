// Renders answer text as DOM: headings, paragraphs and lists, each citation marker as chips (buttons) that open the
// cited unit; in an abstention, the list of closest items as buttons that open the item.
import { answerBlocks, inlineSegments } from './answer-text.js';
import { element } from './dom.js';

/**
 * `chips` remembers what each chip button stands for ({ citation, quote }); `itemHints` the item a hint button opens
 * ({ meeting, top }). Both are WeakMaps owned by the caller, looked up when a button is clicked.
 */
export function createAnswerRenderer({ chips, itemHints }) {
  function chipButton(citation, quote) {
    const button = element('button', {
      type: 'button',
      className: 'chip',
      text: citation.text,
      'aria-label': `${citation.text}, Fundstelle anzeigen`,
    });
    chips.set(button, { citation, quote });
    return button;
  }

  function inline(line) {
    const nodes = [];
    for (const segment of inlineSegments(line)) {
      if (segment.type === 'text') {
        nodes.push(document.createTextNode(segment.text));
        continue;
      }
      const group = element('span', { className: 'citations' });
      for (const citation of segment.citations) group.append(chipButton(citation, segment.quote));
      nodes.push(group);
    }
    return nodes;
  }

  /** The answer text as a fragment. */
  function render(text) {
    const fragment = document.createDocumentFragment();
    for (const block of answerBlocks(text)) {
      if (block.type === 'list') {
        fragment.append(
          element(
            'ul',
            { className: 'answer-list' },
            block.items.map((item) => element('li', {}, inline(item))),
          ),
        );
      } else if (block.type === 'heading') {
        fragment.append(element('p', { className: 'answer-heading' }, inline(block.text)));
      } else {
        fragment.append(element('p', {}, inline(block.text)));
      }
    }
    return fragment;
  }

  /**
   * An abstention: the first paragraph as the message, list lines naming an item ("TOP 46 – title") as buttons when
   * `findItem(line)` knows the item.
   */
  function renderAbstention(text, findItem) {
    const fragment = document.createDocumentFragment();
    for (const block of answerBlocks(text)) {
      if (block.type !== 'list') {
        fragment.append(
          element('p', { className: block.type === 'heading' ? 'hint-heading' : '' }, [block.text]),
        );
        continue;
      }
      const list = element('ul', { className: 'hint-list' });
      for (const line of block.items) {
        const item = findItem(line);
        if (!item) {
          list.append(element('li', { text: line }));
          continue;
        }
        const button = element('button', { type: 'button', className: 'link-button', text: line });
        itemHints.set(button, item);
        list.append(element('li', {}, [button]));
      }
      fragment.append(list);
    }
    return fragment;
  }

  return { render, renderAbstention };
}
