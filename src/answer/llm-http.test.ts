// The LLM answerer over real HTTP: the OpenAI-compatible provider (createLlmModel) talking to a fake
// /v1/chat/completions server on 127.0.0.1, streaming and not — faithful, inventing, misciting, failing, garbled,
// stalling, silent and absent servers, over the real corpus.

import { copyFile, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssistant } from '../assistant/index.ts';
import { buildRealCorpus, type RealCorpus } from '../assistant/testing/real-corpus.ts';
import { loadConfig } from '../config.ts';
import { BeschlussError } from '../errors.ts';
import { createLlmModel } from '../llm/index.ts';
import { type FakeChatServer, startFakeChatServer } from '../llm/testing/fake-chat-server.ts';
import { BAN, MANDATE, QUESTION, TIMEOUT_MS } from '../llm/testing/reichsflaggen.ts';
import { createMemoryLogger } from '../logger.ts';
import { DEFAULT_CORPUS_DIR } from '../paths.ts';
import { createConfiguredLlmAnswerer } from './llm-configured.ts';
import { type AnswerPrompts, loadAnswerPrompts } from './llm-prompts.ts';
import { llmAnswererOver } from './testing/llm-answerer.ts';
import type { Answer, AnswerEvent } from './types.ts';

const FALLBACK = 'die Antwort zitiert stattdessen die Beschlüsse direkt.';

let corpus: RealCorpus;
let prompts: AnswerPrompts;
let server: FakeChatServer;
beforeAll(async () => {
  [corpus, prompts, server] = await Promise.all([
    buildRealCorpus(),
    loadAnswerPrompts(),
    startFakeChatServer({ apiKey: 'secret' }),
  ]);
}, 60_000);
afterAll(async () => {
  await server?.close();
  await corpus?.dispose();
});

function answererAt(baseURL: string, apiKey = 'secret') {
  const model = createLlmModel({ baseURL, model: 'qwen2.5:7b-instruct', apiKey });
  return llmAnswererOver(corpus, prompts, model);
}

async function streamed(baseURL: string): Promise<{ deltas: string[]; answer: Answer }> {
  const deltas: string[] = [];
  let answer: Answer | undefined;
  for await (const event of answererAt(baseURL).stream(QUESTION) as AsyncIterable<AnswerEvent>) {
    if (event.type === 'text-delta') deltas.push(event.delta);
    if (event.type === 'done') answer = event.answer;
  }
  if (!answer) throw new Error('no done event');
  expect(deltas.join('')).toBe(answer.answer);
  return { deltas, answer };
}

const citedIds = (answer: Answer) =>
  answer.statements.flatMap((statement) =>
    statement.citations.map((citation) => `${citation.meeting}/${citation.top}/${citation.para}`),
  );

