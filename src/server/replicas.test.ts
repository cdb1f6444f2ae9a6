// Two servers on one PostgreSQL, as a house runs them behind a load balancer: real `beschluss serve` processes sharing
// DATABASE_URL and a corpus folder. Under queries from 20 clients one server reindexes: no request fails, no answer
// cites a unit that does not exist, and the other server serves the new version within 5 s without a restart. A
// build killed with SIGKILL halfway leaves the old version serving, and its rows are gone after the next start.
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from '../paths.ts';
import { describePostgres, useTestDatabase } from '../testing/postgres.ts';

const CLI = path.join(PROJECT_ROOT, 'bin', 'beschluss.js');
const SPRING = path.join(PROJECT_ROOT, 'src', 'corpus', 'fixtures', 'imk-2021-06-18.txt');
const QUESTIONS = [
  'Wer soll über das Waffenregister berichten?',
  'Sirenen Förderprogramm',
  'Was beschloss die Konferenz zum Warntag?',
  'TOP 46 Ziffer 2',
  'Abschiebungshaft Kapazitäten',
];

interface Server {
  url: string;
  process: ChildProcess;
}

describePostgres('two servers on one PostgreSQL', () => {
  const database = useTestDatabase();
  let corpusDir: string;
  let environment: NodeJS.ProcessEnv;
  const servers: Server[] = [];

  beforeAll(async () => {
    corpusDir = await mkdtemp(path.join(os.tmpdir(), 'beschluss-replicas-'));
    await copyFile(
      path.join(DEFAULT_CORPUS_DIR, 'imk-2020-12-10.txt'),
      path.join(corpusDir, 'imk-2020-12-10.txt'),
    );
    environment = {
      ...process.env,
      DATABASE_URL: database().url,
      CORPUS_DIR: corpusDir,
      INDEX_DIR: path.join(corpusDir, 'unused-index'),
      EMBEDDER: 'offline',
      INDEX_POLL_MS: '1000',
      LOG_LEVEL: 'warn',
    };
    // The first server builds the index; the second finds it and loads it.
    servers.push(await startServer(environment));
    servers.push(await startServer(environment));
  }, 120_000);

  afterAll(async () => {
    for (const server of servers) server.process.kill('SIGTERM');
    await Promise.all(servers.map((server) => exited(server.process)));
    await rm(corpusDir, { recursive: true, force: true });
  });

  it('keeps answering under load while one reindexes, and the other switches within 5 s', async () => {
    const [first, second] = servers as [Server, Server];
    const before = await health(second);
    expect((await health(first)).indexVersion).toBe(before.indexVersion);

    const stop = { now: false };
    const load = runClients(20, servers, stop);
    await copyFile(SPRING, path.join(corpusDir, 'imk-2021-06-18.txt'));
    // Without BESCHLUSS_API_KEY the admin route takes only a same-origin JSON request from this machine (issue 21).
    const reindex = await fetch(`${first.url}/api/admin/reindex`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(reindex.status).toBe(200);
    const switchedAt = performance.now();
    const after = await health(first);
    expect(after.indexVersion).not.toBe(before.indexVersion);
    expect(after.meetings).toBe(2);
    let seen = await health(second);
    while (seen.indexVersion !== after.indexVersion && performance.now() - switchedAt < 5000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      seen = await health(second);
    }
    const switchSeconds = (performance.now() - switchedAt) / 1000;
    expect(
      seen.indexVersion,
      `the other server still serves ${seen.indexVersion} after ${switchSeconds} s`,
    ).toBe(after.indexVersion);
    expect(seen.meetings).toBe(2);
    // Some more load on the new version, then the verdict on every request.
    await new Promise((resolve) => setTimeout(resolve, 500));
    stop.now = true;
    const results = await load;
    expect(results.requests).toBeGreaterThan(100);
    expect(results.failures).toEqual([]);
    const known = await unitIdsOfVersions(database().url);
    const unknown = [...results.cited].filter((id) => !known.has(id));
    expect(unknown).toEqual([]);
    expect(results.cited.size).toBeGreaterThan(0);
  }, 120_000);

  it('keeps serving the old version when a build is killed halfway, and the next start removes its rows', async () => {
    const active = (await health(servers[0] as Server)).indexVersion;
    await rm(path.join(corpusDir, 'imk-2021-06-18.txt'));
    const builder = spawn(process.execPath, [CLI, 'index'], { env: environment, stdio: 'ignore' });
    const client = new pg.Client({ connectionString: database().url });
    await client.connect();
    try {
      let building: string | undefined;
      while (building === undefined && builder.exitCode === null) {
        const { rows } = await client.query<{ id: string }>(
          "SELECT id FROM index_versions WHERE state = 'building'",
        );
        building = rows[0]?.id;
      }
      expect(building).toBeDefined();
      builder.kill('SIGKILL');
      await exited(builder);
      for (const server of servers) {
        expect((await health(server)).indexVersion).toBe(active);
        const response = await ask(server, 'Waffenregister');
        expect(response.status).toBe(200);
      }
      const { rows } = await client.query('SELECT version FROM index_active');
      expect(rows[0]?.version).toBe(active);
      // The next start (here a CLI search) takes the build lock and removes the dead build's rows.
      const search = spawn(process.execPath, [CLI, 'search', 'Waffenregister', '--json'], {
        env: environment,
        stdio: 'ignore',
      });
      expect(await exited(search)).toBe(0);
      const left = await client.query('SELECT id FROM index_versions WHERE id = $1', [building]);
      expect(left.rows).toEqual([]);
      const units = await client.query('SELECT count(*)::int AS count FROM index_units WHERE version = $1', [
        building,
      ]);
      expect(units.rows[0]?.count).toBe(0);
    } finally {
      await client.end();
    }
  }, 120_000);
});

async function startServer(environment: NodeJS.ProcessEnv): Promise<Server> {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0'], {
    env: environment,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const lines = createInterface({ input: child.stdout });
  const url = await new Promise<string>((resolve, reject) => {
    lines.on('line', (line) => {
      const match = /läuft: (http\S+)/.exec(line);
      if (match) resolve(match[1] as string);
    });
    child.once('exit', (code) => reject(new Error(`the server exited with ${code} before listening`)));
  });
  return { url, process: child };
}

function exited(child: ChildProcess): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve) => child.once('exit', (code) => resolve(code)));
}

