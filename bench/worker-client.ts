// The parent's side of a benchmark worker: forks bench/worker.ts (with --expose-gc) and sends it typed requests.
import { type ChildProcess, fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { BeschlussError } from '../src/errors.ts';
import type {
  WorkerProtocol,
  WorkerReplyMessage,
  WorkerRequestMessage,
  WorkerRequestType,
} from './worker-protocol.ts';

export interface WorkerClient {
  request<Type extends WorkerRequestType>(
    type: Type,
    payload: WorkerProtocol[Type]['request'],
  ): Promise<WorkerProtocol[Type]['response']>;
  /** Closes the channel and waits for the worker to exit. */
  close(): Promise<void>;
}

const WORKER_FILE = fileURLToPath(new URL('./worker.ts', import.meta.url));

export function startWorker(): WorkerClient {
  const child: ChildProcess = fork(WORKER_FILE, [], {
    execArgv: ['--import', 'tsx', '--expose-gc'],
    // stdout is reserved for the result tables: whatever the worker prints goes to stderr.
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  child.stdout?.pipe(process.stderr);
  let nextId = 1;
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  child.on('message', (message: WorkerReplyMessage) => {
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    if (message.ok) waiting.resolve(message.response);
    else
      waiting.reject(
        new BeschlussError(
          'INTERNAL',
          `Benchmark worker failed: ${message.error.stack ?? message.error.message}`,
        ),
      );
  });
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      for (const waiting of pending.values()) {
        waiting.reject(
          new BeschlussError(
            'INTERNAL',
            `Benchmark worker exited (code ${code}, signal ${signal}) before answering.`,
          ),
        );
      }
      pending.clear();
      resolve();
    });
  });
  return {
    request(type, payload) {
      const id = nextId++;
      const message: WorkerRequestMessage = { id, type, payload };
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
        child.send(message);
      });
    },
    async close() {
      if (child.connected) child.disconnect();
      await exited;
    },
  };
}

/** One request in a fresh worker that then exits. */
export async function inFreshWorker<Type extends WorkerRequestType>(
  type: Type,
  payload: WorkerProtocol[Type]['request'],
): Promise<WorkerProtocol[Type]['response']> {
  const worker = startWorker();
  try {
    return await worker.request(type, payload);
  } finally {
    await worker.close();
  }
}
