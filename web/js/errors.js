// What the page tells staff about a failed request, in German: a title, an explanation, the server's own message,
// and whether trying again can help (a question that is too long stays too long).
import { ApiError } from './api.js';

/** The most characters a question may have, here and on the server (/api/ask, /api/chat, /api/search). */
export const QUESTION_LIMIT = 2000;

const LIMIT_DESCRIPTIONS = {
  QUESTION_TOO_LONG: {
    title: 'Frage zu lang',
    message: `Eine Frage darf höchstens ${QUESTION_LIMIT.toLocaleString('de-DE')} Zeichen lang sein. Bitte kürzen Sie sie.`,
  },
  HISTORY_TOO_LONG: {
    title: 'Gespräch zu lang',
    message: 'Das bisherige Gespräch ist zu lang, um es mitzusenden. Bitte beginnen Sie ein neues Gespräch.',
  },
  PAYLOAD_TOO_LARGE: {
    title: 'Anfrage zu groß',
    message:
      'Die Anfrage ist größer, als der Server annimmt. Bitte kürzen Sie die Frage oder beginnen Sie ein neues Gespräch.',
  },
  CONVERSATION_FULL: {
    title: 'Gespräch voll',
    message: 'Dieses Gespräch kann keine weiteren Fragen aufnehmen. Bitte beginnen Sie ein neues Gespräch.',
  },
  CONVERSATION_NOT_FOUND: {
    title: 'Gespräch nicht gefunden',
    message:
      'Dieses Gespräch gibt es nicht (mehr): Es wurde gelöscht, nach Ablauf der Aufbewahrungsfrist entfernt, oder der Link ist unvollständig.',
  },
};

/**
 * Whether asking again can help: not for a request the server refused for what it is (too long, invalid, not
 * found), but after a lost connection, a server error, a wait (429) or an API key given (401).
 */
export function canRetry(error) {
  if (!(error instanceof ApiError) || error.kind !== 'http') return true;
  return error.status >= 500 || error.status === 401 || error.status === 408 || error.status === 429;
}

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
  // The limits are explained in German; the server's own words (English for the API) would only repeat them.
  const limit = LIMIT_DESCRIPTIONS[error.code];
  if (limit) return { ...limit };
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
