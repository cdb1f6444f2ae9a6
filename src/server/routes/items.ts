// GET /api/items: the table of contents (meetings, their items and the units of each).
import { createRoute } from '@hono/zod-openapi';
import type { App, RouteContext } from '../env.ts';
import { errorResponses, jsonContent } from '../openapi-responses.ts';
import { TableOfContentsSchema } from '../schemas.ts';

const itemsRoute = createRoute({
  method: 'get',
  path: '/api/items',
  tags: ['retrieval'],
  summary: 'Table of contents',
  responses: {
    200: jsonContent(TableOfContentsSchema, 'Meetings with their items (TOP) and units'),
    ...errorResponses(401, 429, 500),
  },
});

export function registerItemsRoute(app: App, context: RouteContext): void {
  app.openapi(itemsRoute, (c) => c.json(context.assistant().catalog.tableOfContents(), 200));
}
