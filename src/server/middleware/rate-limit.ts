// Per-client rate limit (RATE_LIMIT_PER_MINUTE): a token bucket per client address; over the limit → 429 RATE_LIMITED.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../env.ts';
import { errorResponse } from '../error-response.ts';
import { createTokenBuckets } from '../token-buckets.ts';

export interface RateLimitOptions {
  /** Requests a client may make per minute (also the burst it may spend at once). */
  perMinute: number;
  /** Which bucket a request spends from (the client address). */
  key: (c: Context<AppEnv>) => string;
  /** Paths that are not limited (e.g. the health check). */
  isExempt?: (path: string) => boolean;
  /** Clients remembered at most (default 10 000). */
  maxClients?: number;
  /** Clock in milliseconds (default Date.now). */
  now?: () => number;
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler<AppEnv> {
  const { perMinute, key, isExempt = () => false, maxClients = 10_000, now } = options;
  const buckets = createTokenBuckets({
    capacity: perMinute,
    msPerToken: 60_000 / perMinute,
    maxKeys: maxClients,
    ...(now ? { now } : {}),
  });
  return async (c, next) => {
    if (c.req.method === 'OPTIONS' || isExempt(c.req.path)) return next();
    const result = buckets.take(key(c));
    if (result.allowed) return next();
    const seconds = Math.max(1, Math.ceil(result.retryAfterMs / 1000));
    return errorResponse(
      c,
      'RATE_LIMITED',
      `Too many requests: at most ${perMinute} per minute are accepted from one client; retry in ${seconds} s.`,
      { headers: { 'Retry-After': String(seconds) } },
    );
  };
}
