import { describePostgres, useTestDatabase } from '../testing/postgres.ts';
import { createPostgresConversationStore } from './postgres-store.ts';
import { describeConversationStore } from './testing/store-contract.ts';

describePostgres('conversations in PostgreSQL', () => {
  const database = useTestDatabase();
  describeConversationStore('PostgreSQL', async () => {
    await database().pool.query('TRUNCATE conversations');
    return { open: () => createPostgresConversationStore(database()), cleanup: async () => undefined };
  });
});
