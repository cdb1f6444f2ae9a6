// OpenAPI entries shared by the routes: a JSON body of a schema, the error responses, and both as an operation's
// responses or request body.
import type { z } from '@hono/zod-openapi';
import { ErrorSchema } from './schemas.ts';

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { content: { 'application/json': { schema } }, description };
}

const ERROR_DESCRIPTIONS = {
  400: 'Invalid request (INVALID_REQUEST, INVALID_JSON, QUESTION_TOO_LONG, HISTORY_TOO_LONG, …)',
  401: 'API key missing or wrong (UNAUTHORIZED)',
  403: 'Not allowed from this client (FORBIDDEN)',
  404: 'Not found (UNIT_NOT_FOUND, MEETING_NOT_FOUND, CONVERSATION_NOT_FOUND, …)',
  409: 'The conversation is full or exists already (CONVERSATION_FULL, CONVERSATION_EXISTS)',
  413: 'Body too large (PAYLOAD_TOO_LARGE)',
  415: 'Body is not JSON (UNSUPPORTED_MEDIA_TYPE)',
  429: 'Rate limit reached (RATE_LIMITED); see Retry-After',
  500: 'Internal error (INTERNAL); the log has the request id',
  503: 'Index missing, busy or not usable; storage read-only or its folder missing (STORAGE_READ_ONLY, STORAGE_FOLDER_MISSING)',
  507: 'Nothing was saved: the disk is full (STORAGE_FULL)',
} as const;

export type ErrorStatus = keyof typeof ERROR_DESCRIPTIONS;

/** Error responses of an operation, each `{ "error": { "code", "message" } }`. */
export function errorResponses(...statuses: ErrorStatus[]) {
  return Object.fromEntries(
    statuses.map((status) => [status, jsonContent(ErrorSchema, ERROR_DESCRIPTIONS[status])]),
  ) as Record<ErrorStatus, ReturnType<typeof jsonContent<typeof ErrorSchema>>>;
}

/** An operation's responses: 200 with the JSON of `schema`, and the error responses of `errors`. */
export function jsonResponses<T extends z.ZodType>(schema: T, description: string, ...errors: ErrorStatus[]) {
  return { 200: jsonContent(schema, description), ...errorResponses(...errors) };
}

/** A required JSON request body of `schema`. */
export function jsonBody<T extends z.ZodType>(schema: T) {
  return { body: { content: { 'application/json': { schema } }, required: true } };
}
