// Copies plain text and HTML to the clipboard: the asynchronous Clipboard API where the browser offers it (https or
// localhost), otherwise the copy command from a selected off-screen text area (plain http inside an office network),
// whose copy event carries both formats.
import { element, icon } from './dom.js';

/** `payload`: { text, html? }. True when the browser took it. */
export async function copyPayload(payload) {
  const { text, html } = payload;
  if (navigator.clipboard && window.isSecureContext) {
    try {
      if (html && typeof ClipboardItem === 'function' && navigator.clipboard.write) {
        await navigator.clipboard.write([
          new ClipboardItem({
            'text/plain': new Blob([text], { type: 'text/plain' }),
            'text/html': new Blob([html], { type: 'text/html' }),
          }),
        ]);
      } else {
        await navigator.clipboard.writeText(text);
      }
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
  buffer.addEventListener('copy', (event) => {
    if (!event.clipboardData) return;
    event.clipboardData.setData('text/plain', text);
    if (html) event.clipboardData.setData('text/html', html);
    event.preventDefault();
  });
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
 * A copy button: `payload()` gives what to copy ({ text, html }); it shows "Kopiert" for a moment and `announce`
 * tells screen readers. `label` ("Zitat kopieren"), `name` its accessible name, `secondary` the quieter style.
 */
export function copyButton({ label, name, payload, announce, resetAfterMs = 2500, secondary = false }) {
  const text = element('span', { text: label });
  const button = element(
    'button',
    {
      type: 'button',
      className: `button small copy-button${secondary ? ' secondary' : ''}`,
      'aria-label': name,
    },
    [icon('copy'), text],
  );
  let timer;
  button.addEventListener('click', async () => {
    const content = payload();
    const copied = await copyPayload(content);
    clearTimeout(timer);
    text.textContent = copied ? 'Kopiert' : 'Kopieren nicht möglich';
    button.classList.toggle('copied', copied);
    announce(copied ? 'In die Zwischenablage kopiert.' : `Kopieren nicht möglich. Text: ${content.text}`);
    timer = setTimeout(() => {
      text.textContent = label;
      button.classList.remove('copied');
    }, resetAfterMs);
  });
  return button;
}
