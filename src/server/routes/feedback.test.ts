import { mkdir, mkdtemp, open, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createFeedbackLog, type FeedbackLog } from '../feedback-log.ts';
import { type ErrorJson, postJson, testApp } from '../testing/test-app.ts';

const REPORT = {
  rating: 'wrong-citation',
  question: 'Was gilt für Sirenen?',
  answer: 'Die IMK begrüßt das Förderprogramm für Sirenen des Bundes. [TOP 29.2 Ziff. 1]',
  citations: [{ meeting: 'imk-2020-12-10', top: '29.2', para: '1' }],
  comment: 'Gemeint war Ziffer 2.',
};

let folder: string;
let log: FeedbackLog;

beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'beschluss-feedback-'));
  log = createFeedbackLog({
    file: path.join(folder, 'index', 'feedback.jsonl'),
    now: () => new Date('2024-05-02T09:30:00Z'),
  });
});

afterEach(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function lines(): Promise<Array<Record<string, unknown>>> {
  const text = await readFile(log.location, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('POST /api/feedback', () => {
  it('appends the rating with question, answer, citations, comment and a timestamp as one JSON line', async () => {
    const { app } = testApp({ feedback: log });
    const response = await app.request('/api/feedback', postJson(REPORT));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ saved: true, at: '2024-05-02T09:30:00.000Z' });
    await app.request('/api/feedback', postJson({ ...REPORT, rating: 'helpful', comment: '  ' }));
    const saved = await lines();
    expect(saved).toEqual([
      { at: '2024-05-02T09:30:00.000Z', ...REPORT },
      {
        at: '2024-05-02T09:30:00.000Z',
        rating: 'helpful',
        question: REPORT.question,
        answer: REPORT.answer,
        citations: REPORT.citations,
      },
    ]);
  });

  it('records the conversation and turn the rated answer belongs to', async () => {
    const { app } = testApp({ feedback: log });
    const context = { conversationId: '0123456789abcdef0123456789abcdef', turn: 2 };
    const response = await app.request('/api/feedback', postJson({ ...REPORT, ...context }));
    expect(response.status).toBe(200);
    expect((await lines())[0]).toMatchObject(context);
    for (const [wrong, field] of [
      [{ conversationId: '../../etc' }, 'Gespräch'],
      [{ turn: -1 }, 'Frage im Gespräch'],
    ] as const) {
      const refused = await app.request('/api/feedback', postJson({ ...REPORT, ...wrong }));
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as ErrorJson).error.message).toBe(
        `Das Feld „${field}“ fehlt oder ist ungültig.`,
      );
    }
  });

  it('refuses "Fundstelle falsch" for an answer that cites nothing (an abstention), and takes the other ratings', async () => {
    const { app } = testApp({ feedback: log });
    const abstention = {
      question: 'Was gilt für Drohnen?',
      answer: 'Dazu enthalten die Beschlüsse keine Aussage.',
      citations: [],
    };
    const refused = await app.request('/api/feedback', postJson({ ...abstention, rating: 'wrong-citation' }));
    expect(refused.status).toBe(400);
    expect(((await refused.json()) as ErrorJson).error.message).toBe(
      'Eine falsche Fundstelle lässt sich nur zu einer Antwort mit Fundstellen melden; diese Antwort nennt keine.',
    );
    for (const rating of ['helpful', 'unhelpful']) {
      expect((await app.request('/api/feedback', postJson({ ...abstention, rating }))).status).toBe(200);
    }
    expect((await lines()).map((entry) => entry.rating)).toEqual(['helpful', 'unhelpful']);
  });

  it('never interleaves lines of concurrent reports', async () => {
    const { app } = testApp({ feedback: log });
    const long = 'Sehr ausführlicher Kommentar. '.repeat(60);
    const responses = await Promise.all(
      Array.from({ length: 40 }, (_, index) =>
        app.request('/api/feedback', postJson({ ...REPORT, question: `Frage ${index}`, comment: long })),
      ),
    );
    expect(responses.map((response) => response.status)).toEqual(Array(40).fill(200));
    const saved = await lines();
    expect(saved.map((entry) => entry.question).sort()).toEqual(
      Array.from({ length: 40 }, (_, index) => `Frage ${index}`).sort(),
    );
    expect(saved.every((entry) => entry.comment === long.trim())).toBe(true);
  });

  it('refuses an invalid rating, a missing field, malformed JSON and a body over 16 KiB in German', async () => {
    const { app } = testApp({ feedback: log });
    const cases: Array<[RequestInit, number, string, string]> = [
      [
        postJson({ ...REPORT, rating: 'great' }),
        400,
        'INVALID_REQUEST',
        'Die Bewertung muss „helpful“, „unhelpful“ oder „wrong-citation“ sein.',
      ],
      [
        postJson({ ...REPORT, question: undefined }),
        400,
        'INVALID_REQUEST',
        'Das Feld „Frage“ fehlt oder ist ungültig.',
      ],
      [
        postJson({ ...REPORT, comment: 'x'.repeat(2001) }),
        400,
        'INVALID_REQUEST',
        'Das Feld „Kommentar“ ist zu lang.',
      ],
      [postJson('{"rating": '), 400, 'INVALID_JSON', 'Die Rückmeldung ist kein gültiges JSON.'],
      [
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'hilfreich' },
        415,
        'UNSUPPORTED_MEDIA_TYPE',
        'Die Rückmeldung muss als JSON gesendet werden (Content-Type: application/json).',
      ],
      [
        postJson({ ...REPORT, answer: 'ä'.repeat(9000) }),
        413,
        'PAYLOAD_TOO_LARGE',
        'Die Rückmeldung ist zu groß (höchstens 16 KiB).',
      ],
    ];
    for (const [init, status, code, message] of cases) {
      const response = await app.request('/api/feedback', init);
      expect(response.status, message).toBe(status);
      const { error } = (await response.json()) as ErrorJson;
      expect(error).toMatchObject({ code, message });
    }
    await expect(readFile(log.location, 'utf8')).rejects.toThrow(/ENOENT/);
  });

  it('needs the API key like every /api route, and says so when the server keeps no feedback', async () => {
    const keyed = testApp({ feedback: log, config: { BESCHLUSS_API_KEY: 'geheim' } });
    expect((await keyed.app.request('/api/feedback', postJson(REPORT))).status).toBe(401);
    expect(
      (await keyed.app.request('/api/feedback', postJson(REPORT, { authorization: 'Bearer geheim' }))).status,
    ).toBe(200);
    const without = testApp();
    const response = await without.app.request('/api/feedback', postJson(REPORT));
    expect(response.status).toBe(503);
    expect(((await response.json()) as ErrorJson).error.message).toBe(
      'Rückmeldungen werden auf diesem Server nicht gespeichert.',
    );
  });

  it('cuts a line a crash or a full disk left torn at start, so the next report is a line of its own', async () => {
    const file = path.join(folder, 'torn', 'feedback.jsonl');
    await mkdir(path.dirname(file));
    const complete = JSON.stringify({ at: '2024-05-01T08:00:00.000Z', ...REPORT });
    await writeFile(file, `${complete}\n${complete.slice(0, 3682 % complete.length)}`);
    const { app } = testApp({ feedback: createFeedbackLog({ file }) });
    expect((await app.request('/api/feedback', postJson({ ...REPORT, rating: 'helpful' }))).status).toBe(200);
    const saved = (await readFile(file, 'utf8')).trimEnd().split('\n');
    expect(saved.map((line) => JSON.parse(line).rating)).toEqual(['wrong-citation', 'helpful']);
  });

  it('answers a full disk with 507 and a read-only one with 503, saving nothing and showing no path', async () => {
    const file = path.join(folder, 'full', 'feedback.jsonl');
    let refuse: string | undefined = 'ENOSPC';
    const full = createFeedbackLog({
      file,
      openFile: async (name, flags) => {
        const handle = await open(name, flags);
        if (refuse === undefined || flags !== 'a') return handle;
        const code = refuse;
        return Object.assign(Object.create(handle), {
          write: async (buffer: Buffer, offset: number, length: number) => {
            await handle.write(buffer, offset, Math.floor(length / 2));
            throw Object.assign(new Error(`${code}: simulated`), { code });
          },
          truncate: (size: number) => handle.truncate(size),
          sync: () => handle.sync(),
          stat: () => handle.stat(),
          close: () => handle.close(),
        });
      },
    });
    const { app } = testApp({ feedback: full });
    for (const [code, status, errorCode, words] of [
      ['ENOSPC', 507, 'STORAGE_FULL', 'der Datenträger ist voll'],
      ['EROFS', 503, 'STORAGE_READ_ONLY', 'schreibgeschützt'],
    ] as const) {
      refuse = code;
      const response = await app.request('/api/feedback', postJson(REPORT));
      expect(response.status).toBe(status);
      const { error } = (await response.json()) as ErrorJson;
      expect(error.code).toBe(errorCode);
      expect(error.message).toContain(words);
      expect(error.message).toContain('The feedback was not saved');
      expect(JSON.stringify(error)).not.toContain(folder);
      expect(await readFile(file, 'utf8')).toBe('');
    }
    refuse = undefined;
    expect((await app.request('/api/feedback', postJson(REPORT))).status).toBe(200);
    expect(JSON.parse(await readFile(file, 'utf8')).question).toBe(REPORT.question);
  });
});
