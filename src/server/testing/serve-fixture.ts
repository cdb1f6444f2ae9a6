// A server process for the shutdown test: the recording assistant holds each answer until "release" arrives on stdin;
// log lines (JSON) go to stdout so the test can follow what the process does.
import { createInterface } from 'node:readline';
import { createLogger } from '../../logger.ts';
import { startServer } from '../serve.ts';
import { createGate, createRecordingAssistant } from './fakes.ts';
import { fixtureCatalog } from './fixture-meeting.ts';
import { LOOPBACK_CONFIG } from './test-app.ts';

const release = createGate();
createInterface({ input: process.stdin }).on('line', (line) => {
  if (line.trim() === 'release') release.open();
});

const logger = createLogger({ level: 'info', write: (line) => process.stdout.write(line) });
let announced = false;
const assistant = createRecordingAssistant(fixtureCatalog(), {
  answerer: {
    pace: async () => {
      if (!announced) logger.info('answering');
      announced = true;
      await release.promise;
    },
  },
});
const close = assistant.close;
assistant.close = async () => {
  await close();
  logger.info('assistant closed');
};

await startServer({
  assistant,
  logger,
  config: LOOPBACK_CONFIG,
  signals: ['SIGTERM', 'SIGINT'],
});
