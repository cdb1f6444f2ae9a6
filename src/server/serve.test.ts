import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { connect } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Answer } from '../answer/types.ts';
import { conversationIdOf, createFileConversationStore } from '../conversation/index.ts';
import { sampleTurn } from '../conversation/testing/store-contract.ts';
import { createMemoryLogger } from '../logger.ts';
import { useTemporaryDirectory } from '../testing/temporary-directory.ts';
import { isLoopbackHost } from './open-access.ts';
import { startServer } from './serve.ts';
import { createGate, createRecordingAssistant } from './testing/fakes.ts';
import { fixtureCatalog } from './testing/fixture-meeting.ts';
import { OPEN_CONFIG } from './testing/test-app.ts';

const CONFIG = { ...OPEN_CONFIG, PORT: 0, HOST: '127.0.0.1' };

function refusesConnections(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
  });
}

/** Waits across event-loop turns (not a clock) until the condition holds. */
async function until(condition: () => boolean, turns = 5000): Promise<void> {
  for (let turn = 0; turn < turns; turn += 1) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error('condition not reached');
}

describe('startServer', () => {
  const temporary = useTemporaryDirectory('beschluss-serve-conversations-');

  it('keeps conversations in their folder and deletes those past the retention period at start', async () => {
    const directory = temporary('conversations');
    const before = createFileConversationStore({ directory });
    const oldId = conversationIdOf('old-'.repeat(10));
    await before.append(oldId, sampleTurn('Alt?', '2020-01-01T00:00:00.000Z'), { maxTurns: 10 });
    const logger = createMemoryLogger();
    const server = await startServer({
      assistant: createRecordingAssistant(fixtureCatalog()),
      config: CONFIG,
      logger,
      conversationsDirectory: directory,
      conversationRetentionDays: 30,
    });
    try {
      const key = 'k'.repeat(40);
      const response = await fetch(`${server.url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'Sirenen', conversationKey: key }),
      });
      expect(((await response.json()) as { conversation?: unknown }).conversation).toEqual({
        id: conversationIdOf(key),
        turn: 0,
      });
      expect((await before.get(conversationIdOf(key)))?.turns[0]?.question).toBe('Sirenen');
      await until(() => logger.entries.some((entry) => entry.message.startsWith('conversations past')));
      expect(await before.get(oldId)).toBeUndefined();
    } finally {
      await server.close();
    }
  });

  it('serves the app built from an assistant at the URL it reports, and closes the assistant on close()', async () => {
    const assistant = createRecordingAssistant(fixtureCatalog());
    const logger = createMemoryLogger();
    const server = await startServer({ assistant, config: CONFIG, logger });
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const health = await fetch(`${server.url}/api/health`);
    expect(await health.json()).toMatchObject({ status: 'ok', units: fixtureCatalog().size });
    expect(logger.entries.find((entry) => entry.message === 'listening')).toMatchObject({ url: server.url });
    await Promise.all([server.close(), server.close()]);
    await server.closed;
    expect(assistant.closeCalls).toBe(1);
    expect(await refusesConnections(server.port)).toBe(true);
  });

  it('lets a request in flight finish after close() started, while refusing new connections', async () => {
    const gate = createGate();
    const assistant = createRecordingAssistant(fixtureCatalog(), { answerer: { pace: () => gate.promise } });
    const server = await startServer({ assistant, config: CONFIG, logger: createMemoryLogger() });
    const inFlight = fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'Sirenen' }),
    });
    await until(() => assistant.answerer.calls.length === 1);
    let closed = false;
    const closing = server.close().then(() => {
      closed = true;
    });
    expect(await refusesConnections(server.port)).toBe(true);
    expect(closed).toBe(false);
    expect(assistant.closeCalls).toBe(0);
    gate.open();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as Answer).sources[0]?.id).toBe('imk-2020-12-10/29.2/1');
    await closing;
    expect(assistant.closeCalls).toBe(1);
  });

  it('does not wait for connections that serve no request (spare sockets, keep-alive between requests)', async () => {
    const assistant = createRecordingAssistant(fixtureCatalog());
    const server = await startServer({
      assistant,
      config: CONFIG,
      logger: createMemoryLogger(),
      shutdownTimeoutMs: 600_000,
    });
    const spare = connect(server.port, '127.0.0.1');
    await new Promise((resolve) => spare.once('connect', resolve));
    const spareClosed = new Promise((resolve) => spare.once('close', resolve));
    const used = await fetch(`${server.url}/api/health`, { keepalive: true });
    expect(used.status).toBe(200);
    await used.text();
    // With a ten-minute shutdown timeout, this only settles if both idle connections are closed by the server.
    await server.close();
    await spareClosed;
    expect(assistant.closeCalls).toBe(1);
  });

  it('cuts requests still running at the shutdown timeout, then closes the assistant', async () => {
    const never = createGate();
    const assistant = createRecordingAssistant(fixtureCatalog(), { answerer: { pace: () => never.promise } });
    const logger = createMemoryLogger();
    const server = await startServer({ assistant, config: CONFIG, logger, shutdownTimeoutMs: 50 });
    const stuck = fetch(`${server.url}/api/ask`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ question: 'Sirenen' }),
    }).then(
      () => 'answered',
      () => 'cut',
    );
    await until(() => assistant.answerer.calls.length === 1);
    await server.close();
    expect(await stuck).toBe('cut');
    expect(assistant.closeCalls).toBe(1);
    expect(
      logger.entries.some(
        (entry) => entry.level === 'warn' && String(entry.message).includes('shutdown timeout'),
      ),
    ).toBe(true);
  });

  it('tells the answerer when a streaming client disconnects', async () => {
    const gate = createGate();
    const assistant = createRecordingAssistant(fixtureCatalog(), { answerer: { pace: () => gate.promise } });
    const server = await startServer({ assistant, config: CONFIG, logger: createMemoryLogger() });
    try {
      const controller = new AbortController();
      const response = await fetch(`${server.url}/api/chat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          messages: [{ id: 'u', role: 'user', parts: [{ type: 'text', text: 'Sirenen' }] }],
        }),
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      await reader.read();
      controller.abort();
      const call = assistant.answerer.calls[0];
      await until(() => call?.abortSignal?.aborted === true);
      gate.open();
      await until(() => call?.ended === 'aborted');
      expect(call?.ended).toBe('aborted');
    } finally {
      gate.open();
      await server.close();
    }
  });

  it('reports a port in use as a clear error', async () => {
    const first = await startServer({
      assistant: createRecordingAssistant(fixtureCatalog()),
      config: CONFIG,
      logger: createMemoryLogger(),
    });
    try {
      await expect(
        startServer({
          assistant: createRecordingAssistant(fixtureCatalog()),
          config: { ...CONFIG, PORT: first.port },
          logger: createMemoryLogger(),
        }),
      ).rejects.toThrow(new RegExp(`Cannot listen on 127\\.0\\.0\\.1:${first.port}: EADDRINUSE`));
    } finally {
      await first.close();
    }
  });
});

