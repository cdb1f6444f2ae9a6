// The PostgreSQL of DATABASE_URL: one connection pool per process, and the numbered SQL migrations of migrations/
// applied at start (under an advisory lock, so servers starting together apply each migration once).
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';
import { readBundledFile } from './bundled-file.ts';
import { BeschlussError } from './errors.ts';
import type { Logger } from './logger.ts';
import { PROJECT_ROOT } from './paths.ts';

export const MIGRATIONS_DIR = path.join(PROJECT_ROOT, 'migrations');

/** Taken while migrating; any 64-bit number no other application on the database uses. */
const MIGRATION_LOCK = 0x42_65_73_63_68_00_01n;

export interface Database {
  readonly pool: pg.Pool;
  /** The URL without its password, for messages and logs. */
  readonly name: string;
  /** A connection of its own, outside the pool (LISTEN, a lock held for a whole build). */
  connect(): Promise<pg.Client>;
  close(): Promise<void>;
}

export interface OpenDatabaseOptions {
  url: string;
  /** Connections of the pool at most (DATABASE_POOL_SIZE). Default 10. */
  poolSize?: number;
  logger?: Pick<Logger, 'warn'>;
  /** Apply the migrations not yet applied (default true). */
  migrate?: boolean;
  /** Default the project's migrations/. */
  migrationsDir?: string;
}

/** Connects, checks the connection and applies pending migrations; DATABASE_UNAVAILABLE when it cannot. */
export async function openDatabase(options: OpenDatabaseOptions): Promise<Database> {
  const { url, poolSize = 10, logger, migrate = true, migrationsDir = MIGRATIONS_DIR } = options;
  const name = withoutPassword(url);
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that breaks (the database restarts) must not crash the process; the next query reconnects.
  pool.on('error', (error) => logger?.warn('database connection lost', { error: error.message }));
  const database: Database = {
    pool,
    name,
    async connect() {
      const client = new pg.Client({ connectionString: url });
      client.on('error', (error) => logger?.warn('database connection lost', { error: error.message }));
      await client.connect();
      return client;
    },
    close: () => pool.end(),
  };
  try {
    await pool.query('SELECT 1');
    if (migrate) await applyMigrations(pool, migrationsDir);
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw databaseError(name, error);
  }
  return database;
}

/** The database's fault as a typed error naming DATABASE_URL (without its password). */
export function databaseError(name: string, error: unknown): BeschlussError {
  if (error instanceof BeschlussError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BeschlussError(
    'DATABASE_UNAVAILABLE',
    `The database ${name} (DATABASE_URL) failed: ${message}`,
    { details: { database: name }, cause: error },
  );
}

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

/** The numbered SQL files (`001-index.sql` …) in order; a file not named so is refused. */
export async function readMigrations(migrationsDir: string = MIGRATIONS_DIR): Promise<Migration[]> {
  const files = (await readdir(migrationsDir)).filter((file) => file.endsWith('.sql')).sort();
  const migrations: Migration[] = [];
  for (const file of files) {
    const match = /^(\d{3})-([a-z0-9-]+)\.sql$/.exec(file);
    if (!match) {
      throw new BeschlussError('INSTALLATION_INCOMPLETE', `The migration ${file} is not named NNN-name.sql.`);
    }
    const version = Number(match[1]);
    if (version !== migrations.length + 1) {
      throw new BeschlussError(
        'INSTALLATION_INCOMPLETE',
        `The migrations are not numbered 1, 2, 3 …: ${file} follows version ${migrations.length}.`,
      );
    }
    const sql = (await readBundledFile(path.join(migrationsDir, file), 'a database migration')).toString(
      'utf8',
    );
    migrations.push({ version, name: match[2] as string, sql });
  }
  return migrations;
}

/**
 * Applies every migration newer than the database's, each in a transaction of its own with its row in
 * schema_migrations; returns the versions applied. A database newer than this program is refused.
 */
export async function applyMigrations(
  pool: pg.Pool,
  migrationsDir: string = MIGRATIONS_DIR,
): Promise<number[]> {
  const migrations = await readMigrations(migrationsDir);
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK.toString()]);
    await client.query(
      `CREATE TABLE IF NOT EXISTS schema_migrations (
         version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`,
    );
    const { rows } = await client.query<{ version: number }>(
      'SELECT coalesce(max(version), 0) AS version FROM schema_migrations',
    );
    const current = rows[0]?.version ?? 0;
    if (current > migrations.length) {
      throw new BeschlussError(
        'INSTALLATION_INCOMPLETE',
        `The database is at schema version ${current}, this program knows ${migrations.length}: update the program.`,
        { details: { expected: migrations.length, received: current } },
      );
    }
    const applied: number[] = [];
    for (const migration of migrations.slice(current)) {
      await client.query('BEGIN');
      try {
        await client.query(migration.sql);
        await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
          migration.version,
          migration.name,
        ]);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK');
        throw error;
      }
      applied.push(migration.version);
    }
    return applied;
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK.toString()]).catch(() => undefined);
    client.release();
  }
}

function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'the configured database';
  }
}
