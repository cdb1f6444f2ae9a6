import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { testApp } from './testing/test-app.ts';

const { app } = testApp();

/** Every answer is a complete response below 500; an error is the JSON error shape. */
async function expectHandled(response: Response, statuses?: Set<number>): Promise<void> {
  statuses?.add(response.status);
  const text = await response.text();
  expect(response.status, text.slice(0, 300)).toBeLessThan(500);
  if (response.status >= 400) {
    const body = JSON.parse(text) as { error: { code: string; message: string } };
    expect(typeof body.error.code).toBe('string');
    expect(typeof body.error.message).toBe('string');
  }
}

/** Strings with lone surrogates, control characters, markers and reference words, and some huge ones. */
const nastyString = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 80 }),
  fc.string({
    unit: fc.constantFrom(
      '\u0000',
      '\u001f',
      '\ud800',
      '\udfff',
      '\u202e',
      '\ufeff',
      'ä',
      '[',
      ']',
      '/',
      '%',
      '"',
      '\\',
      'T',
      'O',
      'P',
      ' ',
      '4',
      '6',
      'Z',
      'i',
      'f',
      '.',
    ),
    maxLength: 60,
  }),
  fc.constantFrom(
    'TOP 46 Ziffer 8',
    'TOP 6/7',
    'Protokollnotiz Bayern zu TOP 39',
    'IMK 10.12.2020, TOP 46 Ziff. 8',
    '[TOP 9]',
    'TOP 99999999999999999999',
  ),
  fc
    .integer({ min: 1990, max: 70_000 })
    .map((length) => 'Sirenen '.repeat(Math.ceil(length / 8)).slice(0, length)),
);

const nastyNumber = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.constantFrom(0, -1, 1, 20, 21, 1e308, -1e308, 2 ** 53, 5e-324, 1.5),
);

const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.letrec((tie) => ({
    nested: fc.oneof(
      { depthSize: 'small' },
      fc.constant({}),
      fc.dictionary(fc.string({ maxLength: 5 }), tie('nested'), { maxKeys: 3 }),
    ),
  })).nested,
);

const maybe = <T>(arbitrary: fc.Arbitrary<T>) => fc.option(arbitrary, { nil: undefined });

const historyEntry = fc.oneof(
  fc.record({ role: fc.constantFrom('user', 'assistant', 'system', 'tool', ''), content: nastyString }),
  anyJson,
);

