// The HTTP target against the real app over the real pipeline (app.request, no socket), compared with in process.
import { describe, expect, it } from 'vitest';
import { BeschlussError } from '../errors.ts';
import { connectHttpTarget, type FetchFunction } from './http-target.ts';
import { createInProcessTarget } from './in-process-target.ts';
import { runEvaluation } from './run-eval.ts';
import { MADE_UP_SET } from './testing/made-up-set.ts';
import { useOfflinePipeline } from './testing/offline-pipeline.ts';
import { stateApp } from './testing/state-app.ts';

const offline = useOfflinePipeline();

const withoutLatency = (run: Awaited<ReturnType<typeof runEvaluation>>) =>
  run.records.map((record) => ({ ...record, latencyMs: 0, result: { ...record.result, latencyMs: 0 } }));

/** The HTTP target at `baseUrl` with the offline pipeline's analyzer; by default over the app of its state. */
const connect = (baseUrl: string, options: { fetch?: FetchFunction; apiKey?: string } = {}) =>
  connectHttpTarget({
    baseUrl,
    analyzer: offline().analyzer,
    fetch: options.fetch ?? stateApp(offline().pipeline.state).fetch,
    ...(options.apiKey ? { apiKey: options.apiKey } : {}),
  });

describe('connectHttpTarget', () => {
  it('knows every unit of the server, combined TOPs and Protokollnotizen included, and its embedder', async () => {
    const { pipeline } = offline();
    const target = await connect('http://eval.test');
    expect(target.knownUnitIds).toEqual(new Set(pipeline.state.catalog.units.map((unit) => unit.id)));
    expect([...target.knownUnitIds].some((id) => id.includes('/6/7/'))).toBe(true);
    expect([...target.knownUnitIds].some((id) => id.includes('Protokollnotiz'))).toBe(true);
    expect(target.embedder).toBe(pipeline.embedder);
    expect(target.meetings).toEqual(['imk-2020-12-10']);
  });

  it('scores every question over HTTP exactly as in process', async () => {
    const { pipeline } = offline();
    const http = await connect('http://eval.test/');
    const local = createInProcessTarget({ state: pipeline.state });
    const overHttp = await runEvaluation({ entries: MADE_UP_SET, target: http, file: 'set.jsonl' });
    const inProcess = await runEvaluation({ entries: MADE_UP_SET, target: local, file: 'set.jsonl' });
    expect(withoutLatency(overHttp)).toEqual(withoutLatency(inProcess));
    expect(overHttp.records.find((record) => record.entry.id === 'q902')?.result.scores.hitAt1).toBe(1);
  });

  it('keeps a path prefix of the base URL', async () => {
    const { pipeline } = offline();
    const seen: string[] = [];
    const { fetch } = stateApp(pipeline.state);
    const prefixed: FetchFunction = (input, init) => {
      seen.push(input);
      return fetch(input.replace('/beschluss/', '/'), init);
    };
    const target = await connect('http://eval.test/beschluss', { fetch: prefixed });
    await target.search('Deiche', 5);
    expect(seen.every((url) => url.startsWith('http://eval.test/beschluss/api/'))).toBe(true);
  });

  it('sends the API key as a bearer token, and names the status when the server refuses', async () => {
    const { fetch } = stateApp(offline().pipeline.state, { BESCHLUSS_API_KEY: 'geheim' });
    await expect(connect('http://eval.test', { fetch })).rejects.toThrow(
      /GET http:\/\/eval\.test\/api\/items answered 401: Expected an "Authorization: Bearer <key>" header/,
    );
    const target = await connect('http://eval.test', { fetch, apiKey: 'geheim' });
    expect(await target.search('TOP 43', 5)).toContain('imk-2020-12-10/43/1');
  });

  it('reports a server that cannot be reached and an answer outside the API contract', async () => {
    const unreachable: FetchFunction = () => Promise.reject(new TypeError('fetch failed'));
    await expect(connect('http://eval.test', { fetch: unreachable })).rejects.toSatisfy(
      (error) =>
        BeschlussError.is(error, 'EVAL_TARGET_FAILED') &&
        /GET http:\/\/eval\.test\/api\/health failed \(fetch failed\); expected a running server/.test(
          (error as Error).message,
        ),
    );
    const foreign: FetchFunction = async () => Response.json({ status: 'fine' });
    await expect(connect('http://eval.test', { fetch: foreign })).rejects.toThrow(
      /api\/health answered 200 with JSON that does not match the API contract \(status: /,
    );
  });
});
