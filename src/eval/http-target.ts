// The evaluation target over HTTP: a running server's GET /api/search and POST /api/ask (beschluss eval --url).
import type { z } from 'zod';
import { type Analyzer, buildLexicon, createAnalyzer } from '../analysis/index.ts';
import { createSupportChecker } from '../answer/index.ts';
import type { Answer, AskRequest } from '../answer/types.ts';
import { BeschlussError } from '../errors.ts';
import { createLexicalIndex } from '../index/index.ts';
import type { Unit } from '../model.ts';
import {
  AnswerSchema,
  HealthSchema,
  LIMITS,
  SearchResponseSchema,
  SourceSchema,
  TableOfContentsSchema,
} from '../server/index.ts';
import type { EvalTarget } from './eval-target.ts';

export type FetchFunction = (input: string, init?: RequestInit) => Promise<Response>;

export interface HttpTargetOptions {
  /** Where the server runs, e.g. "http://127.0.0.1:3000" (a path prefix is kept). */
  baseUrl: string;
  /**
   * An analyzer of the bundled lexicon: with the acronyms the server's units define, it analyses statements and units
   * for the support check (citation precision), as the server's own index does.
   */
  analyzer: Analyzer;
  /** Default: the global fetch; tests pass the app's `request`. */
  fetch?: FetchFunction;
  /** Sent as "Authorization: Bearer <key>" when the server requires one (BESCHLUSS_API_KEY). */
  apiKey?: string;
  /** Unit requests in flight at once while loading the units for the support check (default 8). */
  concurrency?: number;
}

/**
 * Connects to the server: reads its health (embedder), table of contents (meetings, unit ids) and every unit (for the
 * support check, with term statistics computed over them), then answers search and ask through the API.
 */
export async function connectHttpTarget(options: HttpTargetOptions): Promise<EvalTarget> {
  const { analyzer, concurrency = 8 } = options;
  const fetchFunction: FetchFunction = options.fetch ?? ((input, init) => fetch(input, init));
  const base = options.baseUrl.endsWith('/') ? options.baseUrl : `${options.baseUrl}/`;
  const headers: Record<string, string> = { accept: 'application/json' };
  if (options.apiKey) headers.authorization = `Bearer ${options.apiKey}`;

  async function request<Schema extends z.ZodType>(
    path: string,
    schema: Schema,
    init: { method: 'GET' | 'POST'; body?: unknown } = { method: 'GET' },
  ): Promise<z.infer<Schema>> {
    const url = new URL(path, base).toString();
    const what = `${init.method} ${url}`;
    let response: Response;
    try {
      response = await fetchFunction(url, {
        method: init.method,
        headers: init.body === undefined ? headers : { ...headers, 'content-type': 'application/json' },
        ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
      });
    } catch (error) {
      throw new BeschlussError(
        'EVAL_TARGET_FAILED',
        `${what} failed (${(error as Error).message}); expected a running server (npx beschluss serve).`,
        { details: { url }, cause: error },
      );
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (!response.ok) {
      const message =
        (body as { error?: { message?: string } } | undefined)?.error?.message ?? text.slice(0, 200);
      throw new BeschlussError('EVAL_TARGET_FAILED', `${what} answered ${response.status}: ${message}`, {
        details: { url, status: response.status },
      });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new BeschlussError(
        'EVAL_TARGET_FAILED',
        `${what} answered 200 with JSON that does not match the API contract (${issue?.path.join('.') || 'body'}: ${issue?.message}).`,
        { details: { url } },
      );
    }
    return parsed.data;
  }

  const health = await request('api/health', HealthSchema);
  const contents = await request('api/items', TableOfContentsSchema);
  const listed = contents.meetings.flatMap((meeting) =>
    meeting.items.flatMap((item) => {
      const itemParagraphCount = item.units.filter((unit) => unit.kind === 'paragraph').length;
      return item.units.map((unit) => ({
        meeting: meeting.id,
        date: meeting.date,
        top: item.top,
        title: item.title,
        itemParagraphCount,
        ...unit,
      }));
    }),
  );
  const units: Unit[] = new Array(listed.length);
  let next = 0;
  const worker = async () => {
    while (next < listed.length) {
      const position = next++;
      const entry = listed[position] as (typeof listed)[number];
      const path = `api/units/${[entry.meeting, entry.top, entry.para].map(encodeURIComponent).join('/')}`;
      const source = await request(path, SourceSchema);
      units[position] = { ...entry, text: source.text };
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const unitAnalyzer = createAnalyzer(
    buildLexicon(
      analyzer.lexicon,
      units.flatMap((unit) => [unit.title, unit.text]),
    ),
  );
  const checker = createSupportChecker({
    analyzer: unitAnalyzer,
    statistics: createLexicalIndex({ analyzer: unitAnalyzer, units }).statistics,
  });

  return {
    description: `server ${options.baseUrl}`,
    embedder: health.embedder,
    meetings: contents.meetings.map((meeting) => meeting.id),
    knownUnitIds: new Set(byId.keys()),
    async search(query, k) {
      // A follow-up's retrieval query joins two questions; the API takes at most LIMITS.queryChars.
      const parameters = new URLSearchParams({ q: query.slice(0, LIMITS.queryChars), k: String(k) });
      const { results } = await request(`api/search?${parameters}`, SearchResponseSchema);
      return results.map((source) => source.id);
    },
    async ask(askRequest: AskRequest): Promise<Answer> {
      return request('api/ask', AnswerSchema, { method: 'POST', body: askRequest });
    },
    supports(statement, unitId) {
      const unit = byId.get(unitId);
      return unit !== undefined && checker.supports(statement.text, unit);
    },
  };
}
