import { expect, it } from 'vitest';
import { describePostgres, useTestDatabase } from '../../testing/postgres.ts';
import { randomUnitVectors } from '../vector/testing/random-vectors.ts';
import { describeVectorStoreContract } from '../vector/testing/vector-store-contract.ts';
import {
  createPostgresVectorStore,
  openPostgresVectorStore,
  type PostgresVectorStore,
} from './postgres-vector-store.ts';
import { newBuildingVersion } from './testing/new-version.ts';

describePostgres('PostgreSQL vector store', () => {
  const database = useTestDatabase();
  const newVersion = () => newBuildingVersion(database().pool);

  // Searched exactly while built; reopening seals it (HNSW) and opens it as another server would.
  describeVectorStoreContract('pgvector store', {
    create: async (dimensions) =>
      createPostgresVectorStore({ pool: database().pool, version: await newVersion(), dimensions }),
    reopen: async (store) => {
      const built = store as PostgresVectorStore;
      await built.seal({ m: 16, efConstruction: 64 });
      return openPostgresVectorStore({
        pool: database().pool,
        version: built.version,
        dimensions: built.dimensions,
      });
    },
  });

  it('finds at least 95% of the exact 10 nearest neighbours through its HNSW index, and the same as before sealing', async () => {
    const store = createPostgresVectorStore({
      pool: database().pool,
      version: await newVersion(),
      dimensions: 64,
    });
    const vectors = randomUnitVectors(2000, 64, 31);
    await store.addMany(vectors.map((vector, label) => ({ label, vector })));
    const queries = randomUnitVectors(40, 64, 32);
    const exact = [];
    for (const query of queries) exact.push(await store.search(query, 10));
    await store.seal();
    expect(store.sealed).toBe(true);
    let found = 0;
    for (const [position, query] of queries.entries()) {
      const truth = new Set(exact[position]?.map((match) => match.label));
      found += (await store.search(query, 10)).filter((match) => truth.has(match.label)).length;
    }
    expect(found / (queries.length * 10)).toBeGreaterThanOrEqual(0.95);
    // Small tables are often scanned instead; what matters is that the planner can prove the partial index applies.
    const [, , plan] = (await database().pool.query(
      `BEGIN; SET LOCAL enable_seqscan = off; EXPLAIN SELECT label FROM index_vectors WHERE version = ${store.version}
       ORDER BY embedding::vector(64) <#> '[${new Array(64).fill(0.1).join(',')}]'::vector(64) LIMIT 5; COMMIT;`,
    )) as unknown as Array<{ rows: Array<Record<string, string>> }>;
    expect(plan?.rows.map((row) => Object.values(row)[0]).join('\n')).toMatch(/index_vectors_hnsw_/);
  });
});
