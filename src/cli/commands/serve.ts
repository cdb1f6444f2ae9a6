// `beschluss serve [--port N] [--host H]`: builds the assistant and runs the HTTP server until SIGTERM/SIGINT
// (PORT and HOST from the environment work too; the flags win).
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { Assistant } from '../../assistant/types.ts';
import { type Config, conversationsDirectory, loadConfig } from '../../config.ts';
import { createPostgresConversationStore } from '../../conversation/index.ts';
import { type Database, openDatabase } from '../../database.ts';
import { createLogger, type Logger } from '../../logger.ts';
import {
  checkOpenAccess,
  createPostgresFeedbackLog,
  type RunningServer,
  startServer,
} from '../../server/index.ts';
import { type CliCommand, type CommandContext, defineCommand, parseFlags } from '../command.ts';

export type CreateAssistant = (options: {
  config: Config;
  logger: Logger;
  database?: Database;
}) => Promise<Assistant>;

export interface ServeCommandOptions {
  /** Builds the assistant (default: createAssistant of src/assistant/create.ts). */
  createAssistant?: CreateAssistant;
  /** Environment the configuration is read from (default process.env). */
  environment?: Record<string, string | undefined>;
  /** Logger (default: JSON lines on stderr at LOG_LEVEL). */
  logger?: Logger;
  /** Signals that shut the server down gracefully (default SIGTERM, SIGINT). */
  signals?: NodeJS.Signals[];
  /** Called once the server listens (tests use it to talk to the server and close it). */
  onListening?: (server: RunningServer) => void;
}

const flagsSchema = z.object({
  port: z.coerce
    .number({ error: 'expected --port to be a number' })
    .int('expected --port to be an integer')
    .min(0, 'expected --port from 0 to 65535')
    .max(65535, 'expected --port from 0 to 65535')
    .optional(),
  host: z.string().trim().min(1, 'expected --host to name an address, e.g. 127.0.0.1').optional(),
});

async function defaultCreateAssistant(options: Parameters<CreateAssistant>[0]): Promise<Assistant> {
  // Loaded on use: building the assistant pulls in the index, the embedder and the answerer.
  const { createAssistant } = await import('../../assistant/create.ts');
  return createAssistant(options);
}

async function runServe(
  flags: { port?: string; host?: string },
  command: Command,
  context: CommandContext,
  options: ServeCommandOptions,
): Promise<void> {
  const { port, host } = parseFlags(flagsSchema, flags, command);
  const base = loadConfig(options.environment);
  const config: Config = {
    ...base,
    ...(port !== undefined ? { PORT: port } : {}),
    ...(host !== undefined ? { HOST: host } : {}),
  };
  const logger = options.logger ?? createLogger({ level: config.LOG_LEVEL ?? 'info' });
  // Before the database opens, the model loads and the index builds: a refusal should not take seconds.
  checkOpenAccess(config, logger);
  // With DATABASE_URL one pool serves the index, feedback and conversation stores of this server.
  const database =
    config.DATABASE_URL === undefined
      ? undefined
      : await openDatabase({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, logger });
  let server: RunningServer;
  try {
    const assistant = await (options.createAssistant ?? defaultCreateAssistant)({
      config,
      logger,
      ...(database ? { database } : {}),
    });
    try {
      server = await startServer({
        assistant,
        config,
        logger,
        signals: options.signals ?? ['SIGTERM', 'SIGINT'],
        ...(database
          ? {
              feedback: createPostgresFeedbackLog(database),
              conversations: createPostgresConversationStore(database),
            }
          : {
              feedbackFile: path.join(config.INDEX_DIR, 'feedback.jsonl'),
              conversationsDirectory: conversationsDirectory(config),
            }),
        conversationRetentionDays: config.CONVERSATION_RETENTION_DAYS,
      });
    } catch (error) {
      await assistant.close();
      throw error;
    }
  } catch (error) {
    await database?.close();
    throw error;
  }
  context.stdout(`Beschluss-Assistent läuft: ${server.url}\n`);
  options.onListening?.(server);
  await server.closed;
  await database?.close();
}

export function createServeCommand(options: ServeCommandOptions = {}): CliCommand {
  return defineCommand('serve', (command, context) => {
    command
      .description('run the HTTP server (web page, /api, OpenAI-compatible /v1); PORT and HOST env work too')
      .option('--port <n>', 'port to listen on (default PORT or 3000; 0 = any free port)')
      .option('--host <address>', 'address to listen on (default HOST or 127.0.0.1)')
      .action((flags: { port?: string; host?: string }) => runServe(flags, command, context, options));
  });
}

export const serveCommand: CliCommand = createServeCommand();
