// Builds the app over the fixture catalog and recording fakes, with helpers to send JSON and to pose as a client address.
import type { HttpBindings } from '@hono/node-server';
import type { UnitCatalog } from '../../citation/index.ts';
import { createMemoryLogger } from '../../logger.ts';
import { type CreateAppOptions, createApp, type ServerConfig } from '../app.ts';
import type { App } from '../env.ts';
import { type RunningServer, startServer } from '../serve.ts';
import { createRecordingAssistant, type RecordingAnswererOptions, type RecordingAssistant } from './fakes.ts';
import { fixtureCatalog } from './fixture-meeting.ts';

export const OPEN_CONFIG: ServerConfig = {
  BESCHLUSS_API_KEY: undefined,
  CORS_ORIGINS: [],
  RATE_LIMIT_PER_MINUTE: 0,
};

/** OPEN_CONFIG on a free port of 127.0.0.1, for a test's real server. */
export const LOOPBACK_CONFIG = { PORT: 0, HOST: '127.0.0.1', ...OPEN_CONFIG };

export interface TestAppOptions extends Partial<Omit<CreateAppOptions, 'assistant' | 'logger' | 'config'>> {
  catalog?: UnitCatalog;
  config?: Partial<ServerConfig>;
  answerer?: RecordingAnswererOptions;
}

export interface TestApp {
  app: App;
  assistant: RecordingAssistant;
  logger: ReturnType<typeof createMemoryLogger>;
}

export function testApp(options: TestAppOptions = {}): TestApp {
  const { catalog = fixtureCatalog(), config, answerer, ...rest } = options;
  const assistant = createRecordingAssistant(catalog, answerer ? { answerer } : {});
  const logger = createMemoryLogger();
  const app = createApp({
    webDirectory: '/nonexistent-web-folder',
    ...rest,
    assistant,
    logger,
    config: { ...OPEN_CONFIG, ...config },
  });
  return { app, assistant, logger };
}

/** The test app behind a real server on a free loopback port; the caller closes `server`. */
export async function serveTestApp(
  options: TestAppOptions = {},
): Promise<TestApp & { server: RunningServer }> {
  const test = testApp(options);
  const server = await startServer({ app: test.app, logger: test.logger, config: LOOPBACK_CONFIG });
  return { ...test, server };
}

/** GET `path` from a test app (built with `options`): the status and the JSON body. */
export async function getJson(path: string, options: TestAppOptions = {}) {
  const response = await testApp(options).app.request(path);
  return { status: response.status, body: await response.json() };
}

/** Node bindings as @hono/node-server passes them, with only the peer address set. */
export function fromAddress(remoteAddress: string): HttpBindings {
  return { incoming: { socket: { remoteAddress } } } as unknown as HttpBindings;
}

export function postJson(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  };
}

export interface ErrorJson {
  error: { code: string; message: string; requestId?: string; details?: Record<string, unknown> };
}
