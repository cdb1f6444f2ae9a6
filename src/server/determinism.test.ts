// Same question, same index, same answer: with the bundled model (whose int8 activations made a question's vector
// depend on the questions it was embedded with), 20 questions asked one at a time on a fresh server get byte for
// byte the answers they get inside bursts of 40 concurrent distinct questions on another server over the same index,
// and again on that server once it has been under load.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../assistant/index.ts';
import type { Assistant } from '../assistant/types.ts';
import { loadConfig } from '../config.ts';
import { createEmbedder } from '../embed/index.ts';
import type { Embedder } from '../embed/types.ts';
import { createMemoryLogger } from '../logger.ts';
import { useTemporaryDirectory } from '../testing/temporary-directory.ts';
import { createApp } from './app.ts';

const temporary = useTemporaryDirectory('beschluss-determinism-');
let embedder: Embedder;
const assistants: Assistant[] = [];

/** A fresh assistant (own query cache, own answerer) over the shared index folder and loaded model. */
async function server(): Promise<(question: string) => Promise<string>> {
  const config = loadConfig({ INDEX_DIR: temporary('index') });
  const logger = createMemoryLogger();
  const assistant = await createAssistant({ config, logger, embedder });
  assistants.push(assistant);
  const app = createApp({ assistant, logger, config });
  return async (question) => {
    const response = await app.request('/api/ask', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question }),
    });
    expect(response.status).toBe(200);
    return response.text();
  };
}

// Our own questions (not from the evaluation sets): on items of the bundled resolutions, in everyday words.
const QUESTIONS = [
  'Was soll gegen Geldflüsse an Rechtsextremisten unternommen werden?',
  'Dürfen Reichskriegsflaggen gezeigt werden?',
  'Wie steht es um Rechtsextremisten bei der Polizei?',
  'Was tut die Konferenz zum Schutz jüdischen Lebens?',
  'Welche Rolle spielen digitale Spuren bei Ermittlungen?',
  'Wer kümmert sich um alte Munition im Boden?',
  'Wie werden Einsatzkräfte vor Angriffen geschützt?',
  'Wann kommt das neue Waffenregister?',
  'Werden Schreckschusswaffen strenger geregelt?',
  'Gibt es einen Versuch mit Abschnittskontrollen auf Straßen?',
  'Was wird für ältere Menschen im Verkehr getan?',
  'Sollen Ordner in Stadien überprüft werden?',
  'Kann die Polizei beim 5G-Netz noch abhören?',
  'Wie arbeiten Bund und Länder bei der IT-Sicherheit zusammen?',
  'Wie lief der Warntag im September?',
  'Dürfen Städte das Feuerwerk an Silvester verbieten?',
  'Sollen psychisch Kranke Waffen besitzen dürfen?',
  'Was plant man gegen Drogenhandel?',
  'Schickt Deutschland Polizisten in den Sudan?',
  'Wie erkennt man Amokläufer früh?',
];

beforeAll(async () => {
  ({ embedder } = await createEmbedder({ kind: 'transformers', logger: createMemoryLogger() }));
}, 120_000);
afterAll(async () => {
  await Promise.all(assistants.map((assistant) => assistant.close()));
});

describe('answers with the bundled model do not depend on load', () => {
  it('gives 20 questions the same JSON alone on a fresh server and inside bursts of 40 on another', async () => {
    const fresh = await server();
    const alone: string[] = [];
    for (const question of QUESTIONS) alone.push(await fresh(question));

    const loaded = await server();
    // Each burst: 10 of the questions among 30 other distinct ones, all sent at once.
    const items = assistants[1]?.catalog.items() ?? [];
    const others = items.flatMap((item) => [
      `Was wurde zu ${item.title} beschlossen?`,
      `Bis wann ist zu ${item.title} zu berichten?`,
    ]);
    expect(others.length).toBeGreaterThanOrEqual(60);
    const inBursts = new Array<string>(QUESTIONS.length);
    for (const [burst, start] of [0, 10].entries()) {
      const targets = QUESTIONS.slice(start, start + 10);
      const fillers = others.slice(burst * 30, burst * 30 + 30);
      const mixed = [...fillers.slice(0, 15), ...targets, ...fillers.slice(15)];
      const answers = await Promise.all(mixed.map((question) => loaded(question)));
      targets.forEach((question, offset) => {
        inBursts[start + offset] = answers[mixed.indexOf(question)] as string;
      });
    }
    expect(inBursts).toEqual(alone);

    // The same server after the load, each question once more (its vector now comes from the query cache).
    const afterLoad: string[] = [];
    for (const question of QUESTIONS) afterLoad.push(await loaded(question));
    expect(afterLoad).toEqual(alone);
  }, 180_000);
});
