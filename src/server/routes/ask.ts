// POST /api/ask: one question (with optional history) → the complete Answer JSON; with a conversationKey the turn is
// saved in that conversation before the answer is sent, and the answer names where (`conversation`).
import type { AskRequest } from '../../answer/types.ts';
import type { App, RouteContext } from '../env.ts';
import { requireMeeting } from '../known-meeting.ts';
import { jsonBody, jsonResponses } from '../openapi-responses.ts';
import { taggedRoutes } from '../openapi-route.ts';
import { AskRequestSchema, AskResponseSchema } from '../schemas.ts';

const answersRoutes = taggedRoutes('answers');

const askRoute = answersRoutes.post('/api/ask', {
  summary: 'Answer a question with cited statements',
  request: jsonBody(AskRequestSchema),
  responses: jsonResponses(
    AskResponseSchema,
    'The answer; every statement cites its TOP and Ziffer',
    400,
    401,
    404,
    409,
    413,
    415,
    429,
    500,
    503,
    507,
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
    const askedAt = context.now();
    const recorder = body.conversationKey === undefined ? undefined : context.conversations?.recorder;
    await recorder?.checkRoom(body.conversationKey as string);
    const answer = await assistant.answerer.answer(request, {
      abortSignal: c.req.raw.signal,
      requestId: c.get('requestId'),
    });
    if (!recorder) return c.json(answer, 200);
    const conversation = await recorder.record(body.conversationKey as string, {
      question: request.question,
      answer,
      askedAt,
    });
    return c.json({ ...answer, conversation }, 200);
  });
}
