// Downloads a file the server makes (a Word export) through the API client, so the API key goes with it, and the
// button that starts it, with the reason in German beside it when it fails.
import { element, icon } from './dom.js';
import { describeError } from './errors.js';

/** Saves { blob, name } as a download of the browser. */
export function saveFile({ blob, name }) {
  const url = URL.createObjectURL(blob);
  const anchor = element('a', { href: url, download: name, hidden: true });
  document.body.append(anchor);
  anchor.click();
  anchor.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * A small button (`label` shown, `name` its accessible name, which holds the label) that runs `download`; a failure
 * shows in the returned `failure` line. { button, failure }.
 */
export function downloadButton({ label, name, download }) {
  const button = element(
    'button',
    { type: 'button', className: 'button small secondary', 'aria-label': name },
    [icon('download'), element('span', { text: label })],
  );
  const failure = element('p', { className: 'field-error', role: 'alert' });
  button.addEventListener('click', async () => {
    failure.textContent = '';
    try {
      await download();
    } catch (error) {
      const description = describeError(error);
      failure.textContent = `${description.title}: ${description.message}`;
    }
  });
  return { button, failure };
}
