// The HTTP server stage: the Hono app (createApp), running it (startServer), and the chat stream's message type.
export { type CreateAppOptions, createApp, isApiPath, type ServerConfig } from './app.ts';
export type { AnswerDataParts, AnswerUIMessage } from './chat-stream.ts';
export type { App, AppEnv } from './env.ts';
export type { ErrorBody } from './error-response.ts';
export { FEEDBACK_CSV_COLUMNS, type FeedbackCsv, feedbackCsv } from './feedback-export.ts';
export { createFeedbackLog, type FeedbackLog, type FeedbackRecord } from './feedback-log.ts';
export { createPostgresFeedbackLog } from './feedback-postgres.ts';
export { checkOpenAccess } from './open-access.ts';
export {
  AnswerSchema,
  HealthSchema,
  LIMITS,
  SearchResponseSchema,
  SourceSchema,
  TableOfContentsSchema,
} from './schemas.ts';
export { type RunningServer, type StartServerOptions, startServer } from './serve.ts';
