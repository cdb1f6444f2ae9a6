// A database of its own on a PostgreSQL server, for a test file or a benchmark run: made empty, dropped after (no
// vitest here, so the benchmark's processes can use it too).
import { randomBytes } from 'node:crypto';
import pg from 'pg';

export async function createDatabaseOn(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `beschluss_test_${randomBytes(6).toString('hex')}`;
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

async function onServer(serverUrl: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}
