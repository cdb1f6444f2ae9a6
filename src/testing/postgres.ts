// The real PostgreSQL (with pgvector) of the PostgreSQL suites: TEST_DATABASE_URL names a server (scripts/postgres.sh
// start prints it); each test file gets a database of its own, made before its tests and dropped after them. Without
// TEST_DATABASE_URL the suites are skipped with a message locally and fail in CI (CI set): they never skip silently
// where they must run.
import { afterAll, beforeAll, describe, it } from 'vitest';
import { type Database, openDatabase } from '../database.ts';
import { createDatabaseOn } from './database-on-server.ts';

export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL?.trim() || undefined;
const IN_CI = Boolean(process.env.CI);

/** describe() for tests that need PostgreSQL: skipped with a message locally without it, a failure in CI. */
export function describePostgres(name: string, body: () => void): void {
  if (TEST_DATABASE_URL !== undefined) {
    describe(name, body);
    return;
  }
  if (IN_CI) {
    describe(name, () => {
      it('needs TEST_DATABASE_URL (CI runs `scripts/postgres.sh start` first)', () => {
        throw new Error(`TEST_DATABASE_URL is not set, so the PostgreSQL suite "${name}" cannot run in CI.`);
      });
    });
    return;
  }
  process.stderr.write(
    `skipping the PostgreSQL suite "${name}": set TEST_DATABASE_URL (eval "$(scripts/postgres.sh start)")\n`,
  );
  describe.skip(name, body);
}

/** A fresh database on the test server for the tests of one file; returns its URL. */
export function createTestDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  if (TEST_DATABASE_URL === undefined) throw new Error('TEST_DATABASE_URL is not set');
  return createDatabaseOn(TEST_DATABASE_URL);
}

/**
 * Registers hooks that make a fresh, migrated database for the tests of the describe block it is called in; the
 * returned function gives it (and its URL) while they run.
 */
export function useTestDatabase(): () => Database & { url: string } {
  let database: (Database & { url: string }) | undefined;
  let drop: (() => Promise<void>) | undefined;
  beforeAll(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    database = Object.assign(await openDatabase({ url: created.url, poolSize: 8 }), { url: created.url });
  }, 60_000);
  afterAll(async () => {
    await database?.close();
    await drop?.();
  });
  return () => {
    if (database === undefined) throw new Error('the test database exists only while the tests run');
    return database;
  };
}
