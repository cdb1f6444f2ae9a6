// POST /api/admin/reindex: re-reads the corpus. With BESCHLUSS_API_KEY set it needs the key (like all of /api);
// without one it is refused unless the client is on this machine (loopback, not forwarded by a proxy), so an open
// server cannot be made to re-embed the corpus by anyone on the network.
import { BeschlussError } from '../../errors.ts';
import { clientAddress, isLoopback } from '../client-address.ts';
import type { App, RouteContext } from '../env.ts';
import { jsonResponses } from '../openapi-responses.ts';
import { taggedRoutes } from '../openapi-route.ts';
import { ReindexResultSchema } from '../schemas.ts';

const systemRoutes = taggedRoutes('system');

const reindexRoute = systemRoutes.post('/api/admin/reindex', {
  summary: 'Re-read the corpus folder and re-embed what changed',
  description:
    'Needs the API key when the server has one; without BESCHLUSS_API_KEY only loopback clients may call it.',
  responses: jsonResponses(ReindexResultSchema, 'What was indexed', 401, 403, 429, 500, 503, 507),
});

const FORWARDING_HEADERS = ['forwarded', 'x-forwarded-for', 'x-real-ip'];

export interface AdminOptions {
  /** True when the API key middleware already guards /api. */
  apiKeyRequired: boolean;
}

export function registerAdminRoutes(app: App, context: RouteContext, options: AdminOptions): void {
  app.openapi(reindexRoute, async (c) => {
    if (!options.apiKeyRequired) {
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
    }
    const result = await context.assistant().reindex();
    context.logger.info('reindexed', {
      requestId: c.get('requestId'),
      units: result.units,
      embedded: result.embedded,
    });
    return c.json(result, 200);
  });
}
