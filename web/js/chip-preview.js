// A preview of the cited paragraph while a citation chip is hovered or focused: its label, item title and text with the
// quoted sentence marked, in a tooltip that stays while the pointer is over it and that Escape dismisses (WCAG 1.4.13).
import { element } from './dom.js';
import { findQuote } from './highlight.js';
import { markedText } from './panel.js';

const EXCERPT_CHARS = 600;

/**
 * @param {{ root: HTMLElement, container: HTMLElement,
 *   preview: (chip: HTMLElement) => Promise<{ label: string, title: string, text: string, quote?: string } | undefined>,
 *   showDelayMs?: number, hideDelayMs?: number }} options
 *   `root` is the tooltip element (role="tooltip"); `container` holds the chips (`.chip` buttons).
 */
export function createChipPreview(options) {
  const { root, container, preview, showDelayMs = 250, hideDelayMs = 200 } = options;
  let current;
  let showTimer;
  let hideTimer;
  let request = 0;

  function place(chip) {
    const box = chip.getBoundingClientRect();
    const width = Math.min(448, window.innerWidth - 16);
    root.style.maxWidth = `${width}px`;
    const left = Math.max(8, Math.min(box.left, window.innerWidth - width - 8));
    root.style.left = `${left}px`;
    const below = window.innerHeight - box.bottom;
    const height = root.offsetHeight;
    const top = below >= height + 12 || box.top < height + 12 ? box.bottom + 6 : box.top - height - 6;
    root.style.top = `${Math.max(8, top)}px`;
  }

  function hide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    request += 1;
    if (current) current.removeAttribute('aria-describedby');
    current = undefined;
    root.hidden = true;
  }

  async function show(chip) {
    const mine = ++request;
    const content = await preview(chip).catch(() => undefined);
    if (mine !== request || !content || !chip.isConnected) return;
    const ranges = content.quote ? findQuote(content.text, content.quote) : [];
    let text = content.text;
    let marked = ranges;
    if (text.length > EXCERPT_CHARS && ranges.length === 0) {
      text = `${text.slice(0, EXCERPT_CHARS).replace(/\s+\S*$/u, '')} …`;
      marked = [];
    }
    root.replaceChildren(
      element('p', { className: 'preview-label', text: content.label }),
      element('p', { className: 'preview-title', text: content.title }),
      element('p', { className: 'preview-text' }, markedText(text, marked)),
    );
    current = chip;
    chip.setAttribute('aria-describedby', root.id);
    root.hidden = false;
    place(chip);
  }

  function schedule(chip) {
    clearTimeout(hideTimer);
    if (current === chip && !root.hidden) return;
    clearTimeout(showTimer);
    showTimer = setTimeout(() => show(chip), showDelayMs);
  }

  function scheduleHide() {
    clearTimeout(showTimer);
    clearTimeout(hideTimer);
    hideTimer = setTimeout(hide, hideDelayMs);
  }

  const chipOf = (target) => (target instanceof Element ? target.closest('.chip') : null);
  container.addEventListener('pointerover', (event) => {
    const chip = chipOf(event.target);
    if (chip) schedule(chip);
  });
  container.addEventListener('pointerout', (event) => {
    if (chipOf(event.target) && !root.contains(event.relatedTarget)) scheduleHide();
  });
  container.addEventListener('focusin', (event) => {
    const chip = chipOf(event.target);
    if (chip) schedule(chip);
  });
  container.addEventListener('focusout', (event) => {
    if (chipOf(event.target)) scheduleHide();
  });
  // The preview can be hovered, so its text can be read and selected.
  root.addEventListener('pointerenter', () => clearTimeout(hideTimer));
  root.addEventListener('pointerleave', scheduleHide);
  container.addEventListener('click', (event) => {
    if (chipOf(event.target)) hide();
  });
  document.addEventListener(
    'keydown',
    (event) => {
      if (event.key !== 'Escape' || root.hidden) return;
      // Escape closes the preview first, not the panel or drawer behind it.
      event.stopPropagation();
      hide();
    },
    true,
  );

  return { hide };
}
