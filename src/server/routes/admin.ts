// POST /api/admin/reindex: re-reads the corpus. With BESCHLUSS_API_KEY set it needs the key (like all of /api);
// without one it is refused unless the client is on this machine (loopback, not forwarded by a proxy) and the
// request is a same-origin JSON request: a page on another origin — even one open in a browser on this machine —
// can neither send JSON without a preflight nor forge its Origin, and a form post is never JSON.
import path from 'node:path';
import type { Context } from 'hono';
import type { ReindexResult } from '../../assistant/types.ts';
import { BeschlussError } from '../../errors.ts';
import { clientAddress, isLoopback } from '../client-address.ts';
import type { App, AppEnv, RouteContext } from '../env.ts';
import { jsonResponses } from '../openapi-responses.ts';
import { taggedRoutes } from '../openapi-route.ts';
import { ReindexResultSchema } from '../schemas.ts';

const systemRoutes = taggedRoutes('system');

const reindexRoute = systemRoutes.post('/api/admin/reindex', {
  summary: 'Re-read the corpus folder and re-embed what changed',
  description:
    'Needs the API key when the server has one; without BESCHLUSS_API_KEY only a JSON request (Content-Type: ' +
    'application/json) from this machine (loopback) and, when it has an Origin, from the server’s own origin.',
  responses: jsonResponses(ReindexResultSchema, 'What was indexed', 401, 403, 429, 500, 503, 507),
});

const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

export interface AdminOptions {
  /** True when the API key middleware already guards /api. */
  apiKeyRequired: boolean;
}

export function registerAdminRoutes(app: App, context: RouteContext, options: AdminOptions): void {
  app.openapi(reindexRoute, async (c) => {
    if (!options.apiKeyRequired) assertLocalSameOriginJson(c);
    const result = await context.assistant().reindex();
    context.logger.info('reindexed', {
      requestId: c.get('requestId'),
      units: result.units,
      embedded: result.embedded,
      errors: result.errors,
    });
    return c.json(withoutPaths(result), 200);
  });
}

/** Without an API key: loopback, not through a proxy, JSON, and (when the browser says) from this server's page. */
function assertLocalSameOriginJson(c: Context<AppEnv>): void {
  const address = clientAddress(c);
  // A reverse proxy on this machine makes every client look local; a forwarded request is not trusted as local.
  const forwarded = FORWARDING_HEADERS.some((header) => c.req.header(header) !== undefined);
  if (!isLoopback(address) || forwarded) {
    const origin = forwarded ? 'through a proxy' : `from ${address ?? 'an unknown address'}`;
    throw new BeschlussError(
      'FORBIDDEN',
      `Reindexing is allowed only from this machine (loopback) while no BESCHLUSS_API_KEY is set; the request came ${origin}.`,
    );
  }
  if (!/^application\/json\b/i.test(c.req.header('content-type') ?? '')) {
    throw new BeschlussError(
      'FORBIDDEN',
      'Reindexing without BESCHLUSS_API_KEY needs a JSON request (Content-Type: application/json); form posts are refused.',
    );
  }
  const origin = c.req.header('origin');
  const site = c.req.header('sec-fetch-site');
  if (
    (origin !== undefined && origin !== new URL(c.req.url).origin) ||
    (site !== undefined && !['same-origin', 'none'].includes(site))
  ) {
    throw new BeschlussError(
      'FORBIDDEN',
      'Reindexing without BESCHLUSS_API_KEY is allowed only from this server’s own origin; the request came from another one.',
    );
  }
}

/** The report without the server's folders: skipped files by name, their messages without the folder. */
function withoutPaths(result: ReindexResult): ReindexResult {
  return {
    ...result,
    conflicts: result.conflicts.map((conflict) => ({
      ...conflict,
      kept: path.basename(conflict.kept),
      ignored: conflict.ignored.map((file) => path.basename(file)),
    })),
    errors: result.errors.map((error) => {
      const folder = path.dirname(error.file);
      return {
        ...error,
        file: path.basename(error.file),
        message: error.file === '' ? error.message : error.message.split(`${folder}${path.sep}`).join(''),
      };
    }),
  };
}
