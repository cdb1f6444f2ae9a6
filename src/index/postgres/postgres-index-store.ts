// The index store of several servers on one PostgreSQL: one builds a new version under an advisory lock while all
// serve the active one; the switch is one transaction that also notifies (LISTEN/NOTIFY, with polling as a backstop),
// so the others serve the new version within seconds. A build killed halfway leaves its rows behind in state
// 'building'; whoever next takes the lock removes them, and the version before the active one is kept for servers
// still switching over.
import { hostname } from 'node:os';
import type pg from 'pg';
import { type Database, databaseError } from '../../database.ts';
import { BeschlussError } from '../../errors.ts';
import type { Logger } from '../../logger.ts';
import {
  type IndexArtifactInput,
  type IndexExpectation,
  type IndexStatus,
  prepareIndexVersion,
  staleness,
} from '../artifact/index.ts';
import type { IndexStore, LoadedIndex, WriteVersionOptions } from '../store/index.ts';
import { hnswIndexName } from './postgres-vector-store.ts';
import {
  loadedFromWritten,
  readReusable,
  readVersion,
  readVersionRow,
  writeVersionRows,
} from './postgres-versions.ts';

/** The advisory lock of index builds (another number than the migrations' lock). */
const BUILD_LOCK = 0x42_65_73_63_68_00_02n.toString();
export const INDEX_CHANNEL = 'beschluss_index';

export interface PostgresIndexStoreOptions {
  logger?: Pick<Logger, 'info' | 'warn'>;
  /** How often the active version is read besides notifications (INDEX_POLL_MS). Default 2000. */
  pollMs?: number;
}

export async function createPostgresIndexStore(
  database: Database,
  options: PostgresIndexStoreOptions = {},
): Promise<IndexStore> {
  const { logger, pollMs = 2000 } = options;
  const { pool } = database;
  const builder = `${hostname()}:${process.pid}`;
  /** Versions this process wrote: their notification is no news to it. */
  const written = new Set<string>();
  const listeners = new Set<(version: string) => void>();
  let watcher: { stop: () => Promise<void> } | undefined;

  const guarded = async <T>(action: () => Promise<T>): Promise<T> => {
    try {
      return await action();
    } catch (error) {
      throw databaseError(database.name, error);
    }
  };

  const activeVersion = () => activeVersionOf(pool);

  const exclusively = createBuildLock(database, logger);

  async function requireActive(): Promise<string> {
    const version = await guarded(activeVersion);
    if (version === undefined) {
      throw new BeschlussError(
        'INDEX_MISSING',
        `There is no index in ${database.name}; run \`npx beschluss index\` or start the server to build it.`,
      );
    }
    return version;
  }

  const store: IndexStore = {
    kind: 'postgres',
    location: database.name,
    status: (expected) => versionStatus(database, expected),
    async read(readOptions = {}) {
      const version = await requireActive();
      return guarded(() =>
        readVersion(
          database,
          version,
          readOptions.expectedEmbedderId === undefined
            ? {}
            : { expectedEmbedderId: readOptions.expectedEmbedderId },
        ),
      );
    },
    activeVersion: () => guarded(activeVersion),
    async reusableVectors({ embedderId }) {
      try {
        const version = await activeVersion();
        if (version === undefined) return undefined;
        const { description } = await readVersionRow(pool, version, database.name);
        if (description.embedder.id !== embedderId) return undefined;
        return await readReusable(database, version);
      } catch (error) {
        if (BeschlussError.is(error, 'INDEX_CORRUPT') || BeschlussError.is(error, 'INDEX_MISMATCH'))
          return undefined;
        throw databaseError(database.name, error);
      }
    },
    async liveUnitIds() {
      const { rows } = await guarded(() =>
        pool.query<{ id: string }>(
          `SELECT unit ->> 'id' AS id FROM index_units WHERE version = (SELECT version FROM index_active)
           ORDER BY ordinal`,
        ),
      );
      return rows.map((row) => row.id);
    },
    write: (input, writeOptions = {}) =>
      exclusively(async () => {
        try {
          return await writeVersion(database, input, writeOptions, {
            builder,
            ...(logger ? { logger } : {}),
            // Its notification is no news to this process.
            onWriting: (version) => written.add(version),
          });
        } catch (error) {
          throw databaseError(database.name, error);
        }
      }),
    exclusively,
    onSwitch(listener) {
      listeners.add(listener);
      watcher ??= watchActiveVersion(database, {
        pollMs,
        ...(logger ? { logger } : {}),
        onVersion: (version) => {
          if (written.has(version)) return;
          for (const each of listeners) each(version);
        },
      });
      return () => {
        listeners.delete(listener);
      };
    },
    async close() {
      listeners.clear();
      await watcher?.stop();
      watcher = undefined;
    },
  };

  return store;
}

