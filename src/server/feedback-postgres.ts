// Feedback of every server in one table of the DATABASE_URL database: a 200 means the row is committed.
import type { Database } from '../database.ts';
import { databaseError } from '../database.ts';
import type { FeedbackLog, FeedbackRecord } from './feedback-log.ts';

/** Rows read per query when the entries are read back. */
const PAGE = 500;

export function createPostgresFeedbackLog(
  database: Database,
  options: { now?: () => Date } = {},
): FeedbackLog {
  const { now = () => new Date() } = options;
  return {
    location: database.name,
    async append(entry) {
      const at = now().toISOString();
      try {
        await database.pool.query('INSERT INTO feedback (at, entry) VALUES ($1, $2)', [
          at,
          JSON.stringify(entry),
        ]);
      } catch (error) {
        throw databaseError(database.name, error);
      }
      return { at };
    },
    async *entries(): AsyncGenerator<FeedbackRecord> {
      // Page by id, so a long table is never held in memory at once.
      let after = '0';
      for (;;) {
        const { rows } = await database.pool.query<{
          id: string;
          at: Date;
          entry: Omit<FeedbackRecord, 'at'>;
        }>('SELECT id, at, entry FROM feedback WHERE id > $1 ORDER BY id LIMIT $2', [after, PAGE]);
        for (const row of rows) yield { at: row.at.toISOString(), ...row.entry };
        if (rows.length < PAGE) return;
        after = rows[rows.length - 1]?.id as string;
      }
    },
  };
}
