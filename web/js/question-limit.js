// The longest question, made visible: the question box takes at most QUESTION_LIMIT characters and cuts a longer paste
// (or a longer shared question put into it) silently; this says so under the box.
import { QUESTION_LIMIT } from './errors.js';

/** The German notice for a text of `length` characters cut to the limit. */
export function cutNotice(length) {
  return `Der Text war ${length.toLocaleString('de-DE')} Zeichen lang; eine Frage darf höchstens ${QUESTION_LIMIT.toLocaleString('de-DE')} Zeichen haben. Er wurde gekürzt – bitte prüfen Sie das Ende der Frage.`;
}

/** Watches `box` (a textarea) for pastes beyond the limit and tells in `notice`. { cut(length), clear() }. */
export function watchQuestionLimit(box, notice) {
  const cut = (length) => {
    notice.textContent = cutNotice(length);
  };
  const clear = () => {
    notice.textContent = '';
  };
  box.addEventListener('paste', (event) => {
    const pasted = event.clipboardData?.getData('text/plain') ?? '';
    const length = box.value.length - (box.selectionEnd - box.selectionStart) + pasted.length;
    if (length > QUESTION_LIMIT) cut(length);
    else clear();
  });
  return { cut, clear };
}
