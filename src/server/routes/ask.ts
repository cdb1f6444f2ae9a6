// POST /api/ask: one question (with optional history) → the complete Answer JSON.
import { createRoute } from '@hono/zod-openapi';
import type { AskRequest } from '../../answer/types.ts';
import type { App, RouteContext } from '../env.ts';
import { requireMeeting } from '../known-meeting.ts';
import { errorResponses, jsonContent } from '../openapi-responses.ts';
import { AnswerSchema, AskRequestSchema } from '../schemas.ts';

const askRoute = createRoute({
  method: 'post',
  path: '/api/ask',
  tags: ['answers'],
  summary: 'Answer a question with cited statements',
  request: { body: { content: { 'application/json': { schema: AskRequestSchema } }, required: true } },
  responses: {
    200: jsonContent(AnswerSchema, 'The answer; every statement cites its TOP and Ziffer'),
    ...errorResponses(400, 401, 404, 413, 415, 429, 500, 503),
  },
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
    const answer = await assistant.answerer.answer(request, { abortSignal: c.req.raw.signal });
    return c.json(answer, 200);
  });
}