async function health(server: Server): Promise<{ indexVersion: string; meetings: number }> {
  return (await (await fetch(`${server.url}/api/health`)).json()) as {
    indexVersion: string;
    meetings: number;
  };
}

function ask(server: Server, question: string): Promise<Response> {
  return fetch(`${server.url}/api/ask`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ question }),
  });
}

/** Clients that ask and search on both servers in turn until told to stop (at most 3000 requests each). */
async function runClients(count: number, servers: readonly Server[], stop: { now: boolean }) {
  const failures: string[] = [];
  const cited = new Set<string>();
  let requests = 0;
  const client = async (offset: number) => {
    for (let turn = 0; !stop.now && turn < 3000; turn++) {
      const server = servers[(offset + turn) % servers.length] as Server;
      const question = QUESTIONS[(offset + turn) % QUESTIONS.length] as string;
      const response =
        turn % 2 === 0
          ? await ask(server, question)
          : await fetch(`${server.url}/api/search?q=${encodeURIComponent(question)}&k=5`);
      requests++;
      const body = (await response.json()) as {
        sources?: Array<{ id: string }>;
        results?: Array<{ id: string }>;
        statements?: Array<{ citations: Array<{ meeting: string; top: string; para: string }> }>;
      };
      if (response.status !== 200) {
        failures.push(`${response.status} ${JSON.stringify(body).slice(0, 200)}`);
        continue;
      }
      for (const source of [...(body.sources ?? []), ...(body.results ?? [])]) cited.add(source.id);
      for (const statement of body.statements ?? []) {
        for (const citation of statement.citations)
          cited.add(`${citation.meeting}/${citation.top}/${citation.para}`);
      }
    }
  };
  await Promise.all(Array.from({ length: count }, (_, offset) => client(offset)));
  return { requests, failures, cited };
}

/** Unit ids of every version in the database (the one served before the switch and the one after). */
async function unitIdsOfVersions(url: string): Promise<Set<string>> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ id: string }>(
      "SELECT DISTINCT unit ->> 'id' AS id FROM index_units",
    );
    return new Set(rows.map((row) => row.id));
  } finally {
    await client.end();
  }
}
