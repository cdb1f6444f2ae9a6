// A failure shown in place (conversation, panel, table of contents): German title and explanation, the server's own
// message, and optionally a button to try again.
import { element, icon } from './dom.js';

/** `description` from describeError; `action` a button placed last (e.g. "Erneut versuchen"). */
export function errorBox(description, { action } = {}) {
  return element('div', { className: 'error-box', role: 'alert' }, [
    element('p', { className: 'error-title' }, [icon('alert'), element('span', { text: description.title })]),
    element('p', { text: description.message }),
    description.serverMessage
      ? element('p', {
          className: 'server-message',
          text: `Meldung des Servers: ${description.serverMessage}`,
        })
      : null,
    action,
  ]);
}

/** A secondary "try again" button with its icon. */
export function retryButton(label = 'Erneut versuchen') {
  return element('button', { type: 'button', className: 'button small secondary retry' }, [
    icon('retry'),
    element('span', { text: label }),
  ]);
}
