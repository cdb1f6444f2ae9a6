import { describePostgres, useTestDatabase } from '../testing/postgres.ts';
import { createPostgresFeedbackLog } from './feedback-postgres.ts';
import { describeFeedbackLogContract } from './testing/feedback-log-contract.ts';

describePostgres('feedback in PostgreSQL', () => {
  const database = useTestDatabase();
  describeFeedbackLogContract('feedback table', async (now) => {
    await database().pool.query('TRUNCATE feedback');
    return createPostgresFeedbackLog(database(), { now });
  });
});