async function activeVersionOf(pool: pg.Pool): Promise<string | undefined> {
  const { rows } = await pool.query<{ version: string }>('SELECT version FROM index_active');
  return rows[0]?.version;
}

/** Removes what crashed builds left and retired versions older than the one before the active one. */
async function cleanUp(pool: pg.Pool, logger: Pick<Logger, 'warn'> | undefined): Promise<void> {
  const { rows } = await pool.query<{ id: string; state: string }>(
    `DELETE FROM index_versions
     WHERE state = 'building'
        OR (state = 'retired' AND id < (SELECT max(id) FROM index_versions WHERE state = 'retired'))
     RETURNING id, state`,
  );
  for (const row of rows) await pool.query(`DROP INDEX IF EXISTS ${hnswIndexName(row.id)}`);
  const unfinished = rows.filter((row) => row.state === 'building').length;
  if (unfinished > 0) logger?.warn('removed the rows of unfinished index builds', { versions: unfinished });
}

/** One transaction: the new version ready and active, the one before retired, every server notified. */
async function switchTo(
  pool: pg.Pool,
  version: string,
  description: unknown,
  lexical: unknown,
): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('BEGIN');
    await client.query("UPDATE index_versions SET state = 'retired' WHERE state = 'ready' AND id <> $1", [
      version,
    ]);
    await client.query(
      "UPDATE index_versions SET state = 'ready', description = $2, lexical = $3 WHERE id = $1",
      [version, JSON.stringify(description), JSON.stringify(lexical)],
    );
    await client.query(
      `INSERT INTO index_active (version) VALUES ($1)
       ON CONFLICT (only_row) DO UPDATE SET version = EXCLUDED.version, switched_at = now()`,
      [version],
    );
    await client.query('SELECT pg_notify($1, $2)', [INDEX_CHANNEL, version]);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function removeVersion(pool: pg.Pool, version: string): Promise<void> {
  await pool.query('DELETE FROM index_versions WHERE id = $1', [version]);
  await pool.query(`DROP INDEX IF EXISTS ${hnswIndexName(version)}`);
}

/** Notifications, and a poll of the active version as a backstop (a notification can be lost with its connection). */
function watchActiveVersion(
  database: Database,
  options: { pollMs: number; logger?: Pick<Logger, 'warn'>; onVersion: (version: string) => void },
): { stop: () => Promise<void> } {
  const { pollMs, logger, onVersion } = options;
  let known: string | undefined;
  let listening: pg.Client | undefined;
  let stopped = false;
  // Every version seen goes on (the listeners compare it with the one they serve), each once.
  const seen = (version: string | undefined) => {
    if (version === undefined || version === known) return;
    known = version;
    onVersion(version);
  };
  const listen = async () => {
    try {
      const client = await database.connect();
      client.on('notification', (message) => seen(message.payload));
      client.on('error', () => {
        listening = undefined;
      });
      await client.query(`LISTEN ${INDEX_CHANNEL}`);
      if (stopped) await client.end();
      else listening = client;
    } catch (error) {
      logger?.warn('cannot listen for index switches; polling only', { error: String(error) });
    }
  };
  const poll = async () => {
    try {
      seen(await activeVersionOf(database.pool));
      if (!listening && !stopped) await listen();
    } catch {
      // The database is away for now; the next poll tries again.
    }
  };
  void poll();
  const timer = setInterval(() => void poll(), pollMs);
  timer.unref();
  return {
    async stop() {
      stopped = true;
      clearInterval(timer);
      await listening?.end().catch(() => undefined);
    },
  };
}

