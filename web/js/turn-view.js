// One turn of the conversation as DOM: the question (with a link to share it), and the answer as it streams in, as an
// abstention, as stopped, or as an error with a retry button; a finished answer gets "Antwort kopieren", feedback
// buttons, a "Meinten Sie …?" suggestion where the server has one, and its sources for printing.
import { fullCitation } from './citation.js';
import { copyButton } from './clipboard.js';
import { element, icon } from './dom.js';
import { errorBox, retryButton } from './error-box.js';
import { describeError } from './errors.js';

const RATINGS = [
  { rating: 'helpful', label: 'hilfreich' },
  { rating: 'unhelpful', label: 'nicht hilfreich' },
  { rating: 'wrong-citation', label: 'Fundstelle falsch' },
];

const THANKS = {
  helpful: 'Danke – als hilfreich gemeldet.',
  unhelpful: 'Danke – als nicht hilfreich gemeldet.',
  'wrong-citation': 'Danke – falsche Fundstelle gemeldet.',
};

/** The framing line's words per answer language. */
const META_TEXT = {
  en: {
    one: 'citation',
    many: 'citations',
    llm: 'Written by a language model; please check the wording of the cited paragraphs.',
    verbatim: 'Verbatim excerpts from the resolutions (in German).',
  },
  de: {
    one: 'Fundstelle',
    many: 'Fundstellen',
    llm: 'Mit einem Sprachmodell formuliert; bitte den Wortlaut der Fundstellen prüfen.',
    verbatim: 'Wörtliche Auszüge aus den Beschlüssen.',
  },
};

/** The answer's framing line in the answer's language: how it was written and how many units it cites. */
export function answerMetaText(answer) {
  const cited = new Set(
    answer.statements.flatMap((statement) =>
      statement.citations.map((c) => `${c.meeting}/${c.top}/${c.para}`),
    ),
  );
  const text = META_TEXT[answer.language === 'en' ? 'en' : 'de'];
  const how = answer.mode === 'llm' ? text.llm : text.verbatim;
  return `${how} ${cited.size} ${cited.size === 1 ? text.one : text.many}.`;
}

/**
 * @param {{ renderer: ReturnType<import('./answer-view.js').createAnswerRenderer>,
 *   findHintItem: (turn: object, line: string) => ({ meeting: string, top: string } | undefined),
 *   retryButtons: WeakMap<HTMLElement, object>,
 *   actions: { ask: (question: string) => void, copyAnswer: (turn: object) => { text: string, html: string },
 *     shareUrl: (turn: object) => string, sendFeedback: (turn: object, rating: string, comment?: string) => Promise<void>,
 *     paragraphCount: (meeting: string, top: string) => number | undefined, announce: (text: string) => void } }} options
 */