describe('LLM answerer over HTTP', () => {
  it('streams a faithful answer through the OpenAI-compatible provider (SSE)', async () => {
    server.behaviour = 'answer';
    server.reply = `${MANDATE} [TOP 4 Ziff. 2]. ${BAN} [TOP 4 Ziff. 3].`;
    const before = server.calls.length;
    const { deltas, answer } = await streamed(server.baseURL);
    expect(answer).toMatchObject({ mode: 'llm', abstained: false, answer: server.reply });
    expect(answer.notice).toBeUndefined();
    expect(deltas).toEqual([`${MANDATE} [TOP 4 Ziff. 2].`, ` ${BAN} [TOP 4 Ziff. 3].`]);
    const call = server.calls[before];
    expect(call).toMatchObject({
      path: '/v1/chat/completions',
      authorization: 'Bearer secret',
      model: 'qwen2.5:7b-instruct',
      stream: true,
    });
    expect(call?.messages.map((message) => message.role)).toEqual(['system', 'user']);
    expect(call?.messages[1]?.content).toContain('[TOP 4 Ziff. 2] – TOP 4: Bundeseinheitlicher Umgang');
  });

  it('repairs an invented citation in a plain JSON completion', async () => {
    server.behaviour = 'answer';
    server.reply = `${MANDATE} [TOP 99 Ziff. 1].`;
    const before = server.calls.length;
    const answer = await answererAt(server.baseURL).answer(QUESTION);
    expect(server.calls[before]?.stream).toBe(false);
    expect(answer).toMatchObject({ mode: 'llm', answer: `${MANDATE} [TOP 4 Ziff. 2].` });
    expect(answer.notice).toContain('[TOP 99 Ziff. 1] (gibt es nicht) → [TOP 4 Ziff. 2]');
  });

  it('repairs a citation of the wrong paragraph in a streamed answer', async () => {
    server.behaviour = 'answer';
    server.reply = `${BAN} [TOP 4 Ziff. 1].`;
    const { answer } = await streamed(server.baseURL);
    expect(answer.answer).toBe(`${BAN} [TOP 4 Ziff. 3].`);
    expect(citedIds(answer)).toEqual(['imk-2020-12-10/4/3']);
    expect(answer.notice).toContain('[TOP 4 Ziff. 1] (belegt die Aussage nicht) → [TOP 4 Ziff. 3]');
  });

  it('falls back to the extractive answer within the timeout when the server never answers', async () => {
    server.behaviour = 'hang';
    for (const run of [
      () => streamed(server.baseURL).then((result) => result.answer),
      () => answererAt(server.baseURL).answer(QUESTION),
    ]) {
      const started = Date.now();
      const answer = await run();
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
      expect(elapsed).toBeLessThan(TIMEOUT_MS + 1_000);
      expect(answer.mode).toBe('extractive');
      expect(answer.notice).toBe(`LLM-Zeitüberschreitung nach ${TIMEOUT_MS} ms; ${FALLBACK}`);
      expect(citedIds(answer)).toContain('imk-2020-12-10/4/2');
    }
  });

  it('keeps the verified first sentence when the server stalls mid-stream', async () => {
    server.behaviour = 'stall';
    // The server sends the first half: the first sentence and some words of the second.
    server.reply = `${MANDATE} [TOP 4 Ziff. 2]. ${BAN}, und ${BAN} [TOP 4 Ziff. 3].`;
    const { answer } = await streamed(server.baseURL);
    expect(answer).toMatchObject({ mode: 'llm', answer: `${MANDATE} [TOP 4 Ziff. 2].` });
    expect(answer.notice).toBe(
      `LLM-Zeitüberschreitung nach ${TIMEOUT_MS} ms; die Antwort ist unvollständig.`,
    );
  });

  it('falls back with the reason when the server is down (connection refused)', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const { port } = closed.address() as AddressInfo;
    await new Promise((resolve) => closed.close(resolve));
    const started = Date.now();
    for (const answer of [
      await answererAt(`http://127.0.0.1:${port}/v1`).answer(QUESTION),
      (await streamed(`http://127.0.0.1:${port}/v1`)).answer,
    ]) {
      expect(answer.mode).toBe('extractive');
      expect(answer.notice).toMatch(/^LLM nicht erreichbar; die Antwort zitiert/);
      expect(answer.notice).not.toContain(String(port));
      expect(citedIds(answer)).toContain('imk-2020-12-10/4/2');
    }
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 2);
  });

  it('falls back with the status when the server fails, and with a clear reason when it sends garbage', async () => {
    server.behaviour = 'error';
    const failed = await answererAt(server.baseURL).answer(QUESTION);
    expect(failed.mode).toBe('extractive');
    expect(failed.notice).toMatch(/^LLM-Fehler: HTTP 500; die Antwort zitiert/);
    expect(failed.notice).not.toContain('model crashed');

    server.behaviour = 'garbage';
    for (const answer of [
      await answererAt(server.baseURL).answer(QUESTION),
      (await streamed(server.baseURL)).answer,
    ]) {
      expect(answer.mode).toBe('extractive');
      expect(answer.notice).toMatch(/^LLM lieferte eine unlesbare Antwort; die Antwort zitiert/);
    }
  });

  it('answers in the fallback within the timeout when the API key is wrong', async () => {
    server.behaviour = 'answer';
    const answer = await answererAt(server.baseURL, 'wrong').answer(QUESTION);
    expect(answer.mode).toBe('extractive');
    expect(answer.notice).toMatch(/^LLM-Fehler: HTTP 401/);
  });
});

