// GET /api/search?q=…&k=5&meeting=&mode=: ranked sources for a query.
import type { SearchOptions } from '../../retrieve/types.ts';
import type { App, RouteContext } from '../env.ts';
import { requireMeeting } from '../known-meeting.ts';
import { jsonResponses } from '../openapi-responses.ts';
import { taggedRoutes } from '../openapi-route.ts';
import { SearchQuerySchema, SearchResponseSchema } from '../schemas.ts';

const retrievalRoutes = taggedRoutes('retrieval');

const searchRoute = retrievalRoutes.get('/api/search', {
  summary: 'Search the resolutions (hybrid, lexical or vector)',
  request: { query: SearchQuerySchema },
  responses: jsonResponses(SearchResponseSchema, 'Units ranked by relevance', 400, 401, 404, 429, 500, 503),
});

export function registerSearchRoute(app: App, context: RouteContext): void {
  app.openapi(searchRoute, async (c) => {
    const query = c.req.valid('query');
    const assistant = context.assistant();
    requireMeeting(assistant.catalog, query.meeting);
    const options: SearchOptions = { k: query.k ?? 5, mode: query.mode ?? 'hybrid' };
    if (query.meeting !== undefined) options.meeting = query.meeting;
    const results = await assistant.retriever.search(query.q, options);
    const suggestion = assistant.retriever.spell?.(query.q);
    return c.json({ results, ...(suggestion ? { didYouMean: suggestion.text } : {}) }, 200);
  });
}
