// POST /api/ask: one question (with optional history) → the complete Answer JSON.
import type { AskRequest } from '../../answer/types.ts';
import type { App, RouteContext } from '../env.ts';
import { requireMeeting } from '../known-meeting.ts';
import { jsonBody, jsonResponses } from '../openapi-responses.ts';
import { taggedRoutes } from '../openapi-route.ts';
import { AnswerSchema, AskRequestSchema } from '../schemas.ts';

const answersRoutes = taggedRoutes('answers');

const askRoute = answersRoutes.post('/api/ask', {
  summary: 'Answer a question with cited statements',
  request: jsonBody(AskRequestSchema),
  responses: jsonResponses(
    AnswerSchema,
    'The answer; every statement cites its TOP and Ziffer',
    400,
    401,
    404,
    413,
    415,
    429,
    500,
    503,
  ),
});

export function registerAskRoute(app: App, context: RouteContext): void {
  app.openapi(askRoute, async (c) => {
    const body = c.req.valid('json');
    const assistant = context.assistant();
    requireMeeting(assistant.catalog, body.meeting);
    const request: AskRequest = { question: body.question };
    if (body.history !== undefined) request.history = body.history;
    if (body.k !== undefined) request.k = body.k;
    if (body.meeting !== undefined) request.meeting = body.meeting;
    const answer = await assistant.answerer.answer(request, {
      abortSignal: c.req.raw.signal,
      requestId: c.get('requestId'),
    });
    return c.json(answer, 200);
  });
}
