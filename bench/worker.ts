// Entry of a benchmark worker process: answers the requests of worker-protocol.ts over IPC, one at a time, so every
// measured build or server runs in a process of its own (clean peak memory, no shared event loop).
import { runBackendBuild } from './sections/backends.ts';
import { createBenchServer } from './sections/bench-server.ts';
import { runRealBuild } from './sections/real-build.ts';
import { runRealQuery } from './sections/real-query.ts';
import { runStartup } from './sections/startup.ts';
import { runSyntheticBuild } from './sections/synthetic-build.ts';
import { runSyntheticQuery } from './sections/synthetic-query.ts';
import type {
  WorkerProtocol,
  WorkerReplyMessage,
  WorkerRequestMessage,
  WorkerRequestType,
} from './worker-protocol.ts';

type Handlers = {
  [Type in WorkerRequestType]: (
    payload: WorkerProtocol[Type]['request'],
  ) => Promise<WorkerProtocol[Type]['response']> | WorkerProtocol[Type]['response'];
};

function main(): void {
  if (!process.send) {
    process.stderr.write('bench/worker.ts runs as a child of bench/run.ts (it needs an IPC channel).\n');
    process.exitCode = 1;
    return;
  }
  const server = createBenchServer();
  const handlers: Handlers = {
    'real-build': runRealBuild,
    startup: runStartup,
    'real-query': runRealQuery,
    'synthetic-build': runSyntheticBuild,
    'synthetic-query': runSyntheticQuery,
    'server-start': (payload) => server.start(payload),
    'backend-build': runBackendBuild,
    'server-start-store': (payload) => server.startFromStore(payload),
    'server-ask': (payload) => server.askInProcess(payload),
    'server-memory': (payload) => server.memory(payload),
    'server-close': async () => {
      await server.close();
      return null;
    },
  };
  let queue = Promise.resolve();
  process.on('message', (message: WorkerRequestMessage) => {
    queue = queue.then(async () => {
      let reply: WorkerReplyMessage;
      try {
        const handler = handlers[message.type] as (payload: unknown) => unknown;
        reply = { id: message.id, ok: true, response: await handler(message.payload) };
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        reply = { id: message.id, ok: false, error: { message: failure.message, stack: failure.stack } };
      }
      process.send?.(reply);
    });
  });
  // The parent closing the channel is the signal to end (after the server, if any, has shut down).
  process.on('disconnect', () => {
    void queue.then(() => server.close()).finally(() => process.exit(process.exitCode ?? 0));
  });
}

main();