describe('shutdown on SIGTERM (a real server process)', () => {
  it('finishes the request in flight, refuses new connections meanwhile, closes the assistant and exits 0', async () => {
    const fixture = fileURLToPath(new URL('./testing/serve-fixture.ts', import.meta.url));
    const child: ChildProcessWithoutNullStreams = spawn(process.execPath, ['--import', 'tsx', fixture], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const messages: Array<Record<string, unknown>> = [];
    const waiters: Array<{ message: string; resolve: (entry: Record<string, unknown>) => void }> = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      const entry = JSON.parse(line) as Record<string, unknown>;
      messages.push(entry);
      for (const waiter of waiters.filter((each) => each.message === entry.message)) waiter.resolve(entry);
    });
    let stderr = '';
    child.stderr.on('data', (data) => {
      stderr += String(data);
    });
    const next = (message: string) =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const seen = messages.find((entry) => entry.message === message);
        if (seen) resolve(seen);
        else waiters.push({ message, resolve });
        exited.then((code) => reject(new Error(`server exited (${code}) before "${message}": ${stderr}`)));
      });
    try {
      const { url } = (await next('listening')) as { url: string };
      const port = Number(new URL(url).port);
      const inFlight = fetch(`${url}/api/ask`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ question: 'Videoüberwachung auf Bahnhöfen' }),
      });
      await next('answering');
      child.kill('SIGTERM');
      await next('shutting down');
      expect(await refusesConnections(port)).toBe(true);
      child.stdin.write('release\n');
      const response = await inFlight;
      expect(response.status).toBe(200);
      expect(((await response.json()) as Answer).answer).toContain('[TOP 46 Ziff. 8]');
      expect(await exited).toBe(0);
      const order = messages.map((entry) => entry.message);
      expect(order.indexOf('assistant closed')).toBeGreaterThan(order.indexOf('shutting down'));
      expect(order).toContain('stopped');
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
    }
  });

  it.each([
    ['0.0.0.0', {}, 'refused'],
    ['::', {}, 'refused'],
    ['0.0.0.0', { ALLOW_OPEN_ACCESS: true }, 'warned'],
    ['0.0.0.0', { BESCHLUSS_API_KEY: 'k' }, 'quiet'],
    ['127.0.0.1', {}, 'quiet'],
  ] as const)('listening on %s with %j is %s', async (host, extra, outcome) => {
    const assistant = createRecordingAssistant(fixtureCatalog());
    const logger = createMemoryLogger();
    const started = startServer({ assistant, config: { ...CONFIG, HOST: host, ...extra }, logger });
    if (outcome === 'refused') {
      await expect(started).rejects.toMatchObject({
        code: 'INVALID_CONFIGURATION',
        message: expect.stringMatching(
          /^Refusing to listen on .+ without BESCHLUSS_API_KEY.+ALLOW_OPEN_ACCESS=1/,
        ),
      });
      return;
    }
    const server = await started;
    const warnings = logger.entries.filter((entry) => entry.level === 'warn');
    expect(warnings.map((entry) => entry.message)).toEqual(
      outcome === 'warned' ? ['serving without an API key beyond this machine (ALLOW_OPEN_ACCESS=1)'] : [],
    );
    await server.close();
  });

  it.each([
    ['localhost', true],
    ['127.0.0.1', true],
    ['127.1.2.3', true],
    ['::1', true],
    ['[::1]', true],
    ['0.0.0.0', false],
    ['::', false],
    ['192.168.1.20', false],
    ['beschluss.intranet', false],
  ])('takes %s for loopback: %s', (host, loopback) => {
    expect(isLoopbackHost(host)).toBe(loopback);
  });

  it.each([
    [
      'a 60 KB header',
      `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(60_000)}\r\n\r\n`,
      431,
      'HEADERS_TOO_LARGE',
    ],
    [
      'a 100,000-character query string',
      `GET /api/search?q=${'a'.repeat(100_000)} HTTP/1.1\r\nHost: x\r\n\r\n`,
      414,
      'URI_TOO_LONG',
    ],
    ['a malformed request line', 'GARBAGE\r\n\r\n', 400, 'INVALID_REQUEST'],
    ['a malformed header', 'GET /api/health HTTP/1.1\r\nHost x\r\n\r\n', 400, 'INVALID_REQUEST'],
  ])('answers %s, refused before the app, with the JSON error', async (_name, raw, status, code) => {
    const assistant = createRecordingAssistant(fixtureCatalog());
    const server = await startServer({ assistant, config: CONFIG, logger: createMemoryLogger() });
    try {
      const response = await new Promise<string>((resolve, reject) => {
        const socket = connect(server.port, '127.0.0.1');
        let received = '';
        socket.on('data', (data) => {
          received += data.toString('utf8');
        });
        socket.on('end', () => resolve(received));
        socket.on('error', reject);
        socket.write(raw);
      });
      const [head = '', body = ''] = response.split('\r\n\r\n');
      expect(head).toMatch(new RegExp(`^HTTP/1\\.1 ${status} `));
      expect(head).toMatch(/content-type: application\/json/i);
      const { error } = JSON.parse(body) as { error: { code: string; message: string } };
      expect(error.code).toBe(code);
      expect(error.message.length).toBeGreaterThan(10);
    } finally {
      await server.close();
    }
  });
});
