// GET /api/health: what is loaded and which embedder and answerer are active; open without an API key.
import type { App, RouteContext } from '../env.ts';
import { jsonResponses } from '../openapi-responses.ts';
import { taggedRoutes } from '../openapi-route.ts';
import { HealthSchema } from '../schemas.ts';

const systemRoutes = taggedRoutes('system');

const healthRoute = systemRoutes.get('/api/health', {
  summary: 'Health and what is loaded',
  security: [],
  responses: jsonResponses(HealthSchema, 'The server is up', 500),
});

export function registerHealthRoute(app: App, context: RouteContext): void {
  app.openapi(healthRoute, (c) => c.json(context.assistant().health(), 200));
}