/** A new version's rows, then the switch to it; the rows go again when anything before the switch fails. */
async function writeVersion(
  database: Database,
  input: IndexArtifactInput,
  options: WriteVersionOptions,
  context: { builder: string; logger?: Pick<Logger, 'info' | 'warn'>; onWriting: (version: string) => void },
): Promise<LoadedIndex> {
  const { pool } = database;
  const { onProgress, builtAt = new Date() } = options;
  const prepared = prepareIndexVersion(input, options.hnsw ?? {}, builtAt);
  const { rows } = await pool.query<{ id: string }>(
    "INSERT INTO index_versions (state, builder) VALUES ('building', $1) RETURNING id",
    [context.builder],
  );
  const version = rows[0]?.id as string;
  context.onWriting(version);
  let switched = false;
  try {
    const result = await writeVersionRows(pool, version, input, prepared, onProgress);
    onProgress?.({ stage: 'switch', done: 0, total: 1 });
    await switchTo(pool, version, result.description, result.lexical);
    switched = true;
    await cleanUp(pool, context.logger);
    onProgress?.({ stage: 'switch', done: 1, total: 1 });
    context.logger?.info('index version switched', { version, database: database.name });
    return loadedFromWritten(database, version, result);
  } finally {
    if (!switched) await removeVersion(pool, version).catch(() => undefined);
  }
}

/**
 * Runs tasks one builder at a time across every server of the database (an advisory lock held by a connection of its
 * own: it ends with its process, so a killed builder frees it); calls within a task nest. Whoever takes the lock first
 * removes what dead builds left.
 */
function createBuildLock(
  database: Database,
  logger: Pick<Logger, 'warn'> | undefined,
): <T>(task: () => Promise<T>) => Promise<T> {
  let depth = 0;
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (depth > 0) {
      depth++;
      try {
        return await task();
      } finally {
        depth--;
      }
    }
    let client: pg.Client | undefined;
    try {
      client = await database.connect();
      await client.query('SELECT pg_advisory_lock($1)', [BUILD_LOCK]);
      depth = 1;
      await cleanUp(database.pool, logger);
    } catch (error) {
      await client?.end().catch(() => undefined);
      throw databaseError(database.name, error);
    }
    try {
      return await task();
    } finally {
      depth = 0;
      await client.query('SELECT pg_advisory_unlock($1)', [BUILD_LOCK]).catch(() => undefined);
      await client.end().catch(() => undefined);
    }
  };
}

/** Whether the active version fits the expectation (never throws for a damaged one). */
async function versionStatus(database: Database, expected: IndexExpectation): Promise<IndexStatus> {
  let version: string | undefined;
  try {
    version = await activeVersionOf(database.pool);
  } catch (error) {
    throw databaseError(database.name, error);
  }
  if (version === undefined) return { state: 'missing', reason: `there is no index in ${database.name}` };
  try {
    const { description } = await readVersionRow(database.pool, version, database.name);
    const reason = staleness(description, expected);
    return reason ? { state: 'stale', reason } : { state: 'fresh' };
  } catch (error) {
    if (BeschlussError.is(error, 'INDEX_MISMATCH')) return { state: 'stale', reason: error.message };
    if (BeschlussError.is(error, 'INDEX_CORRUPT')) return { state: 'corrupt', reason: error.message };
    throw databaseError(database.name, error);
  }
}
