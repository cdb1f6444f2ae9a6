// GET /api/items: the table of contents (meetings, their items and the units of each);
// GET /api/items/:meeting/:top: one whole item with the text of every unit (a combined TOP "6/7" as "6%2F7").
import { BeschlussError } from '../../errors.ts';
import { toSource } from '../../model.ts';
import type { App, RouteContext } from '../env.ts';
import { requireMeeting } from '../known-meeting.ts';
import { jsonResponses } from '../openapi-responses.ts';
import { taggedRoutes } from '../openapi-route.ts';
import {
  ItemParamsSchema,
  ItemSchema,
  TableOfContentsQuerySchema,
  TableOfContentsSchema,
} from '../schemas.ts';
import { filterTableOfContents } from '../toc-filter.ts';

const retrievalRoutes = taggedRoutes('retrieval');

const itemsRoute = retrievalRoutes.get('/api/items', {
  summary: 'Table of contents',
  description:
    'With `q`, only the items whose TOP, title or unit text contains every word of q (case-insensitive, substrings); ' +
    'each such item names in `textMatches` the units whose text matched.',
  request: { query: TableOfContentsQuerySchema },
  responses: jsonResponses(TableOfContentsSchema, 'Meetings with their items (TOP) and units', 401, 429, 500),
});

const itemRoute = retrievalRoutes.get('/api/items/{meeting}/{top}', {
  summary: 'One whole item (TOP) with all its paragraphs and Protokollnotizen',
  description: 'A combined TOP "6/7" is sent URL-encoded ("6%2F7"); TOP "7" finds it too.',
  request: { params: ItemParamsSchema },
  responses: jsonResponses(ItemSchema, 'The item with the text of every unit', 400, 401, 404, 429, 500),
});

export function registerItemsRoute(app: App, context: RouteContext): void {
  app.openapi(itemsRoute, (c) => {
    const { q } = c.req.valid('query');
    const catalog = context.assistant().catalog;
    return c.json(q === undefined ? catalog.tableOfContents() : filterTableOfContents(catalog, q), 200);
  });
  app.openapi(itemRoute, (c) => {
    const { meeting, top } = c.req.valid('param');
    const catalog = context.assistant().catalog;
    requireMeeting(catalog, meeting);
    const [item] = catalog.findItems(top, [meeting]);
    if (!item) {
      const tops = catalog
        .items(meeting)
        .map((candidate) => candidate.top)
        .join(', ');
      throw new BeschlussError(
        'UNIT_NOT_FOUND',
        `Einen TOP ${top} gibt es in dieser Sitzung nicht; vorhanden: TOP ${tops}.`,
        {
          details: { tops: catalog.items(meeting).map((candidate) => candidate.top) },
        },
      );
    }
    return c.json(
      {
        meeting: item.meeting,
        top: item.top,
        title: item.title,
        units: item.units.map((unit) => toSource(unit)),
      },
      200,
    );
  });
}
