// Requires `Authorization: Bearer <BESCHLUSS_API_KEY>` on protected paths; keys are compared in constant time.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { errorResponse } from '../error-response.ts';

export interface ApiKeyOptions {
  apiKey: string;
  /** Paths that stay open without a key (health, API docs, the web page). */
  isOpen: (path: string) => boolean;
}

const BEARER = /^Bearer[ \t]+([^\s]+)[ \t]*$/i;

function digest(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}

/** Equal keys in time independent of where they differ (both sides are hashed to the same length first). */
export function keysMatch(expected: string, presented: string): boolean {
  return timingSafeEqual(digest(expected), digest(presented));
}

export function apiKeyAuth(options: ApiKeyOptions): MiddlewareHandler<AppEnv> {
  const { apiKey, isOpen } = options;
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' || isOpen(c.req.path)) return next();
    const header = c.req.header('authorization');
    const presented = header === undefined ? undefined : BEARER.exec(header)?.[1];
    if (presented !== undefined && keysMatch(apiKey, presented)) return next();
    const challenge =
      header === undefined
        ? 'Bearer realm="beschluss-assistent"'
        : 'Bearer realm="beschluss-assistent", error="invalid_token"';
    const message =
      header === undefined
        ? 'Expected an "Authorization: Bearer <key>" header; this server requires an API key.'
        : 'The API key in the Authorization header is not valid (expected "Bearer <key>").';
    return errorResponse(c, 'UNAUTHORIZED', message, { headers: { 'WWW-Authenticate': challenge } });
  };
}
