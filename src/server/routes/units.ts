// GET /api/units/:meeting/:top/:para and GET /api/cite?ref=…: one unit as a Source.
// A combined item's TOP "6/7" is one URL-encoded segment ("6%2F7"); the unit id form with the slash left in
// (/api/units/imk-2020-12-10/6/7/1) is accepted too: with four segments the middle two are the TOP.
import type { UnitCatalog } from '../../citation/index.ts';
import { toSource, type Unit } from '../../model.ts';
import { citeReference } from '../cite.ts';
import type { App, RouteContext } from '../env.ts';
import { requireMeeting } from '../known-meeting.ts';
import { jsonResponses } from '../openapi-responses.ts';
import { taggedRoutes } from '../openapi-route.ts';
import { CiteQuerySchema, CiteResultSchema, SourceSchema, UnitParamsSchema } from '../schemas.ts';
import { validationError } from '../validation.ts';

const retrievalRoutes = taggedRoutes('retrieval');

const unitRoute = retrievalRoutes.get('/api/units/{meeting}/{top}/{para}', {
  summary: 'One unit (paragraph or Protokollnotiz) by meeting, TOP and para',
  description:
    'A combined item\'s TOP "6/7" is sent URL-encoded ("6%2F7"); /api/units/{meeting}/6/7/{para} works too. ' +
    'TOP "7" finds the combined item "6/7".',
  request: { params: UnitParamsSchema },
  responses: jsonResponses(SourceSchema, 'The unit', 400, 401, 404, 429, 500),
});

const citeRoute = retrievalRoutes.get('/api/cite', {
  summary: 'Resolve a written reference ("TOP 46 Ziffer 8", "TOP 6/7 Ziff. 8") to one unit',
  description:
    'Every label the answers and the page print resolves ("TOP 6/7 Ziff. 8", "TOP 7 Ziff. 8", "TOP 6 und 7 Ziffer 8", ' +
    '"[IMK 10.12.2020, TOP 46 Ziff. 8]", "TOP 46 Protokollnotiz SN"). An item reference without Ziffer returns the ' +
    'paragraph of a one-paragraph item; for an item of several units ("TOP 7") its first unit with the whole item in ' +
    '`item`. A reference naming several units otherwise is 400 AMBIGUOUS_REFERENCE with the candidate ids in ' +
    'error.details.candidates. Errors are in German; error.details.suggestions lists the nearest references that ' +
    'resolve, as labels.',
  request: { query: CiteQuerySchema },
  responses: jsonResponses(
    CiteResultSchema,
    'The unit the reference names (and the whole item for an item reference)',
    400,
    401,
    404,
    429,
    500,
  ),
});

/** The unit at meeting/top/para; TOP "7" finds the combined item "6/7". Errors name what exists. */
export function findUnit(catalog: UnitCatalog, meeting: string, top: string, para: string): Unit {
  const exact = catalog.get(`${meeting}/${top}/${para}`);
  if (exact) return exact;
  const matches = catalog
    .findItems(top, [meeting])
    .flatMap((item) => item.units.filter((unit) => unit.para === para));
  if (matches.length === 1 && matches[0]) return matches[0];
  return catalog.require(meeting, top, para);
}

export function registerUnitRoutes(app: App, context: RouteContext): void {
  app.openapi(unitRoute, (c) => {
    const { meeting, top, para } = c.req.valid('param');
    return c.json(toSource(findUnit(context.assistant().catalog, meeting, top, para)), 200);
  });

  app.get('/api/units/:meeting/:topFirst/:topSecond/:para', (c) => {
    const parsed = UnitParamsSchema.safeParse({
      meeting: c.req.param('meeting'),
      top: `${c.req.param('topFirst')}/${c.req.param('topSecond')}`,
      para: c.req.param('para'),
    });
    if (!parsed.success) throw validationError(parsed.error.issues, 'param');
    const { meeting, top, para } = parsed.data;
    return c.json(toSource(findUnit(context.assistant().catalog, meeting, top, para)), 200);
  });

  app.openapi(citeRoute, (c) => {
    const { ref, meeting } = c.req.valid('query');
    const catalog = context.assistant().catalog;
    requireMeeting(catalog, meeting);
    const { unit, item } = citeReference(catalog, ref, meeting === undefined ? {} : { meeting });
    if (!item) return c.json(toSource(unit), 200);
    const whole = {
      meeting: item.meeting,
      top: item.top,
      title: item.title,
      units: item.units.map((each) => toSource(each)),
    };
    return c.json({ ...toSource(unit), item: whole }, 200);
  });
}
