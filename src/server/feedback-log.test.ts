import path from 'node:path';
import { useTemporaryDirectory } from '../testing/temporary-directory.ts';
import { createFeedbackLog } from './feedback-log.ts';
import { describeFeedbackLogContract } from './testing/feedback-log-contract.ts';

const temporary = useTemporaryDirectory('beschluss-feedback-log-');
let files = 0;

describeFeedbackLogContract('feedback.jsonl', async (now) =>
  createFeedbackLog({ file: path.join(temporary(), `log-${files++}`, 'feedback.jsonl'), now }),
);
