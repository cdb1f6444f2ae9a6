// Behaviour of the LLM answerer with AI SDK mock models over the real corpus: faithful answers kept, invented and
// wrong citations repaired, uncited answers replaced by the extractive answer, abstentions, per-sentence streaming,
// timeouts and failures answered by the fallback, follow-ups, and markers naming the meeting.

import { APICallError, type LanguageModelV3StreamPart } from '@ai-sdk/provider';
import type { LanguageModel } from 'ai';
import { MockLanguageModelV3 } from 'ai/test';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildTwoMeetingCorpus, useRealCorpus } from '../assistant/testing/real-corpus.ts';
import { parseMarkers } from '../citation/index.ts';
import { BAN, MANDATE, QUESTION, TIMEOUT_MS } from '../llm/testing/reichsflaggen.ts';
import { scriptedModel } from '../llm/testing/scripted-model.ts';
import { createMemoryLogger } from '../logger.ts';
import type { LlmAnswererOptions } from './llm.ts';
import { type AnswerPrompts, loadAnswerPrompts } from './llm-prompts.ts';
import { llmAnswererOver } from './testing/llm-answerer.ts';
import { ABSTAIN_DE, ABSTAIN_EN, type Answer, type AnswerEvent, type AskRequest } from './types.ts';

const corpus = useRealCorpus();
let prompts: AnswerPrompts;
beforeAll(async () => {
  prompts = await loadAnswerPrompts();
});

function answererWith(model: LanguageModel, overrides: Partial<LlmAnswererOptions> = {}) {
  return llmAnswererOver(corpus(), prompts, model, overrides);
}

async function collect(
  events: AsyncIterable<AnswerEvent>,
): Promise<{ events: AnswerEvent[]; answer: Answer }> {
  const all: AnswerEvent[] = [];
  for await (const event of events) all.push(event);
  const last = all.at(-1);
  if (last?.type !== 'done') throw new Error('the stream did not end with done');
  return { events: all, answer: last.answer };
}

const deltasOf = (events: AnswerEvent[]) =>
  events.flatMap((event) => (event.type === 'text-delta' ? [event.delta] : []));
const citedIds = (answer: Answer) =>
  answer.statements.flatMap((statement) =>
    statement.citations.map((citation) => `${citation.meeting}/${citation.top}/${citation.para}`),
  );

/** The stream's shape: sources first, text deltas that make up the answer, done last. */
function expectWellFormed(events: AnswerEvent[], answer: Answer) {
  expect(events[0]?.type).toBe('sources');
  expect(events.at(-1)?.type).toBe('done');
  expect(deltasOf(events).join('')).toBe(answer.answer);
  for (const statement of answer.statements) expect(answer.answer).toContain(statement.text);
}

