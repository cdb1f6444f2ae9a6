import OpenAI from 'openai';
import { afterEach, describe, expect, it } from 'vitest';
import type { Answer } from '../../answer/types.ts';
import { BeschlussError } from '../../errors.ts';
import type { RunningServer } from '../serve.ts';
import { createGate } from '../testing/fakes.ts';
import { type ErrorJson, postJson, serveTestApp, type TestAppOptions, testApp } from '../testing/test-app.ts';

const running: RunningServer[] = [];

afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

async function serve(options: TestAppOptions = {}) {
  const test = await serveTestApp(options);
  const { server } = test;
  running.push(server);
  const client = (apiKey = 'not-needed') =>
    new OpenAI({ baseURL: `${server.url}/v1`, apiKey, maxRetries: 0 });
  return { ...test, client };
}

async function expectedAnswer(options: TestAppOptions, question: string): Promise<Answer> {
  const { app } = testApp(options);
  return (await (await app.request('/api/ask', postJson({ question }))).json()) as Answer;
}

type Extended = {
  sources?: Array<{ id: string }>;
  beschluss?: { abstained: boolean; statements: unknown[] };
};

describe('OpenAI-compatible /v1 with the official openai client', () => {
  it('lists and retrieves the one model, and reports another model as not found', async () => {
    const { client } = await serve();
    const models = await client().models.list();
    expect(models.data.map((model) => model.id)).toEqual(['beschluss-assistent']);
    expect(models.data[0]?.created).toBe(Date.parse('2024-01-02T03:04:05.000Z') / 1000);
    expect((await client().models.retrieve('beschluss-assistent')).id).toBe('beschluss-assistent');
    await expect(client().models.retrieve('gpt-4o')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('answers a non-streaming completion with the answer text (markers kept) and the sources as an extension', async () => {
    const { client, assistant } = await serve();
    const expected = await expectedAnswer({}, 'Wie steht die IMK zur Videoüberwachung auf Bahnhöfen?');
    const completion = await client().chat.completions.create({
      model: 'beschluss-assistent',
      messages: [
        { role: 'system', content: 'Du bist ein hilfreicher Assistent.' },
        { role: 'user', content: 'Wie steht die IMK zur Videoüberwachung auf Bahnhöfen?' },
      ],
    });
    expect(completion.object).toBe('chat.completion');
    expect(completion.model).toBe('beschluss-assistent');
    expect(completion.choices[0]?.message.content).toBe(expected.answer);
    expect(completion.choices[0]?.message.content).toContain('[TOP 46 Ziff. 8]');
    expect(completion.choices[0]?.finish_reason).toBe('stop');
    const extended = completion as unknown as Extended;
    expect(extended.sources?.map((source) => source.id)).toEqual(expected.sources.map((source) => source.id));
    expect(extended.beschluss).toMatchObject({ abstained: false, statements: expected.statements });
    expect(assistant.answerer.calls[0]?.request).toEqual({
      question: 'Wie steht die IMK zur Videoüberwachung auf Bahnhöfen?',
    });
  });

  it('streams chunks whose deltas join to the answer, with sources first and the statements last', async () => {
    const { client } = await serve();
    const expected = await expectedAnswer({}, 'Cell Broadcast Sirenen');
    const stream = await client().chat.completions.create({
      model: 'beschluss-assistent',
      stream: true,
      messages: [
        { role: 'user', content: 'Was gilt für Sirenen?' },
        { role: 'assistant', content: 'Die IMK begrüßt das Förderprogramm. [TOP 29.2 Ziff. 1]' },
        {
          role: 'user',
          content: [
            { type: 'text', text: 'Cell Broadcast ' },
            { type: 'text', text: 'Sirenen' },
          ],
        },
      ],
    });
    const chunks = [];
    for await (const chunk of stream) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.choices[0]?.delta.content ?? '').join('')).toBe(expected.answer);
    expect(chunks[0]?.choices[0]?.delta.role).toBe('assistant');
    expect((chunks[0] as unknown as Extended).sources?.map((source) => source.id)).toEqual(
      expected.sources.map((source) => source.id),
    );
    const last = chunks.at(-1);
    expect(last?.choices[0]?.finish_reason).toBe('stop');
    expect((last as unknown as Extended).beschluss?.statements).toEqual(expected.statements);
    expect(new Set(chunks.map((chunk) => chunk.id)).size).toBe(1);
  });

  it('passes earlier turns as history to the answerer', async () => {
    const { client, assistant } = await serve();
    await client().chat.completions.create({
      model: 'beschluss-assistent',
      messages: [
        { role: 'user', content: 'Was gilt für Sirenen?' },
        { role: 'assistant', content: 'Förderprogramm [TOP 29.2 Ziff. 1]' },
        { role: 'user', content: 'Und mit welcher Frist?' },
      ],
    });
    expect(assistant.answerer.calls[0]?.request).toEqual({
      question: 'Und mit welcher Frist?',
      history: [
        { role: 'user', content: 'Was gilt für Sirenen?' },
        { role: 'assistant', content: 'Förderprogramm [TOP 29.2 Ziff. 1]' },
      ],
    });
  });

  it('rejects an unknown model with a 404 the client reports, naming the model offered', async () => {
    const { client } = await serve();
    const request = client().chat.completions.create({
      model: 'gpt-4o',
      messages: [{ role: 'user', content: 'Hallo' }],
    });
    await expect(request).rejects.toBeInstanceOf(OpenAI.NotFoundError);
    await expect(request).rejects.toThrow(/beschluss-assistent/);
  });

  it('raises a failure in the middle of a stream as an APIError in the client', async () => {
    const { client } = await serve({
      answerer: { failAfterSources: new BeschlussError('LLM_FAILED', 'The LLM answered 500.') },
    });
    const stream = await client().chat.completions.create({
      model: 'beschluss-assistent',
      stream: true,
      messages: [{ role: 'user', content: 'Sirenen' }],
    });
    const consume = async () => {
      for await (const _chunk of stream) {
        // reading until the error chunk
      }
    };
    await expect(consume()).rejects.toThrow(/The LLM answered 500/);
  });

  it('needs the API key when the server has one', async () => {
    const { client } = await serve({ config: { BESCHLUSS_API_KEY: 'geheim' } });
    await expect(client('falsch').models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
    expect((await client('geheim').models.list()).data).toHaveLength(1);
  });
});

/** A streamed completion request of one user question. */
const streamedQuestion = (question: string) =>
  postJson({ model: 'beschluss-assistent', stream: true, messages: [{ role: 'user', content: question }] });

describe('POST /v1/chat/completions wire format', () => {
  it('sends Server-Sent Events "data: {…}" ending in "data: [DONE]"', async () => {
    const { app } = testApp();
    const response = await app.request('/v1/chat/completions', streamedQuestion('Reichskriegsflaggen'));
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    const blocks = (await response.text()).split('\n\n').filter(Boolean);
    expect(blocks.every((block) => block.startsWith('data: '))).toBe(true);
    expect(blocks.at(-1)).toBe('data: [DONE]');
    const first = JSON.parse(blocks[0]!.slice(6));
    expect(first).toMatchObject({
      object: 'chat.completion.chunk',
      choices: [{ index: 0, delta: { role: 'assistant' } }],
    });
  });

  it('closes the answer stream when the client stops reading', async () => {
    const gate = createGate();
    const { app, assistant } = testApp({ answerer: { pace: () => gate.promise } });
    const response = await app.request('/v1/chat/completions', streamedQuestion('Sirenen'));
    const reader = response.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('"sources"');
    await reader.cancel();
    gate.open();
    const call = assistant.answerer.calls[0];
    for (let turn = 0; turn < 1000 && call?.ended === undefined; turn += 1) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(call?.ended).toBe('returned');
  });

  it.each([
    [{ messages: [{ role: 'user', content: 'x' }] }, 'INVALID_REQUEST'],
    [{ model: 'beschluss-assistent', messages: [] }, 'INVALID_REQUEST'],
    [{ model: 'beschluss-assistent', messages: [{ role: 'assistant', content: 'x' }] }, 'INVALID_REQUEST'],
    [
      { model: 'beschluss-assistent', messages: [{ role: 'user', content: 'x'.repeat(2001) }] },
      'QUESTION_TOO_LONG',
    ],
    [
      { model: 'beschluss-assistent', stream: 'yes', messages: [{ role: 'user', content: 'x' }] },
      'INVALID_REQUEST',
    ],
  ])('refuses %j with 400 %s', async (body, code) => {
    const { app } = testApp();
    const response = await app.request('/v1/chat/completions', postJson(body));
    expect(response.status).toBe(400);
    expect(((await response.json()) as ErrorJson).error.code).toBe(code);
  });
});