describe('createLlmModel', () => {
  it('refuses a base URL that is no http(s) URL, naming the setting', () => {
    expect(() => createLlmModel({ baseURL: 'localhost:11434', model: 'llama3' })).toThrow(BeschlussError);
    expect(() => createLlmModel({ baseURL: 'ftp://host/v1', model: 'llama3' })).toThrow(/LLM_BASE_URL/);
    expect(() => createLlmModel({ baseURL: 'http://127.0.0.1:11434/v1', model: ' ' })).toThrow(/model name/);
  });
});

describe('createConfiguredLlmAnswerer', () => {
  it('builds nothing without LLM_BASE_URL and LLM_MODEL', async () => {
    const factory = await createConfiguredLlmAnswerer({
      config: {
        LLM_BASE_URL: undefined,
        LLM_MODEL: undefined,
        LLM_API_KEY: undefined,
        LLM_TIMEOUT_MS: 30_000,
      },
      logger: createMemoryLogger(),
    });
    expect(factory).toBeUndefined();
  });

  it('builds the LLM answerer from the configuration, talking to the configured server', async () => {
    server.behaviour = 'answer';
    server.reply = `${MANDATE} [TOP 4 Ziff. 2].`;
    const logger = createMemoryLogger();
    const factory = await createConfiguredLlmAnswerer({
      config: {
        LLM_BASE_URL: server.baseURL,
        LLM_MODEL: 'llama3.1',
        LLM_API_KEY: 'secret',
        LLM_TIMEOUT_MS: 2_000,
      },
      logger,
    });
    const answer = await factory?.(corpus.state).answer(QUESTION);
    expect(answer).toMatchObject({ mode: 'llm', answer: server.reply });
    expect(server.calls.at(-1)?.model).toBe('llama3.1');
    expect(logger.entries).toContainEqual(
      expect.objectContaining({ message: 'LLM answerer configured', model: 'llama3.1', promptVersion: '1' }),
    );
  });
});

describe('createAssistant with an LLM configured', () => {
  it('answers with the LLM answerer, falls back on a silent server, and keeps it after a reindex', async () => {
    const root = await mkdtemp(path.join(os.tmpdir(), 'beschluss-llm-assistant-'));
    try {
      const corpusDir = path.join(root, 'corpus');
      await mkdir(corpusDir);
      await copyFile(
        path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt'),
        path.join(corpusDir, 'imk-2020-12-10.txt'),
      );
      const config = loadConfig({
        CORPUS_DIR: corpusDir,
        INDEX_DIR: path.join(root, 'index'),
        LLM_BASE_URL: server.baseURL,
        LLM_MODEL: 'llama3.1',
        LLM_API_KEY: 'secret',
        LLM_TIMEOUT_MS: String(TIMEOUT_MS),
      });
      const assistant = await createAssistant({
        config,
        logger: createMemoryLogger(),
        analyzer: corpus.analyzer,
        embedder: corpus.embedder,
      });
      expect(assistant.health().answerer).toBe('llm');
      server.behaviour = 'answer';
      server.reply = `${MANDATE} [TOP 4 Ziff. 2].`;
      expect(await assistant.answerer.answer(QUESTION)).toMatchObject({ mode: 'llm', answer: server.reply });

      server.behaviour = 'hang';
      const fallback = await assistant.answerer.answer(QUESTION);
      expect(fallback.mode).toBe('extractive');
      expect(fallback.notice).toBe(`LLM-Zeitüberschreitung nach ${TIMEOUT_MS} ms; ${FALLBACK}`);

      await assistant.reindex();
      server.behaviour = 'answer';
      expect(await assistant.answerer.answer(QUESTION)).toMatchObject({ mode: 'llm' });
      await assistant.close();
    } finally {
      await rm(root, { recursive: true, force: true });
    }
  }, 30_000);
});
