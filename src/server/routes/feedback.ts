// POST /api/feedback: staff rate an answer (hilfreich, nicht hilfreich, Fundstelle falsch), with the question, the
// answer and its citations, and where it stands (conversation id and turn); appended to <INDEX_DIR>/feedback.jsonl.
// The page shows its messages, so they are German.
import { bodyLimit } from 'hono/body-limit';
import { BeschlussError } from '../../errors.ts';
import type { App, RouteContext } from '../env.ts';
import type { FeedbackEntry, FeedbackLog } from '../feedback-log.ts';
import { jsonBody, jsonResponses } from '../openapi-responses.ts';
import { taggedRoutes } from '../openapi-route.ts';
import { FEEDBACK_LIMITS, FeedbackRequestSchema, FeedbackSavedSchema } from '../schemas.ts';

const answersRoutes = taggedRoutes('answers');

const feedbackRoute = answersRoutes.post('/api/feedback', {
  summary: 'Rate an answer (helpful, unhelpful, wrong-citation)',
  description: `Appended as one JSON line with a timestamp to feedback.jsonl in the index folder. Body at most ${FEEDBACK_LIMITS.bodyBytes} bytes; messages are German.`,
  request: jsonBody(FeedbackRequestSchema),
  responses: jsonResponses(FeedbackSavedSchema, 'Saved (on disk)', 400, 401, 413, 415, 429, 500, 503, 507),
});

const FIELD_NAMES: Readonly<Record<string, string>> = {
  rating: 'Bewertung',
  question: 'Frage',
  answer: 'Antwort',
  citations: 'Fundstellen',
  comment: 'Kommentar',
  mode: 'Antwortart',
  conversationId: 'Gespräch',
  turn: 'Frage im Gespräch',
};

/** The German message for the first problem of an invalid feedback body. */
function invalidFeedback(issues: ReadonlyArray<{ path: PropertyKey[]; code: string }>): BeschlussError {
  const [issue] = issues;
  const field = String(issue?.path[0] ?? '');
  const name = FIELD_NAMES[field];
  let message = 'Die Rückmeldung ist unvollständig oder ungültig.';
  if (field === 'rating') {
    message = 'Die Bewertung muss „helpful“, „unhelpful“ oder „wrong-citation“ sein.';
  } else if (name && issue?.code === 'too_big') {
    message = `Das Feld „${name}“ ist zu lang.`;
  } else if (name) {
    message = `Das Feld „${name}“ fehlt oder ist ungültig.`;
  }
  return new BeschlussError('INVALID_REQUEST', message, {
    details: { field: issue?.path.map(String).join('.') ?? '' },
  });
}

export function registerFeedbackRoute(app: App, context: RouteContext, log: FeedbackLog | undefined): void {
  app.use(
    '/api/feedback',
    bodyLimit({
      maxSize: FEEDBACK_LIMITS.bodyBytes,
      onError: () => {
        throw new BeschlussError(
          'PAYLOAD_TOO_LARGE',
          `Die Rückmeldung ist zu groß (höchstens ${FEEDBACK_LIMITS.bodyBytes / 1024} KiB).`,
        );
      },
    }),
    async (c, next) => {
      if (c.req.method !== 'POST') return next();
      if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
        throw new BeschlussError(
          'UNSUPPORTED_MEDIA_TYPE',
          'Die Rückmeldung muss als JSON gesendet werden (Content-Type: application/json).',
        );
      }
      try {
        await c.req.json();
      } catch {
        throw new BeschlussError('INVALID_JSON', 'Die Rückmeldung ist kein gültiges JSON.');
      }
      return next();
    },
  );
  app.openapi(
    feedbackRoute,
    async (c) => {
      if (!log) {
        throw new BeschlussError(
          'FEEDBACK_UNAVAILABLE',
          'Rückmeldungen werden auf diesem Server nicht gespeichert.',
        );
      }
      const body = c.req.valid('json');
      if (body.rating === 'wrong-citation' && body.citations.length === 0) {
        throw new BeschlussError(
          'INVALID_REQUEST',
          'Eine falsche Fundstelle lässt sich nur zu einer Antwort mit Fundstellen melden; diese Antwort nennt keine.',
          { details: { field: 'rating' } },
        );
      }
      const entry: FeedbackEntry = {
        rating: body.rating,
        question: body.question,
        answer: body.answer,
        citations: body.citations,
      };
      if (body.comment !== undefined && body.comment.trim() !== '') entry.comment = body.comment.trim();
      if (body.mode !== undefined) entry.mode = body.mode;
      if (body.conversationId !== undefined) entry.conversationId = body.conversationId;
      if (body.turn !== undefined) entry.turn = body.turn;
      const { at } = await log.append(entry);
      context.logger.info('feedback saved', { requestId: c.get('requestId'), rating: body.rating });
      return c.json({ saved: true as const, at }, 200);
    },
    (result) => {
      if (!result.success) throw invalidFeedback(result.error.issues);
      return undefined;
    },
  );
}
