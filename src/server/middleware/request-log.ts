// Writes one log line per request: request id, method, path, status and milliseconds until the response started.
// Files of the web page that were served are logged at debug level: a page load fetches some thirty of them.
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../../logger.ts';
import type { AppEnv } from '../env.ts';

export interface RequestLogOptions {
  /** Requests logged at debug instead of info (default: none). */
  isRoutine?: (path: string, status: number) => boolean;
}

export function requestLog(logger: Logger, options: RequestLogOptions = {}): MiddlewareHandler<AppEnv> {
  const { isRoutine = () => false } = options;
  return async (c, next) => {
    const started = performance.now();
    await next();
    const level = isRoutine(c.req.path, c.res.status) ? 'debug' : 'info';
    logger[level]('request', {
      requestId: c.get('requestId'),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - started) * 10) / 10,
    });
  };
}