export function createTurnView({ renderer, findHintItem, retryButtons, actions }) {
  /** Feedback being written (rating chosen, comment box open), per turn; not kept across reloads. */
  const drafts = new WeakMap();

  /** The list item of a new turn; `update` fills in its answer. */
  function create(turn) {
    const body = element('div', { className: 'message-body' });
    const answer = element('article', { className: 'message assistant', 'aria-label': 'Antwort' }, [
      element('p', { className: 'message-who', text: 'Beschluss-Assistent' }),
      body,
    ]);
    const share = copyButton({
      label: 'Link kopieren',
      name: `Link kopieren zur Frage „${turn.question}“`,
      payload: () => {
        const url = actions.shareUrl(turn);
        return { text: url, html: `<a href="${encodeURI(url)}">${url}</a>` };
      },
      announce: actions.announce,
      secondary: true,
    });
    share.classList.add('share-button');
    const item = element('li', { className: 'turn', 'data-turn': turn.id }, [
      element('div', { className: 'message user' }, [
        element('p', { className: 'message-who', text: 'Ihre Frage' }),
        element('p', { className: 'message-text', text: turn.question }),
        element('div', { className: 'question-actions' }, [share]),
      ]),
      answer,
    ]);
    update(item, turn);
    return item;
  }

  function notice(turn) {
    const text = turn.answer?.notice;
    return text
      ? [element('p', { className: 'notice' }, [icon('info'), element('span', { text: `Hinweis: ${text}` })])]
      : [];
  }

  function suggestion(turn) {
    const corrected = turn.answer?.didYouMean;
    if (typeof corrected !== 'string' || corrected.trim() === '' || corrected === turn.question) return [];
    const english = turn.answer?.language === 'en';
    const button = element('button', {
      type: 'button',
      className: 'link-button did-you-mean',
      text: english ? `Did you mean “${corrected}”?` : `Meinten Sie „${corrected}“?`,
    });
    button.addEventListener('click', () => actions.ask(corrected));
    return [element('p', { className: 'suggestion', lang: english ? 'en' : undefined }, [button])];
  }

  function failure(turn) {
    const retry = retryButton();
    retryButtons.set(retry, turn);
    return errorBox(describeError(turn.error), { action: retry });
  }

  function feedbackControls(item, turn) {
    const box = element('div', {
      className: 'feedback',
      role: 'group',
      'aria-label': 'Rückmeldung zur Antwort',
    });
    if (turn.feedback) {
      box.append(element('p', { className: 'feedback-done', role: 'status', text: THANKS[turn.feedback] }));
      return box;
    }
    const draft = drafts.get(turn);
    box.append(element('span', { className: 'feedback-label', text: 'War das hilfreich?' }));
    for (const { rating, label } of RATINGS) {
      const button = element('button', {
        type: 'button',
        className: 'button small secondary feedback-button',
        'aria-pressed': String(draft?.rating === rating),
        text: label,
      });
      button.addEventListener('click', () => {
        if (rating === 'helpful') {
          submit(item, turn, rating);
          return;
        }
        drafts.set(turn, { rating });
        update(item, turn);
        item.querySelector('.feedback textarea')?.focus();
      });
      box.append(button);
    }
    if (draft) {
      const id = `feedback-comment-${turn.id}`;
      const comment = element('textarea', { id, rows: 2, maxlength: 2000 });
      const send = element('button', {
        type: 'submit',
        className: 'button small',
        text: 'Rückmeldung senden',
      });
      const cancel = element('button', {
        type: 'button',
        className: 'button small secondary',
        text: 'Abbrechen',
      });
      const form = element('form', { className: 'feedback-form' }, [
        element('label', {
          for: id,
          text:
            draft.rating === 'wrong-citation'
              ? 'Welche Fundstelle ist falsch, welche wäre richtig? (freiwillig)'
              : 'Was hat gefehlt? (freiwillig)',
        }),
        comment,
        element('div', { className: 'feedback-form-buttons' }, [send, cancel]),
        draft.error ? element('p', { className: 'field-error', role: 'alert', text: draft.error }) : null,
      ]);
      form.addEventListener('submit', (event) => {
        event.preventDefault();
        submit(item, turn, draft.rating, comment.value);
      });
      cancel.addEventListener('click', () => {
        drafts.delete(turn);
        update(item, turn);
        item.querySelector('.feedback-button')?.focus();
      });
      box.append(form);
    }
    return box;
  }

  async function submit(item, turn, rating, comment) {
    try {
      await actions.sendFeedback(turn, rating, comment);
      drafts.delete(turn);
      turn.feedback = rating;
      update(item, turn);
      item.querySelector('.feedback-done')?.setAttribute('tabindex', '-1');
      item.querySelector('.feedback-done')?.focus();
    } catch (error) {
      const description = describeError(error);
      drafts.set(turn, {
        rating,
        error: `${description.title}: ${description.serverMessage ?? description.message}`,
      });
      update(item, turn);
    }
  }

  /** The cited units with their text, for print (the screen opens them in the panel instead). */
  function printSources(turn) {
    const answer = turn.answer;
    const sources = answer?.sources ?? [];
    const cited = [];
    for (const citation of (answer?.statements ?? []).flatMap((statement) => statement.citations)) {
      const source = sources.find(
        (each) =>
          each.meeting === citation.meeting && each.top === citation.top && each.para === citation.para,
      );
      if (source && !cited.includes(source)) cited.push(source);
    }
    if (cited.length === 0) return [];
    return [
      element('section', { className: 'print-sources', 'aria-label': 'Fundstellen im Wortlaut' }, [
        element('p', { className: 'print-sources-heading', text: 'Fundstellen im Wortlaut' }),
        ...cited.map((source) => {
          const unit = { ...source, paragraphCount: actions.paragraphCount(source.meeting, source.top) };
          return element('div', { className: 'print-source' }, [
            element('p', {
              className: 'print-source-label',
              text: `${fullCitation(unit)} – ${source.title}`,
            }),
            element('p', { className: 'print-source-text', text: source.text }),
          ]);
        }),
      ]),
    ];
  }

  function answerActions(item, turn) {
    const copy = copyButton({
      label: 'Antwort kopieren',
      name: 'Antwort kopieren, mit allen Fundstellen',
      payload: () => actions.copyAnswer(turn),
      announce: actions.announce,
      secondary: true,
    });
    return element('div', { className: 'answer-actions' }, [copy, feedbackControls(item, turn)]);
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
    if (turn.status === 'done') {
      content.push(...suggestion(turn), ...notice(turn));
      if (turn.answer && !abstained) {
        content.push(
          element('p', {
            className: 'answer-meta',
            // The quotes stay German; only the page's own words around them follow the answer's language.
            lang: turn.answer.language === 'en' ? 'en' : undefined,
            text: answerMetaText(turn.answer),
          }),
        );
      }
      content.push(...printSources(turn), answerActions(item, turn));
    }
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
