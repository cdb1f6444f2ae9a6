// Runs the app on a Node HTTP server (PORT, HOST) and shuts it down gracefully: stop accepting, let requests in flight
// finish (for at most shutdownTimeoutMs), then close the assistant.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import type { Assistant } from '../assistant/types.ts';
import type { Config } from '../config.ts';
import { BeschlussError } from '../errors.ts';
import type { Logger } from '../logger.ts';
import { createApp, type ServerConfig } from './app.ts';
import { answerClientErrors } from './client-errors.ts';
import { createFeedbackLog } from './feedback-log.ts';
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
  /** Where POST /api/feedback appends when the app is built here. */
  feedbackFile?: string;
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
  if (!app) {
    if (!assistant) throw new TypeError('startServer needs an app or an assistant.');
    app = createApp({
      assistant,
      logger,
      config,
      ...(options.feedbackFile
        ? {
            feedback: createFeedbackLog({
              file: options.feedbackFile,
              onRepair: (repair) => logger.warn('feedback log: cut a torn last line left by a crash', repair),
            }),
          }
        : {}),
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
          'INVALID_REQUEST',
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
