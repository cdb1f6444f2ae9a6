import path from 'node:path';
import { expect, it, vi } from 'vitest';
import { createGermanAnalyzer } from '../../analysis/index.ts';
import { type Database, openDatabase } from '../../database.ts';
import { createOfflineEmbedder } from '../../embed/index.ts';
import { describePostgres, useTestDatabase } from '../../testing/postgres.ts';
import { buildIndex } from '../build-index.ts';
import { describeIndexStoreContract } from '../store/testing/index-store-contract.ts';
import { createPostgresIndexStore } from './postgres-index-store.ts';

/** The parser fixtures: two small meetings, a quick build. */
const SMALL_CORPUS = path.join(import.meta.dirname, '../../corpus/fixtures');

describePostgres('PostgreSQL index store', () => {
  const database = useTestDatabase();
  const empty = async () => {
    await database().pool.query('TRUNCATE index_active, index_versions CASCADE');
    return createPostgresIndexStore(database(), { pollMs: 200 });
  };

  describeIndexStoreContract('PostgreSQL store (DATABASE_URL)', empty);

  /** A second server's view of the same database: a pool of its own. */
  const secondServer = (): Promise<Database> => openDatabase({ url: database().url, poolSize: 2 });

  it('tells another server of a switch, and not the server that switched', async () => {
    const store = await empty();
    const other = await secondServer();
    const watching = await createPostgresIndexStore(other, { pollMs: 60_000 });
    const heard = vi.fn<(version: string) => void>();
    const ownHeard = vi.fn<(version: string) => void>();
    watching.onSwitch(heard);
    store.onSwitch(ownHeard);
    try {
      const analyzer = await createGermanAnalyzer();
      const { index } = await buildIndex({
        corpusDir: SMALL_CORPUS,
        store,
        analyzer,
        embedder: await createOfflineEmbedder({ analyzer }),
      });
      // Notified at once (the poll runs only every minute here).
      await vi.waitFor(() => expect(heard).toHaveBeenCalledWith(index.version), { timeout: 5000 });
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(ownHeard).not.toHaveBeenCalledWith(index.version);
      expect(await watching.activeVersion()).toBe(index.version);
    } finally {
      await watching.close();
      await store.close();
      await other.close();
    }
  });

  it('removes the rows of a build that died halfway when the next builder takes the lock', async () => {
    const store = await empty();
    const { pool } = database();
    const { rows } = await pool.query<{ id: string }>(
      "INSERT INTO index_versions (state, builder) VALUES ('building', 'a killed server') RETURNING id",
    );
    const dead = rows[0]?.id as string;
    await pool.query(`INSERT INTO index_units (version, ordinal, unit) VALUES ($1, 0, '{}')`, [dead]);
    await store.exclusively(async () => undefined);
    expect((await pool.query('SELECT 1 FROM index_versions WHERE id = $1', [dead])).rows).toEqual([]);
    expect((await pool.query('SELECT 1 FROM index_units WHERE version = $1', [dead])).rows).toEqual([]);
    await store.close();
  });

  it('lets one server build at a time: another waits for the lock', async () => {
    const store = await empty();
    const other = await secondServer();
    const waiting = await createPostgresIndexStore(other);
    const order: string[] = [];
    try {
      let release: () => void = () => undefined;
      const first = store.exclusively(async () => {
        order.push('first starts');
        await new Promise<void>((resolve) => {
          release = resolve;
        });
        order.push('first ends');
      });
      await vi.waitFor(() => expect(order).toEqual(['first starts']));
      const second = waiting.exclusively(async () => {
        order.push('second starts');
      });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(order).toEqual(['first starts']);
      release();
      await Promise.all([first, second]);
      expect(order).toEqual(['first starts', 'first ends', 'second starts']);
    } finally {
      await waiting.close();
      await store.close();
      await other.close();
    }
  });
});
