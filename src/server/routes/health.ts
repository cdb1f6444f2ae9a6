// GET /api/health: what is loaded and which embedder and answerer are active; open without an API key.
import { createRoute } from '@hono/zod-openapi';
import type { App, RouteContext } from '../env.ts';
import { errorResponses, jsonContent } from '../openapi-responses.ts';
import { HealthSchema } from '../schemas.ts';

const healthRoute = createRoute({
  method: 'get',
  path: '/api/health',
  tags: ['system'],
  summary: 'Health and what is loaded',
  security: [],
  responses: { 200: jsonContent(HealthSchema, 'The server is up'), ...errorResponses(500) },
});

export function registerHealthRoute(app: App, context: RouteContext): void {
  app.openapi(healthRoute, (c) => c.json(context.assistant().health(), 200));
}
