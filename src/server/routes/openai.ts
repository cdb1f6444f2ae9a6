// OpenAI-compatible endpoints so chat front ends and the `openai` client can use the assistant as the model
// "beschluss-assistent": GET /v1/models, GET /v1/models/:model, POST /v1/chat/completions (streaming and not).
import { randomUUID } from 'node:crypto';
import { z } from '@hono/zod-openapi';
import { BeschlussError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import { startAnswerStream } from '../answer-stream.ts';
import { askRequestFromTranscript, textOf } from '../conversation.ts';
import type { App, RouteContext } from '../env.ts';
import { streamError } from '../error-response.ts';
import { requireMeeting } from '../known-meeting.ts';
import { type CompletionMeta, chatCompletion } from '../openai-completion.ts';
import { completionStream } from '../openai-stream.ts';
import { errorResponses, jsonBody, jsonResponses } from '../openapi-responses.ts';
import { taggedRoutes } from '../openapi-route.ts';
import { quote } from '../quote.ts';
import { ChatCompletionRequestSchema, ChatCompletionSchema, MODEL_ID, ModelListSchema } from '../schemas.ts';

const openaiRoutes = taggedRoutes('openai');

const modelsRoute = openaiRoutes.get('/v1/models', {
  summary: 'OpenAI-compatible model list (one model: beschluss-assistent)',
  responses: jsonResponses(ModelListSchema, 'The models', 401, 429),
});

const modelRoute = openaiRoutes.get('/v1/models/{model}', {
  summary: 'OpenAI-compatible model description',
  request: {
    params: z.object({
      model: z
        .string()
        .max(200)
        .openapi({ param: { name: 'model', in: 'path' } }),
    }),
  },
  responses: jsonResponses(ModelListSchema.shape.data.element, 'The model', 401, 404, 429),
});

const completionsRoute = openaiRoutes.post('/v1/chat/completions', {
  summary: 'OpenAI-compatible chat completion (stream: true for SSE chunks ending in data: [DONE])',
  description:
    'The last message is the question; earlier user/assistant messages are the history (system messages are ignored). ' +
    'Extensions: optional k and meeting in the request; sources and beschluss (statements, abstained, mode) in the ' +
    'response (in a streamed response: sources on the first chunk, beschluss on the last).',
  request: jsonBody(ChatCompletionRequestSchema),
  responses: {
    200: {
      content: {
        'application/json': { schema: ChatCompletionSchema },
        'text/event-stream': { schema: z.string() },
      },
      description: 'The completion, or with stream: true its chunks as Server-Sent Events',
    },
    ...errorResponses(400, 401, 404, 413, 415, 429, 500, 503),
  },
});

function modelCard(created: number) {
  return { id: MODEL_ID, object: 'model' as const, created, owned_by: 'beschluss-assistent' };
}

function createdOf(indexBuiltAt: string): number {
  const time = Date.parse(indexBuiltAt);
  return Number.isFinite(time) ? Math.floor(time / 1000) : 0;
}

export function registerOpenAIRoutes(app: App, context: RouteContext): void {
  const { logger } = context;

  app.openapi(modelsRoute, (c) =>
    c.json(
      { object: 'list' as const, data: [modelCard(createdOf(context.assistant().health().indexBuiltAt))] },
      200,
    ),
  );

  app.openapi(modelRoute, (c) => {
    const { model } = c.req.valid('param');
    requireModel(model);
    return c.json(modelCard(createdOf(context.assistant().health().indexBuiltAt)), 200);
  });

  app.openapi(completionsRoute, async (c) => {
    const body = c.req.valid('json');
    requireModel(body.model);
    const assistant = context.assistant();
    requireMeeting(assistant.catalog, body.meeting);
    const request = askRequestFromTranscript(
      body.messages.map((message) => ({ role: message.role, text: textOf(message.content) })),
      { k: body.k, meeting: body.meeting },
    );
    const meta: CompletionMeta = {
      id: `chatcmpl-${randomUUID()}`,
      created: Math.floor(Date.now() / 1000),
      model: MODEL_ID,
    };
    const requestId = c.get('requestId');
    const answerOptions = { abortSignal: c.req.raw.signal, requestId };
    if (!body.stream) {
      const answer = await assistant.answerer.answer(request, answerOptions);
      return c.json(chatCompletion(answer, meta), 200);
    }
    const events = await startAnswerStream(assistant.answerer, request, answerOptions);
    return c.body(
      completionStream(events, meta, (error) => openAIError(error, logger, requestId)),
      200,
      {
        'Content-Type': 'text/event-stream; charset=utf-8',
        'Cache-Control': 'no-cache',
        'X-Accel-Buffering': 'no',
      },
    );
  });
}

function requireModel(model: string): void {
  if (model !== MODEL_ID) {
    throw new BeschlussError(
      'MODEL_NOT_FOUND',
      `The model ${quote(model)} does not exist; this server offers "${MODEL_ID}".`,
    );
  }
}

function openAIError(error: unknown, logger: Logger, requestId: string) {
  return { ...streamError(error, logger, requestId), type: 'server_error' };
}
