// POST /api/chat: what useChat sends ({ messages: UIMessage[], … } plus optional k, meeting) → the answer as an
// AI SDK UI message stream (parts documented in ../chat-stream.ts).
import { z } from '@hono/zod-openapi';
import { createUIMessageStreamResponse } from 'ai';
import { startAnswerStream } from '../answer-stream.ts';
import { answerUIMessageStream } from '../chat-stream.ts';
import { askRequestFromTranscript, textOf } from '../conversation.ts';
import type { App, RouteContext } from '../env.ts';
import { streamError } from '../error-response.ts';
import { requireMeeting } from '../known-meeting.ts';
import { errorResponses, jsonBody } from '../openapi-responses.ts';
import { taggedRoutes } from '../openapi-route.ts';
import { ChatRequestSchema } from '../schemas.ts';

const answersRoutes = taggedRoutes('answers');

const chatRoute = answersRoutes.post('/api/chat', {
  summary: 'The answer streamed for useChat (AI SDK UI message stream)',
  description:
    'Body as sent by useChat (AI SDK v6): the last message is the question, earlier ones the history (the last 20, ' +
    'each cut to 4000 characters). Response: Server-Sent Events with UI message chunks: start, source-document per ' +
    'source (sourceId = unit id, title = citation – item title), text-start/text-delta/text-end, data-answer (the ' +
    'complete Answer JSON), data-conversation ({ id, turn }: where the turn was saved, when the body gave a ' +
    'conversationKey), finish.',
  request: jsonBody(ChatRequestSchema),
  responses: {
    200: {
      content: { 'text/event-stream': { schema: z.string() } },
      description: 'UI message stream (header x-vercel-ai-ui-message-stream: v1)',
    },
    ...errorResponses(400, 401, 404, 409, 413, 415, 429, 500, 503, 507),
  },
});

export function registerChatRoute(app: App, context: RouteContext): void {
  app.openapi(chatRoute, async (c) => {
    const body = c.req.valid('json');
    const assistant = context.assistant();
    requireMeeting(assistant.catalog, body.meeting);
    const request = askRequestFromTranscript(
      body.messages.map((message) => ({ role: message.role, text: textOf(message.parts) })),
      { k: body.k, meeting: body.meeting },
    );
    const abortSignal = c.req.raw.signal;
    const askedAt = context.now();
    const key = body.conversationKey;
    const recorder = key === undefined ? undefined : context.conversations?.recorder;
    await recorder?.checkRoom(key as string);
    const requestId = c.get('requestId');
    const events = await startAnswerStream(assistant.answerer, request, { abortSignal, requestId });
    const stream = answerUIMessageStream({
      events,
      catalog: assistant.catalog,
      abortSignal,
      onError: (error) => streamError(error, context.logger, requestId).message,
      ...(recorder
        ? {
            onAnswer: (answer) =>
              recorder.record(key as string, { question: request.question, answer, askedAt }),
          }
        : {}),
    });
    return createUIMessageStreamResponse({ stream });
  });
}
