// The server with the bundled model (models/Xenova/multilingual-e5-small, as `npm start` runs it): the default
// configuration serves the model with no fallback, and it finds and answers by meaning what shares few words with
// the text. The other server tests use the offline embedder for speed; this one pays the model's load and build.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../assistant/index.ts';
import type { Assistant } from '../assistant/types.ts';
import { loadConfig } from '../config.ts';
import { createMemoryLogger } from '../logger.ts';
import { useTemporaryDirectory } from '../testing/temporary-directory.ts';
import { createApp } from './app.ts';

const temporary = useTemporaryDirectory('beschluss-model-');
let assistant: Assistant;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  // The default configuration, as a fresh clone's `npm start` has it: EMBEDDER auto, the bundled model folder.
  const config = loadConfig({ INDEX_DIR: temporary('index') });
  const logger = createMemoryLogger();
  assistant = await createAssistant({ config, logger });
  app = createApp({ assistant, logger, config });
}, 120_000);
afterAll(() => assistant?.close());

const ask = async (question: string) => {
  const response = await app.request('/api/ask', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
  expect(response.status).toBe(200);
  return (await response.json()) as {
    abstained: boolean;
    statements: Array<{ citations: Array<{ top: string }> }>;
  };
};

describe('server with the bundled model', () => {
  it('reports the e5 model and its int8 weights in /api/health, with no fallback', async () => {
    const health = await (await app.request('/api/health')).json();
    expect(health).toMatchObject({ model: 'Xenova/multilingual-e5-small', dtype: 'q8', units: 107 });
    expect(health.embedder).toMatch(
      /^transformers:Xenova\/multilingual-e5-small:384;dtype=q8;sha256=cb4316441905c423;/,
    );
    expect(health.embedderFallback).toBeUndefined();
  });

  it('finds by meaning an item that shares few words with the query', async () => {
    // "Ortsbehörden", "Knallkörper", "Jahreswechsel": none of them is in the resolutions' text on fireworks.
    const query = 'Sollen Ortsbehörden Knallkörper zum Jahreswechsel einschränken können?';
    const response = await app.request(`/api/search?q=${encodeURIComponent(query)}&k=3`);
    const { results } = (await response.json()) as { results: Array<{ top: string }> };
    expect(results.map((source) => source.top)).toContain('39');
  });

  it('answers in everyday words with the item that says it, cited', async () => {
    const answer = await ask(
      'Gibt es eine Reserve an Stellen für Verwendungen in internationalen Missionen?',
    );
    expect(answer.abstained).toBe(false);
    expect(
      answer.statements.flatMap((statement) => statement.citations.map((citation) => citation.top)),
    ).toContain('51');
  });
});
