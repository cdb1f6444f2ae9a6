// The server over the real assistant and the bundled corpus: the contracts of DESIGN.md end to end.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../assistant/index.ts';
import type { Assistant } from '../assistant/types.ts';
import { parseMarkers } from '../citation/index.ts';
import { loadConfig } from '../config.ts';
import { createMemoryLogger } from '../logger.ts';
import { createApp } from './app.ts';

let indexDir: string;
let assistant: Assistant;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  indexDir = await mkdtemp(path.join(os.tmpdir(), 'beschluss-server-'));
  const config = loadConfig({ INDEX_DIR: indexDir, EMBEDDER: 'offline' });
  const logger = createMemoryLogger();
  assistant = await createAssistant({ config, logger });
  app = createApp({ assistant, logger, config });
}, 60_000);
afterAll(() => rm(indexDir, { recursive: true, force: true }));

const post = (route: string, body: unknown) =>
  app.request(route, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('server over the bundled corpus', () => {
  it('reports health with units and embedder', async () => {
    const response = await app.request('/api/health');
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body).toMatchObject({ status: 'ok', units: 107 });
    expect(body.embedder).toMatch(/^offline:/);
  });

  it('answers POST /api/ask in the contract shape with valid citations', async () => {
    const response = await post('/api/ask', {
      question: 'Bis wann soll wer den Warntag auswerten?',
    });
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(Object.keys(answer).sort()).toEqual([
      'abstained',
      'answer',
      'language',
      'mode',
      'sources',
      'statements',
    ]);
    expect(answer.mode).toBe('extractive');
    expect(answer.abstained).toBe(false);
    const sourceIds = answer.sources.map((source: { id: string }) => source.id);
    for (const statement of answer.statements) {
      expect(parseMarkers(statement.text).length).toBeGreaterThan(0);
      for (const citation of statement.citations) {
        expect(sourceIds).toContain(`${citation.meeting}/${citation.top}/${citation.para}`);
      }
    }
    expect(answer.answer).toContain('[TOP 37 Ziff. 2]');
  });

  it('searches and resolves references exactly', async () => {
    const search = await (await app.request('/api/search?q=TOP%2049%20Nr.%203&k=3')).json();
    expect(search.results[0]).toMatchObject({ id: 'imk-2020-12-10/49/3', top: '49', para: '3' });
    const cite = await app.request('/api/cite?ref=Ziff.%208%20von%20TOP%2046');
    expect((await cite.json()).id).toBe('imk-2020-12-10/46/8');
    const unit = await app.request('/api/units/imk-2020-12-10/6%2F7/2');
    expect((await unit.json()).top).toBe('6/7');
  });

  it('lists the table of contents', async () => {
    const toc = await (await app.request('/api/items')).json();
    expect(toc.meetings).toHaveLength(1);
    expect(toc.meetings[0].items).toHaveLength(38);
    expect(toc.meetings[0].items.map((item: { top: string }) => item.top)).toContain('29.2');
  });

  it('says which unit is missing', async () => {
    const response = await app.request('/api/cite?ref=TOP%2046%20Ziffer%2012');
    expect(response.status).toBe(404);
    const body = await response.json();
    expect(body.error.code).toBe('UNIT_NOT_FOUND');
  });
});

describe('GET /api/items/:meeting/:top', () => {
  it('returns a whole item with every unit, a combined TOP by either number', async () => {
    const item = await (await app.request('/api/items/imk-2020-12-10/46')).json();
    expect(item.units.map((unit: { para: string }) => unit.para)).toEqual([
      '1',
      '2',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      'Protokollnotiz BY, BW, BB, MV, NW, SL und BMI',
      'Protokollnotiz SN',
    ]);
    const combined = await (await app.request('/api/items/imk-2020-12-10/7')).json();
    expect(combined.top).toBe('6/7');
    const encoded = await app.request('/api/items/imk-2020-12-10/6%2F7');
    expect(encoded.status).toBe(200);
    const missing = await app.request('/api/items/imk-2020-12-10/44');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.message).toContain('Einen TOP 44 gibt es in dieser Sitzung nicht');
  });
});
