// Test helper: an empty index version in state 'building', whose rows a test writes itself.
import type pg from 'pg';

export async function newBuildingVersion(pool: pg.Pool): Promise<string> {
  const { rows } = await pool.query<{ id: string }>(
    "INSERT INTO index_versions (state, builder) VALUES ('building', 'test') RETURNING id",
  );
  return rows[0]?.id as string;
}
