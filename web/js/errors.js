// What the page tells staff about a failed request, in German: a title, an explanation, the server's own message.
import { ApiError } from './api.js';

/** { title, message, serverMessage? } for an error of the API client (or anything else thrown). */
export function describeError(error) {
  if (!(error instanceof ApiError)) {
    return {
      title: 'Unerwarteter Fehler',
      message: 'Die Seite konnte die Antwort nicht verarbeiten.',
      serverMessage: String(error?.message ?? error),
    };
  }
  const serverMessage = error.message || undefined;
  switch (error.kind) {
    case 'network':
      return {
        title: 'Server nicht erreichbar',
        message:
          'Die Anfrage konnte nicht gesendet werden. Bitte prüfen Sie, ob der Beschluss-Assistent läuft, und versuchen Sie es erneut.',
      };
    case 'interrupted':
      return {
        title: 'Antwort unterbrochen',
        message: 'Die Verbindung zum Server brach ab, bevor die Antwort vollständig war.',
      };
    case 'stream':
      return {
        title: 'Fehler beim Beantworten',
        message: 'Der Server meldete beim Beantworten einen Fehler.',
        serverMessage,
      };
    case 'format':
      return {
        title: 'Unerwartete Antwort',
        message: 'Der Server antwortete in einer Form, die die Seite nicht lesen kann.',
        serverMessage,
      };
    default:
      break;
  }
  if (error.status === 401) {
    return {
      title: 'API-Schlüssel erforderlich',
      message: 'Dieser Server verlangt einen API-Schlüssel.',
      serverMessage,
    };
  }
  if (error.status === 429) {
    const wait = error.retryAfterSeconds
      ? ` Bitte warten Sie ${error.retryAfterSeconds} Sekunden.`
      : ' Bitte warten Sie einen Moment.';
    return {
      title: 'Zu viele Anfragen',
      message: `Der Server nimmt gerade keine weiteren Anfragen an.${wait}`,
      serverMessage,
    };
  }
  if (error.status >= 500) {
    return {
      title: `Fehler auf dem Server (${error.status})`,
      message: 'Der Server konnte die Anfrage nicht bearbeiten.',
      serverMessage,
    };
  }
  return {
    title: `Anfrage abgelehnt (${error.status})`,
    message: 'Der Server hat die Anfrage nicht angenommen.',
    serverMessage,
  };
}
