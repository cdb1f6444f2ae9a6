// Copies text to the clipboard: the asynchronous Clipboard API where the browser offers it (https or localhost),
// otherwise a selected off-screen text area and the copy command (plain http inside an office network).
import { element, icon } from './dom.js';

export async function copyText(text) {
  if (navigator.clipboard?.writeText && window.isSecureContext) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Denied (no permission, page not focused): the copy command below may still work.
    }
  }
  const buffer = element('textarea', {
    className: 'clipboard-buffer',
    readonly: true,
    'aria-hidden': 'true',
  });
  buffer.value = text;
  const focused = document.activeElement;
  document.body.append(buffer);
  buffer.focus();
  buffer.select();
  let copied = false;
  try {
    copied = document.execCommand('copy');
  } catch {
    copied = false;
  } finally {
    buffer.remove();
    if (focused instanceof HTMLElement) focused.focus();
  }
  return copied;
}

/**
 * A "Zitat kopieren" button copying `citation` ("IMK 10.12.2020, TOP 46 Ziff. 8"); it shows "Kopiert" for a moment and
 * `announce` tells screen readers. `secondary` (default false) gives the quieter style used in lists.
 */
export function copyCitationButton(citation, announce, { resetAfterMs = 2500, secondary = false } = {}) {
  const label = element('span', { text: 'Zitat kopieren' });
  const button = element(
    'button',
    {
      type: 'button',
      className: `button small copy-button${secondary ? ' secondary' : ''}`,
      'aria-label': `Zitat kopieren: ${citation}`,
    },
    [icon('copy'), label],
  );
  let timer;
  button.addEventListener('click', async () => {
    const copied = await copyText(citation);
    clearTimeout(timer);
    label.textContent = copied ? 'Kopiert' : 'Kopieren nicht möglich';
    button.classList.toggle('copied', copied);
    announce(copied ? `Kopiert: ${citation}` : `Kopieren nicht möglich. Zitat: ${citation}`);
    timer = setTimeout(() => {
      label.textContent = 'Zitat kopieren';
      button.classList.remove('copied');
    }, resetAfterMs);
  });
  return button;
}