describe('LLM answerer', () => {
  it('keeps a faithful answer with its markers and shows the model the numbered sources', async () => {
    const model = scriptedModel({
      pieces: [`${MANDATE} [TOP 4 Ziff. 2]. `, `${BAN} [TOP 4 Ziff. 3].`],
    });
    const { events, answer } = await collect(answererWith(model).stream(QUESTION));
    expectWellFormed(events, answer);
    expect(answer).toMatchObject({ mode: 'llm', abstained: false });
    expect(answer.notice).toBeUndefined();
    expect(answer.answer).toBe(`${MANDATE} [TOP 4 Ziff. 2]. ${BAN} [TOP 4 Ziff. 3].`);
    expect(citedIds(answer)).toEqual(['imk-2020-12-10/4/2', 'imk-2020-12-10/4/3']);
    const sourceIds = answer.sources.map((source) => source.id);
    expect(sourceIds).toEqual(expect.arrayContaining(citedIds(answer)));

    const [call] = model.doStreamCalls;
    const system = call?.prompt.find((message) => message.role === 'system');
    expect(system?.content).toContain('Dazu enthalten die Beschlüsse keine Aussage.');
    const user = JSON.stringify(call?.prompt.find((message) => message.role === 'user')?.content);
    expect(user).toContain('(1) [TOP 4 Ziff. 2] – TOP 4: Bundeseinheitlicher Umgang');
    expect(user).toContain('Hierzu beauftragt die IMK den AK I');
    expect(user).toContain(QUESTION.question);
    expect(call?.temperature).toBe(0);
  });

  it('answers the same through generateText when not streaming', async () => {
    const model = scriptedModel({ pieces: [`${MANDATE} [TOP 4 Ziffer 2].`] });
    const answer = await answererWith(model).answer(QUESTION);
    expect(model.doGenerateCalls).toHaveLength(1);
    expect(model.doStreamCalls).toHaveLength(0);
    expect(answer).toMatchObject({ mode: 'llm', abstained: false, answer: `${MANDATE} [TOP 4 Ziff. 2].` });
  });

  it('repairs an invented citation to the source that supports the statement and says so', async () => {
    const model = scriptedModel({ pieces: [`${MANDATE} [TOP 99 Ziff. 1].`] });
    const { events, answer } = await collect(answererWith(model).stream(QUESTION));
    expectWellFormed(events, answer);
    expect(answer.mode).toBe('llm');
    expect(answer.answer).toBe(`${MANDATE} [TOP 4 Ziff. 2].`);
    expect(answer.notice).toBe(
      'Quellenprüfung: 1 Quellenangabe korrigiert: [TOP 99 Ziff. 1] (gibt es nicht) → [TOP 4 Ziff. 2].',
    );
  });

  it('repairs a citation of the wrong paragraph, and drops a statement no source supports', async () => {
    const model = scriptedModel({
      pieces: [`${BAN} [TOP 4 Ziff. 2]. Die IMK fordert höhere Polizeigehälter [TOP 4 Ziff. 1].`],
    });
    const { events, answer } = await collect(answererWith(model).stream(QUESTION));
    expectWellFormed(events, answer);
    expect(answer.answer).toBe(`${BAN} [TOP 4 Ziff. 3].`);
    expect(citedIds(answer)).toEqual(['imk-2020-12-10/4/3']);
    expect(answer.notice).toBe(
      'Quellenprüfung: 1 Quellenangabe korrigiert: [TOP 4 Ziff. 2] (belegt die Aussage nicht) → [TOP 4 Ziff. 3]. ' +
        '1 Aussage ohne tragfähige Quelle weggelassen.',
    );
  });

  it('replaces an answer without citations by the extractive answer, with a notice', async () => {
    const model = scriptedModel({ pieces: [`${MANDATE}. ${BAN}.`] });
    const { events, answer } = await collect(answererWith(model).stream(QUESTION));
    expectWellFormed(events, answer);
    const extractive = await corpus().state.extractive.answer(QUESTION);
    expect(answer).toEqual({
      ...extractive,
      notice:
        'Keine Aussage des LLM ließ sich mit den Quellen belegen (2 Aussagen weggelassen); ' +
        'die Antwort zitiert stattdessen die Beschlüsse direkt.',
    });
  });

  it('abstains when the model abstains, with the closest items as hints', async () => {
    const request = {
      question: 'Was beschloss die IMK zur Förderung von Windkraftanlagen auf Kasernengeländen?',
    };
    const model = scriptedModel({ pieces: ['Dazu enthalten die Beschlüsse ', 'keine Aussage.'] });
    const { events, answer } = await collect(answererWith(model).stream(request));
    expectWellFormed(events, answer);
    expect(answer).toMatchObject({ abstained: true, mode: 'llm', statements: [] });
    expect(answer.answer.startsWith(ABSTAIN_DE)).toBe(true);
    const extractive = await corpus().state.extractive.answer(request);
    expect(answer.sources).toEqual(extractive.sources);
  });

  it('keeps the abstention of the model even where the extractive answerer would quote, naming those items as hints', async () => {
    const model = scriptedModel({ pieces: ['Dazu enthalten die Beschlüsse keine Aussage.'] });
    const { events, answer } = await collect(answererWith(model).stream(QUESTION));
    expectWellFormed(events, answer);
    expect(answer).toMatchObject({ abstained: true, mode: 'llm', statements: [] });
    expect(answer.answer).toContain(`${ABSTAIN_DE}\n\nAm nächsten kommen diese Beschlüsse`);
    expect(answer.answer).toContain('- TOP 4 – Bundeseinheitlicher Umgang');
    expect(answer.sources.map((source) => source.id)).toContain('imk-2020-12-10/4/2');
  });

  it('abstains in English for an English question', async () => {
    const model = scriptedModel({ pieces: ['The resolutions say nothing about this.'] });
    const answer = await answererWith(model).answer({
      question: 'What did the IMK decide about taxing cryptocurrencies?',
    });
    expect(answer).toMatchObject({ abstained: true, mode: 'llm' });
    expect(answer.answer.startsWith(ABSTAIN_EN)).toBe(true);
  });

  it('keeps an English statement with a German quote, and explains repairs in English', async () => {
    const request = {
      question: 'Who has to write the model decree on Reich flags, and when is it due?',
    };
    const model = scriptedModel({
      pieces: [
        'Working group AK I, in agreement with AK II, is to develop a model decree ("Mustererlass") by the end of March 2021 [TOP 99 Ziff. 1].',
      ],
    });
    const answer = await answererWith(model).answer(request);
    expect(answer.mode).toBe('llm');
    expect(citedIds(answer)).toEqual(['imk-2020-12-10/4/2']);
    expect(answer.notice).toBe(
      'Citation check: 1 citation corrected: [TOP 99 Ziff. 1] (does not exist) → [TOP 4 Ziff. 2].',
    );
  });

  it('streams each statement as soon as it is complete, with markers split across deltas whole', async () => {
    let controller!: ReadableStreamDefaultController<LanguageModelV3StreamPart>;
    const model = new MockLanguageModelV3({
      doStream: async () => ({
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          start(control) {
            controller = control;
          },
        }),
      }),
    });
    const send = (delta: string) => controller.enqueue({ type: 'text-delta', id: 'text', delta });
    const iterator = answererWith(model, { timeoutMs: 5_000 }).stream(QUESTION)[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ type: 'sources' });
    const next = iterator.next();
    await new Promise((resolve) => setTimeout(resolve, 20));
    controller.enqueue({ type: 'stream-start', warnings: [] });
    controller.enqueue({ type: 'text-start', id: 'text' });
    send(MANDATE.slice(0, 40));
    send(`${MANDATE.slice(40)} [TOP 4 Zi`);
    send('ff. 2]. Das BMI');
    send(' und ');
    // The model is still writing its second sentence: the first is out, verified, with its marker whole.
    expect((await next).value).toEqual({ type: 'text-delta', delta: `${MANDATE} [TOP 4 Ziff. 2].` });
    send(`${BAN.slice('Das BMI und '.length)} [`);
    send('TOP 4 Ziff. 3].');
    controller.enqueue({ type: 'text-end', id: 'text' });
    controller.enqueue({
      type: 'finish',
      finishReason: { unified: 'stop', raw: 'stop' },
      usage: {
        inputTokens: { total: 1, noCache: 1, cacheRead: undefined, cacheWrite: undefined },
        outputTokens: { total: 1, text: 1, reasoning: undefined },
      },
    });
    controller.close();
    const rest: AnswerEvent[] = [];
    for (let result = await iterator.next(); !result.done; result = await iterator.next())
      rest.push(result.value);
    expect(rest).toHaveLength(2);
    expect(rest[0]).toEqual({ type: 'text-delta', delta: ` ${BAN} [TOP 4 Ziff. 3].` });
    expect(rest[1]).toMatchObject({ type: 'done', answer: { mode: 'llm' } });
  });

  it('never splits a marker across deltas, however the model splits its text', async () => {
    const text = `${MANDATE} [TOP 4 Ziff. 2]. ${BAN} [TOP 4 Ziff. 3].`;
    for (const size of [1, 3, 7, 13]) {
      const pieces = text.match(new RegExp(`[\\s\\S]{1,${size}}`, 'g')) ?? [];
      const { events, answer } = await collect(answererWith(scriptedModel({ pieces })).stream(QUESTION));
      expectWellFormed(events, answer);
      for (const delta of deltasOf(events)) {
        expect((delta.match(/\[/g) ?? []).length).toBe((delta.match(/\]/g) ?? []).length);
        expect(parseMarkers(delta).length).toBeGreaterThan(0);
      }
      expect(answer.answer).toBe(text);
    }
  });

  it('answers extractively within the timeout when the model never answers, and aborts the call', async () => {
    const model = scriptedModel({ hang: true });
    const logger = createMemoryLogger();
    const started = Date.now();
    const { events, answer } = await collect(answererWith(model, { logger }).stream(QUESTION));
    const elapsed = Date.now() - started;
    expectWellFormed(events, answer);
    expect(elapsed).toBeGreaterThanOrEqual(TIMEOUT_MS - 20);
    expect(elapsed).toBeLessThan(TIMEOUT_MS + 1_000);
    expect(answer.mode).toBe('extractive');
    expect(answer.notice).toBe(
      `LLM-Zeitüberschreitung nach ${TIMEOUT_MS} ms; die Antwort zitiert stattdessen die Beschlüsse direkt.`,
    );
    expect(citedIds(answer)).toContain('imk-2020-12-10/4/2');
    expect(model.doStreamCalls[0]?.abortSignal?.aborted).toBe(true);
    expect(
      logger.entries.some((entry) => entry.level === 'warn' && entry.message === 'LLM answer failed'),
    ).toBe(true);
  });

  it('times out the same way when not streaming', async () => {
    const answer = await answererWith(scriptedModel({ hang: true })).answer(QUESTION);
    expect(answer.mode).toBe('extractive');
    expect(answer.notice).toContain(`LLM-Zeitüberschreitung nach ${TIMEOUT_MS} ms`);
  });

  it('answers extractively when the model fails, naming the failure', async () => {
    const error = new APICallError({
      message: 'Internal Server Error',
      url: 'http://127.0.0.1:1/v1/chat/completions',
      requestBodyValues: {},
      statusCode: 500,
      responseBody: '{"error":{"message":"model crashed"}}',
    });
    for (const answer of [
      await answererWith(scriptedModel({ error })).answer(QUESTION),
      (await collect(answererWith(scriptedModel({ error })).stream(QUESTION))).answer,
    ]) {
      expect(answer.mode).toBe('extractive');
      expect(answer.notice).toBe(
        'LLM-Fehler: HTTP 500; die Antwort zitiert stattdessen die Beschlüsse direkt.',
      );
    }
  });

  it("keeps the server's address and error body out of the notice and logs them under the request id", async () => {
    const error = new APICallError({
      message: 'Internal Server Error',
      url: 'http://10.0.0.7:8080/v1/chat/completions',
      requestBodyValues: {},
      statusCode: 502,
      responseBody: 'upstream 10.0.0.7:8080 said: secret stack',
    });
    const logger = createMemoryLogger();
    const answer = await answererWith(scriptedModel({ error }), { logger }).answer(QUESTION, {
      requestId: 'req-42',
    });
    expect(answer.notice).toBe(
      'LLM-Fehler: HTTP 502; die Antwort zitiert stattdessen die Beschlüsse direkt.',
    );
    expect(JSON.stringify(answer)).not.toMatch(/10\.0\.0\.7|secret stack/);
    expect(logger.entries).toContainEqual(
      expect.objectContaining({
        message: 'LLM answer failed',
        requestId: 'req-42',
        fault: { kind: 'http', status: 502, detail: 'upstream 10.0.0.7:8080 said: secret stack' },
      }),
    );
  });

  it('keeps what was verified when the model stalls mid-answer, and says the answer is incomplete', async () => {
    const model = new MockLanguageModelV3({
      doStream: async ({ abortSignal }) => ({
        stream: new ReadableStream<LanguageModelV3StreamPart>({
          start(controller) {
            controller.enqueue({ type: 'stream-start', warnings: [] });
            controller.enqueue({ type: 'text-start', id: 'text' });
            controller.enqueue({
              type: 'text-delta',
              id: 'text',
              delta: `${MANDATE} [TOP 4 Ziff. 2]. Das BMI und `,
            });
            abortSignal?.addEventListener('abort', () => controller.error(abortSignal.reason), {
              once: true,
            });
          },
        }),
      }),
    });
    const { events, answer } = await collect(answererWith(model).stream(QUESTION));
    expectWellFormed(events, answer);
    expect(answer).toMatchObject({ mode: 'llm', answer: `${MANDATE} [TOP 4 Ziff. 2].` });
    expect(answer.notice).toBe(
      `LLM-Zeitüberschreitung nach ${TIMEOUT_MS} ms; die Antwort ist unvollständig.`,
    );
  });

  it('ends the model call when the consumer stops reading', async () => {
    const model = scriptedModel({
      pieces: [`${MANDATE} [TOP 4 Ziff. 2]. `, `${BAN} [TOP 4 Ziff. 3].`],
      chunkDelayMs: 50,
    });
    for await (const event of answererWith(model, { timeoutMs: 5_000 }).stream(QUESTION)) {
      if (event.type === 'text-delta') break;
    }
    expect(model.doStreamCalls[0]?.abortSignal?.aborted).toBe(true);
  });

  it('stops when the caller aborts instead of answering', async () => {
    const controller = new AbortController();
    const iterator = answererWith(scriptedModel({ hang: true }), { timeoutMs: 5_000 })
      .stream(QUESTION, { abortSignal: controller.signal })
      [Symbol.asyncIterator]();
    expect((await iterator.next()).value).toMatchObject({ type: 'sources' });
    const next = iterator.next();
    controller.abort(new Error('client gone'));
    await expect(next).rejects.toThrow('client gone');
  });

  it('gives a follow-up the units the previous answer cited and the short history', async () => {
    const model = scriptedModel({ pieces: [`Bis spätestens Ende März 2021 [TOP 4 Ziff. 2].`] });
    const request: AskRequest = {
      question: 'Und mit welcher Frist?',
      history: [
        { role: 'user', content: 'Wer erarbeitet den Mustererlass zu Reichsflaggen?' },
        { role: 'assistant', content: `${MANDATE} [TOP 4 Ziff. 2].` },
      ],
    };
    const answer = await answererWith(model, { k: 2 }).answer(request);
    expect(answer.sources.map((source) => source.id)).toContain('imk-2020-12-10/4/2');
    const user = JSON.stringify(model.doGenerateCalls[0]?.prompt.find((message) => message.role === 'user'));
    expect(user).toContain('Nutzer: Wer erarbeitet den Mustererlass zu Reichsflaggen?');
    expect(user).toContain('Frage: Und mit welcher Frist?');
  });
});

describe('LLM answerer with several meetings loaded', () => {
  const twoMeetings = useRealCorpus(buildTwoMeetingCorpus);

  it('names the meeting in every marker, also where the model left it out', async () => {
    const model = scriptedModel({ pieces: [`${MANDATE} [TOP 4 Ziff. 2].`] });
    const answer = await llmAnswererOver(twoMeetings(), prompts, model).answer(QUESTION);
    expect(answer.answer).toBe(`${MANDATE} [IMK 10.12.2020, TOP 4 Ziff. 2].`);
    expect(citedIds(answer)).toEqual(['imk-2020-12-10/4/2']);
    const user = JSON.stringify(model.doGenerateCalls[0]?.prompt.find((message) => message.role === 'user'));
    expect(user).toContain('[IMK 10.12.2020, TOP 4 Ziff. 2]');
  });
});