const askBody = fc.oneof(
  anyJson,
  // Well-formed requests too, so every run reaches the answering path (and the 200 asserted below).
  fc.record({
    question: fc.constantFrom('Worum geht es in TOP 9?', 'Wer soll berichten?', 'Sirenen und Warntag'),
    k: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record(
    {
      question: fc.oneof(nastyString, anyJson),
      history: maybe(fc.oneof(fc.array(historyEntry, { maxLength: 25 }), anyJson)),
      k: maybe(fc.oneof(nastyNumber, anyJson)),
      meeting: maybe(fc.oneof(nastyString, fc.constant('imk-2020-12-10'), fc.constant('imk-2099-01-01'))),
    },
    { requiredKeys: [] },
  ),
);

function post(url: string, body: string | Uint8Array<ArrayBuffer>, contentType = 'application/json') {
  return app.request(url, { method: 'POST', headers: { 'content-type': contentType }, body });
}

/** A query string built from raw characters, so broken percent-encodings and repeated keys occur too. */
const rawQueryValue = fc.string({
  unit: fc.constantFrom('%', '2', 'e', 'F', 'G', '&', '=', '+', 'a', 'ä', '0', '5', '-', ' ', '\ud800'),
  maxLength: 20,
});

describe('the API under generated input never fails with a 5xx', () => {
  it('POST /api/ask with any JSON body', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(askBody, async (body) => {
        await expectHandled(await post('/api/ask', JSON.stringify(body) ?? 'null'), statuses);
      }),
      { numRuns: 150 },
    );
    // The generators reach both answers and refusals, so the property covers both paths.
    expect(statuses).toContain(200);
    expect(statuses).toContain(400);
  });

  it('POST /api/ask with arbitrary bytes and content types', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom(
          'application/json',
          'application/json; charset=latin1',
          'text/plain',
          'application/x-www-form-urlencoded',
          'multipart/form-data',
          '',
        ),
        async (bytes, contentType) => {
          await expectHandled(await post('/api/ask', bytes, contentType));
        },
      ),
      { numRuns: 100 },
    );
  });

  it('GET /api/search with any q, k, meeting and mode', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc
            .record({
              q: maybe(nastyString),
              k: maybe(fc.oneof(nastyNumber.map(String), nastyString)),
              meeting: maybe(nastyString),
              mode: maybe(fc.oneof(fc.constantFrom('hybrid', 'lexical', 'vector'), nastyString)),
            })
            .map((parameters) => {
              const search = new URLSearchParams();
              for (const [key, value] of Object.entries(parameters))
                if (value !== undefined) search.append(key, value);
              return search.toString();
            }),
          fc.tuple(rawQueryValue, rawQueryValue).map(([q, k]) => `q=${q}&k=${k}`),
          // Well-formed searches too, so every run reaches the search path (and the 200 asserted below).
          fc
            .tuple(fc.constantFrom('Warntag', 'TOP 9', 'Polizei'), fc.integer({ min: 1, max: 20 }))
            .map(([q, k]) => `q=${encodeURIComponent(q)}&k=${k}`),
        ),
        async (query) => {
          await expectHandled(await app.request(`/api/search?${query}`), statuses);
        },
      ),
      { numRuns: 150 },
    );
    expect(statuses).toContain(200);
    expect(statuses).toContain(400);
  });

  it('GET /api/cite with any reference', async () => {
    const statuses = new Set<number>();
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          nastyString.map((ref) => `ref=${encodeURIComponent(ref.replace(/[\ud800-\udfff]/g, '?'))}`),
          rawQueryValue.map((ref) => `ref=${ref}`),
          // Well-formed references too, so every run reaches the lookup path (and the 200 asserted below).
          fc
            .constantFrom('TOP 9', 'TOP 46 Ziffer 1', 'TOP 3 Nr. 2')
            .map((ref) => `ref=${encodeURIComponent(ref)}`),
        ),
        fc.option(fc.oneof(fc.constant('imk-2020-12-10'), nastyString), { nil: undefined, freq: 1 }),
        async (query, meeting) => {
          const suffix =
            meeting === undefined
              ? ''
              : `&meeting=${encodeURIComponent(meeting.replace(/[\ud800-\udfff]/g, '?'))}`;
          await expectHandled(await app.request(`/api/cite?${query}${suffix}`), statuses);
        },
      ),
      { numRuns: 150 },
    );
    expect(statuses).toContain(200);
    expect(statuses).toContain(400);
  });

  it('GET /api/units with any path segments', async () => {
    const statuses = new Set<number>();
    const segment = fc.oneof(
      nastyString
        .filter((text) => text.length < 300)
        .map((text) => encodeURIComponent(text.replace(/[\ud800-\udfff]/g, '?'))),
      rawQueryValue.map((text) => text.replace(/[&=+ ]/g, '')),
      fc.constantFrom('imk-2020-12-10', '46', '6%2F7', '8', 'Protokollnotiz%20SN', '..', '%2e%2e', ''),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { minLength: 1, maxLength: 5 }), async (segments) => {
        await expectHandled(await app.request(`/api/units/${segments.join('/')}`), statuses);
      }),
      { numRuns: 150 },
    );
    expect(statuses).toContain(400);
    expect(statuses).toContain(404);
  });

  it('POST /v1/chat/completions and /api/chat with any messages', async () => {
    const content = fc.oneof(
      nastyString,
      fc.array(fc.record({ type: fc.constantFrom('text', 'image_url', ''), text: maybe(nastyString) }), {
        maxLength: 3,
      }),
      anyJson,
    );
    const openAIBody = fc.oneof(
      anyJson,
      fc.record(
        {
          model: fc.oneof(fc.constant('beschluss-assistent'), nastyString),
          stream: maybe(fc.oneof(fc.boolean(), anyJson)),
          messages: fc.oneof(
            fc.array(
              fc.record({
                role: fc.constantFrom('user', 'assistant', 'system', 'developer', 'tool', 'x'),
                content,
              }),
              { maxLength: 6 },
            ),
            anyJson,
          ),
          k: maybe(nastyNumber),
        },
        { requiredKeys: ['model', 'messages'] },
      ),
    );
    const uiBody = fc.oneof(
      anyJson,
      fc.record({
        messages: fc.oneof(
          fc.array(
            fc.record({
              id: fc.string({ maxLength: 5 }),
              role: fc.constantFrom('user', 'assistant', 'system', 'x'),
              parts: fc.oneof(
                fc.array(
                  fc.record({ type: fc.constantFrom('text', 'file', 'data-x'), text: maybe(nastyString) }),
                  { maxLength: 3 },
                ),
                anyJson,
              ),
            }),
            { maxLength: 6 },
          ),
          anyJson,
        ),
      }),
    );
    await fc.assert(
      fc.asyncProperty(openAIBody, uiBody, async (openAI, ui) => {
        await expectHandled(await post('/v1/chat/completions', JSON.stringify(openAI) ?? 'null'));
        await expectHandled(await post('/api/chat', JSON.stringify(ui) ?? 'null'));
      }),
      { numRuns: 150 },
    );
  });
});
