// One turn of the conversation as DOM: the question, and the answer as it streams in, as an abstention, as stopped,
// or as an error with a retry button.
import { element, icon } from './dom.js';
import { errorBox, retryButton } from './error-box.js';
import { describeError } from './errors.js';

/**
 * @param {{ renderer: ReturnType<import('./answer-view.js').createAnswerRenderer>,
 *   findHintItem: (turn: object, line: string) => ({ meeting: string, top: string } | undefined),
 *   retryButtons: WeakMap<HTMLElement, object> }} options
 */
export function createTurnView({ renderer, findHintItem, retryButtons }) {
  /** The list item of a new turn; `update` fills in its answer. */
  function create(turn) {
    const body = element('div', { className: 'message-body' });
    const answer = element('article', { className: 'message assistant', 'aria-label': 'Antwort' }, [
      element('p', { className: 'message-who', text: 'Beschluss-Assistent' }),
      body,
    ]);
    const item = element('li', { className: 'turn', 'data-turn': turn.id }, [
      element('div', { className: 'message user' }, [
        element('p', { className: 'message-who', text: 'Ihre Frage' }),
        element('p', { className: 'message-text', text: turn.question }),
      ]),
      answer,
    ]);
    update(item, turn);
    return item;
  }

  function meta(turn) {
    const answer = turn.answer;
    if (!answer || answer.abstained) return [];
    const cited = new Set(
      answer.statements.flatMap((statement) =>
        statement.citations.map((c) => `${c.meeting}/${c.top}/${c.para}`),
      ),
    );
    const count = cited.size === 1 ? '1 Fundstelle' : `${cited.size} Fundstellen`;
    const how =
      answer.mode === 'llm'
        ? 'Mit einem Sprachmodell formuliert; bitte den Wortlaut der Fundstellen prüfen.'
        : 'Wörtliche Auszüge aus den Beschlüssen.';
    return [element('p', { className: 'answer-meta', text: `${how} ${count}.` })];
  }

  function notice(turn) {
    const text = turn.answer?.notice;
    return text
      ? [element('p', { className: 'notice' }, [icon('info'), element('span', { text: `Hinweis: ${text}` })])]
      : [];
  }

  function failure(turn) {
    const retry = retryButton();
    retryButtons.set(retry, turn);
    return errorBox(describeError(turn.error), { action: retry });
  }

  /** Re-renders the answer of `item` from `turn`. */
  function update(item, turn) {
    const article = item.querySelector('article.message');
    const body = item.querySelector('.message-body');
    const busy = turn.status === 'pending' || turn.status === 'streaming';
    article.setAttribute('aria-busy', String(busy));
    const abstained = turn.answer?.abstained === true;
    article.classList.toggle('abstained', abstained);
    const content = [];
    if (turn.status === 'pending') {
      content.push(
        element('p', { className: 'typing' }, [
          element('span', { text: 'Antwort wird erstellt' }),
          element('span', { className: 'dots', 'aria-hidden': 'true' }),
        ]),
      );
    } else if (abstained) {
      content.push(
        element('div', { className: 'abstention' }, [
          element('span', { className: 'abstention-icon' }, [icon('info')]),
          element('div', { className: 'abstention-text' }, [
            renderer.renderAbstention(turn.text, (line) => findHintItem(turn, line)),
          ]),
        ]),
      );
    } else if (turn.text !== '') {
      content.push(element('div', { className: 'answer-text' }, [renderer.render(turn.text)]));
    }
    if (turn.status === 'done') content.push(...notice(turn), ...meta(turn));
    if (turn.status === 'aborted') {
      content.push(
        element('p', { className: 'stopped' }, [
          icon('stop'),
          element('span', { text: 'Antwort abgebrochen.' }),
        ]),
      );
    }
    if (turn.status === 'error') content.push(failure(turn));
    body.replaceChildren(...content);
    if (turn.status === 'streaming') {
      const blocks = body.querySelectorAll('.answer-text > p, .answer-text > ul > li');
      blocks[blocks.length - 1]?.append(element('span', { className: 'cursor', 'aria-hidden': 'true' }));
    }
  }

  return { create, update };
}
