import { describe, expect, it } from 'vitest';
import type { Config } from '../../config.ts';
import { createMemoryLogger } from '../../logger.ts';
import type { RunningServer } from '../../server/index.ts';
import { createRecordingAssistant, type RecordingAssistant } from '../../server/testing/fakes.ts';
import { fixtureCatalog } from '../../server/testing/fixture-meeting.ts';
import { runCli } from '../testing/run-cli.ts';
import { createServeCommand, type ServeCommandOptions } from './serve.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  configs: Config[];
  assistants: RecordingAssistant[];
  health: unknown;
}

async function run(argv: string[], options: Partial<ServeCommandOptions> = {}): Promise<Run> {
  const result: Run = { code: -1, stdout: '', stderr: '', configs: [], assistants: [], health: undefined };
  const command = createServeCommand({
    environment: { HOST: '127.0.0.1', PORT: '0' },
    logger: createMemoryLogger(),
    signals: [],
    createAssistant: async ({ config }) => {
      result.configs.push(config);
      const assistant = createRecordingAssistant(fixtureCatalog());
      result.assistants.push(assistant);
      return assistant;
    },
    onListening: (server: RunningServer) => {
      void fetch(`${server.url}/api/health`)
        .then((response) => response.json())
        .then((health) => {
          result.health = health;
        })
        .finally(() => server.close());
    },
    ...options,
  });
  return Object.assign(result, await runCli(argv, [command]));
}

describe('beschluss serve', () => {
  it('builds the assistant, serves it, prints the URL, and returns 0 once the server has shut down', async () => {
    const result = await run(['serve', '--port', '0', '--host', '127.0.0.1']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Beschluss-Assistent läuft: http:\/\/127\.0\.0\.1:\d+\n$/);
    expect(result.health).toMatchObject({ status: 'ok', units: fixtureCatalog().size });
    expect(result.configs[0]).toMatchObject({ PORT: 0, HOST: '127.0.0.1' });
    expect(result.assistants[0]?.closeCalls).toBe(1);
  });

  it('lets the flags win over PORT and HOST from the environment', async () => {
    const result = await run(['serve', '--port', '0'], { environment: { PORT: '1', HOST: '127.0.0.1' } });
    expect(result.code).toBe(0);
    expect(result.configs[0]?.PORT).toBe(0);
  });

  it.each([
    [['serve', '--port', 'abc'], 'port'],
    [['serve', '--port', '70000'], '65535'],
    [['serve', '--host', ' '], 'host'],
  ])('refuses %j as a usage error naming %s', async (argv, word) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(word);
    expect(result.assistants).toHaveLength(0);
  });

  it('refuses to serve beyond loopback without an API key before building the assistant, in one line', async () => {
    const result = await run(['serve', '--host', '0.0.0.0']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^beschluss: Refusing to listen on 0\.0\.0\.0:0 without BESCHLUSS_API_KEY[^\n]*\n$/,
    );
    expect(result.assistants).toHaveLength(0);
    const open = await run(['serve', '--host', '0.0.0.0'], {
      environment: { HOST: '127.0.0.1', PORT: '0', ALLOW_OPEN_ACCESS: '1' },
    });
    expect(open.code).toBe(0);
  });

  it('fails with a clear message, and closes the assistant, when the port is taken', async () => {
    let taken: RunningServer | undefined;
    const first = run(['serve'], {
      onListening: (server) => {
        taken = server;
      },
    });
    while (!taken) await new Promise((resolve) => setImmediate(resolve));
    const second = await run(['serve', '--port', String(taken.port)]);
    await taken.close();
    await first;
    expect(second.code).toBe(1);
    expect(second.stderr).toContain(`Cannot listen on 127.0.0.1:${taken.port}`);
    expect(second.assistants[0]?.closeCalls).toBe(1);
  });
});
