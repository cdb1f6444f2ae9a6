// Runs the app on a Node HTTP server (PORT, HOST) and shuts it down gracefully: stop accepting, let requests in flight
// finish (for at most shutdownTimeoutMs), then close the assistant.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Assistant } from '../assistant/types.ts';
import type { Config } from '../config.ts';
import { type ConversationStore, createFileConversationStore } from '../conversation/index.ts';
import { BeschlussError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { createApp, type ServerConfig } from './app.ts';
import { answerClientErrors } from './client-errors.ts';
import { createFeedbackLog, type FeedbackLog } from './feedback-log.ts';
import { trackIdleConnections } from './idle-connections.ts';
import { checkOpenAccess } from './open-access.ts';

export interface StartServerOptions {
  /** The app to serve; built from `assistant` with createApp when absent. */
  app?: { fetch: (request: Request, ...rest: never[]) => Response | Promise<Response> };
  /** Closed after the server has shut down; required when no app is given. */
  assistant?: Assistant;
  /** ALLOW_OPEN_ACCESS: listen beyond loopback without BESCHLUSS_API_KEY (refused otherwise; default false). */
  config: Pick<Config, 'PORT' | 'HOST'> & ServerConfig & Partial<Pick<Config, 'ALLOW_OPEN_ACCESS'>>;
  logger: Logger;
  /** Where POST /api/feedback appends when the app is built here: a file (embedded default) … */
  feedbackFile?: string;
  /** … or any feedback store (PostgreSQL with DATABASE_URL). */
  feedback?: FeedbackLog;
  /** Where conversations are kept (one file each) when the app is built here; without it none are saved … */
  conversationsDirectory?: string;
  /** … or any conversation store (PostgreSQL with DATABASE_URL). */
  conversations?: ConversationStore;
  /** Days a conversation is kept after its last change (0 = for good); swept at start and every hour. */
  conversationRetentionDays?: number;
  /** Longest wait for requests in flight when closing before their connections are cut (default 10 000 ms). */
  shutdownTimeoutMs?: number;
  /** Signals that start a graceful shutdown followed by exit (default none; `beschluss serve` uses SIGTERM, SIGINT). */
  signals?: NodeJS.Signals[];
  /** How the process ends after a signal's shutdown (default process.exit). */
  exit?: (code: number) => void;
}

export interface RunningServer {
  /** "http://127.0.0.1:3000" */
  url: string;
  port: number;
  /** Stops accepting connections, waits for requests in flight, closes the assistant. Safe to call twice. */
  close(): Promise<void>;
  /** Settles when the server has shut down (by close() or a signal). */
  closed: Promise<void>;
}

export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const {
    assistant,
    config,
    logger,
    shutdownTimeoutMs = 10_000,
    signals = [],
    exit = (code) => process.exit(code),
  } = options;
  checkOpenAccess(config, logger);
  let app = options.app;
  let stopSweeping = () => {};
  if (!app) {
    if (!assistant) throw new TypeError('startServer needs an app or an assistant.');
    const conversations =
      options.conversations ??
      (options.conversationsDirectory
        ? createFileConversationStore({ directory: options.conversationsDirectory })
        : undefined);
    if (conversations && (options.conversationRetentionDays ?? 0) > 0) {
      stopSweeping = sweepConversations(conversations, options.conversationRetentionDays as number, logger);
    }
    app = createApp({
      assistant,
      logger,
      config,
      ...(options.feedback
        ? { feedback: options.feedback }
        : options.feedbackFile
          ? {
              feedback: createFeedbackLog({
                file: options.feedbackFile,
                onRepair: (repair) =>
                  logger.warn('feedback log: cut a torn last line left by a crash', repair),
              }),
            }
          : {}),
      ...(conversations ? { conversations } : {}),
    });
  }
  // Without serverOptions.createServer the adaptor builds a plain node:http server.
  const server = createAdaptorServer({
    fetch: app.fetch as (request: Request) => Promise<Response>,
  }) as Server;
  answerClientErrors(server, logger);
  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) =>
      reject(
        new BeschlussError(
          'INVALID_CONFIGURATION',
          `Cannot listen on ${config.HOST}:${config.PORT}: ${error.code ?? error.message} (set PORT or HOST).`,
          { cause: error },
        ),
      );
    server.once('error', onError);
    server.listen(config.PORT, config.HOST, () => {
      server.off('error', onError);
      resolve();
    });
  });
  const idle = trackIdleConnections(server);
  const address = server.address() as AddressInfo;
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  const url = `http://${host}:${address.port}`;
  logger.info('listening', { url });

  let resolveClosed: () => void = () => {};
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  let closing: Promise<void> | undefined;
  const removeSignalHandlers = () => {
    for (const signal of signals) process.off(signal, onSignal);
  };

  const close = (): Promise<void> => {
    closing ??= (async () => {
      removeSignalHandlers();
      stopSweeping();
      const stopped = new Promise<void>((resolve) => server.close(() => resolve()));
      // Idle connections would hold close() open until their clients drop them; busy ones get until the timeout.
      idle.closeAfterEachResponse();
      idle.close();
      // Logged once the listening socket is closed: whoever reads it can rely on new connections being refused.
      logger.info('shutting down', { url, shutdownTimeoutMs });
      const cutOff = setTimeout(() => {
        logger.warn('requests still in flight at shutdown timeout; closing their connections', {
          shutdownTimeoutMs,
        });
        server.closeAllConnections();
      }, shutdownTimeoutMs);
      cutOff.unref();
      await stopped;
      clearTimeout(cutOff);
      try {
        await assistant?.close();
      } finally {
        logger.info('stopped', { url });
        resolveClosed();
      }
    })();
    return closing;
  };

  function onSignal(signal: NodeJS.Signals): void {
    logger.info('signal received', { signal });
    close().then(
      () => exit(0),
      (error: unknown) => {
        logger.error('shutdown failed', { error: error instanceof Error ? error.message : String(error) });
        exit(1);
      },
    );
  }
  for (const signal of signals) process.once(signal, onSignal);

  return { url, port: address.port, close, closed };
}

const SWEEP_EVERY_MS = 60 * 60 * 1000;

/** Deletes the conversations older than the retention period now and every hour; returns how to stop. */
export function sweepConversations(
  store: ConversationStore,
  retentionDays: number,
  logger: Logger,
): () => void {
  const sweep = async () => {
    const cutoff = new Date(Date.now() - retentionDays * 24 * 60 * 60 * 1000);
    try {
      const removed = await store.removeUnchangedSince(cutoff);
      if (removed > 0) logger.info('conversations past their retention deleted', { removed, retentionDays });
    } catch (error) {
      logger.warn('conversation retention sweep failed', {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  };
  sweep();
  const timer = setInterval(sweep, SWEEP_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
