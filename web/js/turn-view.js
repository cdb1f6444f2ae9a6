// One turn of the conversation as DOM: the question (with a link to share the conversation there), and the answer as
// it streams in, as an abstention, as stopped, or as an error (with a retry button where trying again can help); a
// finished answer gets "Antwort kopieren", "Word-Datei", "Drucken", the feedback that fits it, a "Meinten Sie …?"
// suggestion where the server has one, when and from which index it was answered, and its sources for printing.
import { fullCitation, unitId } from './citation.js';
import { copyButton } from './clipboard.js';
import { element, icon } from './dom.js';
import { downloadButton } from './download.js';
import { errorBox, retryButton } from './error-box.js';
import { canRetry, describeError } from './errors.js';
import { escapeHtml } from './export.js';

const RATINGS = [
  { rating: 'helpful', label: 'hilfreich' },
  { rating: 'unhelpful', label: 'nicht hilfreich' },
  { rating: 'wrong-citation', label: 'Fundstelle falsch' },
];

/** An abstention cites nothing: it was right to say so, or the resolutions do say something. */
const ABSTENTION_RATINGS = RATINGS.filter((each) => each.rating !== 'wrong-citation');

const COMMENT_PROMPTS = {
  'wrong-citation': 'Welche Fundstelle ist falsch, welche wäre richtig? (freiwillig)',
  unhelpful: 'Was hat gefehlt? (freiwillig)',
  abstained: 'Wo steht es in den Beschlüssen? (freiwillig)',
};

/** "02.03.2026, 10:15 Uhr" in the browser's time zone. */
export function germanDateTime(iso) {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return `${date.toLocaleString('de-DE', { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' })} Uhr`;
}

/** The anchor of a saved turn in its conversation's page: "frage-1" for the first. */
export function turnAnchor(number) {
  return `frage-${number + 1}`;
}

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
 *     downloadAnswer: (turn: object) => Promise<void>,
 *     printAnswer: (item: HTMLElement, returnFocusTo: HTMLElement) => void, rendered?: () => void,
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
        // The URL is already encoded; in HTML it only needs escaping (encoding it again breaks every umlaut).
        const url = actions.shareUrl(turn);
        return { text: url, html: `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` };
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
    if (!canRetry(turn.error)) return errorBox(describeError(turn.error));
    const retry = retryButton();
    retryButtons.set(retry, turn);
    return errorBox(describeError(turn.error), { action: retry });
  }

  /** When the answer was given and from which index, for a turn the server kept (a shared conversation, the list). */
  function answeredLine(turn) {
    if (!turn.answeredAt) return [];
    const index = turn.indexVersion ? ` · Index vom ${germanDateTime(turn.indexVersion)}` : '';
    return [
      element('p', {
        className: 'answered-at',
        text: `Beantwortet am ${germanDateTime(turn.answeredAt)}${index}`,
      }),
    ];
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
    const abstained = turn.answer?.abstained === true;
    box.append(element('span', { className: 'feedback-label', text: 'War das hilfreich?' }));
    for (const { rating, label } of abstained ? ABSTENTION_RATINGS : RATINGS) {
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
          text: COMMENT_PROMPTS[abstained && draft.rating === 'unhelpful' ? 'abstained' : draft.rating],
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
          // The unit's id lets a printout of several answers give each paragraph's wording once.
          return element('div', { className: 'print-source', 'data-unit': unitId(source) }, [
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
    const buttons = [copy];
    let wordFailure = null;
    if (turn.saved) {
      const word = downloadButton({
        label: 'Word-Datei',
        name: 'Antwort als Word-Datei',
        download: () => actions.downloadAnswer(turn),
      });
      buttons.push(word.button);
      wordFailure = word.failure;
    }
    const print = element(
      'button',
      { type: 'button', className: 'button small secondary', 'aria-label': 'Drucken: nur diese Antwort' },
      [icon('print'), element('span', { text: 'Drucken' })],
    );
    print.addEventListener('click', () => actions.printAnswer(item, print));
    buttons.push(print);
    return element('div', { className: 'answer-actions' }, [
      ...buttons,
      feedbackControls(item, turn),
      wordFailure,
    ]);
  }

  /** Re-renders the answer of `item` from `turn`. */
  function update(item, turn) {
    if (turn.saved) item.id = turnAnchor(turn.saved.turn);
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
      content.push(...suggestion(turn), ...notice(turn), ...answeredLine(turn));
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
    actions.rendered?.();
  }

  return { create, update };
}
