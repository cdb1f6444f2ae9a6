// The one place errors become responses: { "error": { "code", "message" } } with the status ERROR_STATUS gives the code.
import type { Context, ErrorHandler } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { BeschlussError, ERROR_STATUS, type ErrorCode } from '../errors.ts';
import type { Logger } from '../logger.ts';
import type { AppEnv } from './env.ts';
import { quote } from './quote.ts';
import { redact } from './redact.ts';

export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    /** Set on internal errors so an operator can find the logged stack. */
    requestId?: string;
    /** Machine-readable context of a caller's error (e.g. the candidate unit ids of an ambiguous reference). */
    details?: Record<string, unknown>;
  };
}

export interface ErrorResponseOptions {
  headers?: Record<string, string>;
  details?: Record<string, unknown>;
  requestId?: string;
}

export function errorBody(code: ErrorCode, message: string, options: ErrorResponseOptions = {}): ErrorBody {
  const error: ErrorBody['error'] = { code, message };
  if (options.requestId !== undefined) error.requestId = options.requestId;
  if (options.details !== undefined) error.details = options.details;
  return { error };
}

export function errorResponse(
  c: Context,
  code: ErrorCode,
  message: string,
  options: ErrorResponseOptions = {},
): Response {
  return c.json(
    errorBody(code, message, options),
    ERROR_STATUS[code] as ContentfulStatusCode,
    options.headers,
  );
}

/** A BeschlussError for what Hono's own middleware throws (malformed JSON, wrong content type, body too large). */
export function fromHttpException(
  error: HTTPException,
  contentType: string | undefined,
): BeschlussError | undefined {
  switch (error.status) {
    case 400:
      return /json/i.test(error.message)
        ? new BeschlussError('INVALID_JSON', 'Expected a JSON request body; it could not be parsed as JSON.')
        : new BeschlussError('INVALID_REQUEST', error.message || 'Bad request.');
    case 413:
      return new BeschlussError(
        'PAYLOAD_TOO_LARGE',
        'The request body is larger than this endpoint accepts.',
      );
    case 415:
      return new BeschlussError(
        'UNSUPPORTED_MEDIA_TYPE',
        `Expected Content-Type: application/json; got ${contentType === undefined ? 'none' : quote(contentType)}.`,
      );
    default: {
      if (error.status >= 500) return undefined;
      const code = (Object.keys(ERROR_STATUS) as ErrorCode[]).find(
        (candidate) => ERROR_STATUS[candidate] === error.status,
      );
      return new BeschlussError(code ?? 'INVALID_REQUEST', error.message || 'Bad request.');
    }
  }
}

/**
 * The app's onError: known errors keep their code and message; anything else is a logged 500 without details. The
 * installation's own failures (5xx) are logged in full under the request id and reach the client without folders,
 * addresses or details.
 */
export function createErrorHandler(logger: Logger): ErrorHandler<AppEnv> {
  return (error, c) => {
    const known =
      error instanceof HTTPException ? fromHttpException(error, c.req.header('content-type')) : error;
    const requestId = c.get('requestId');
    if (BeschlussError.is(known)) {
      if (known.status < 500) {
        return errorResponse(c, known.code, known.message, known.details ? { details: known.details } : {});
      }
      logger.warn('request failed', {
        requestId,
        code: known.code,
        // Not "message": that is the log entry's own.
        error: known.message,
        details: known.details,
      });
      return errorResponse(c, known.code, redact(known.message), { requestId });
    }
    logger.error('unexpected error', {
      requestId,
      method: c.req.method,
      path: c.req.path,
      error: error instanceof Error ? error.message : String(error),
      stack: error instanceof Error ? error.stack : undefined,
    });
    return errorResponse(
      c,
      'INTERNAL',
      `Internal error; the server log has the details under request id ${requestId}.`,
      {
        requestId,
      },
    );
  };
}

/**
 * What a client is told about an error inside a stream whose 200 status is already sent: a known error keeps its
 * code and message; anything else is logged and reported only by request id.
 */
export function streamError(error: unknown, logger: Logger, requestId: string): ErrorBody['error'] {
  if (BeschlussError.is(error)) {
    logger.warn('stream failed', {
      requestId,
      code: error.code,
      error: error.message,
      details: error.details,
    });
    return { code: error.code, message: error.status < 500 ? error.message : redact(error.message) };
  }
  logger.error('unexpected error in stream', {
    requestId,
    error: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  });
  return {
    code: 'INTERNAL',
    message: `Internal error; the server log has the details under request id ${requestId}.`,
    requestId,
  };
}
