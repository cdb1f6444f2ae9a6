// Builds the assistant for a CLI command from the environment, with build progress on stderr.
import type { Assistant } from '../assistant/types.ts';
import { type Config, loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import type { CliIo } from './command.ts';
import { createProgressReporter } from './progress.ts';

export interface LoadAssistantOptions {
  environment?: Record<string, string | undefined>;
  overrides?: Partial<Config>;
}

export async function loadAssistant(io: CliIo, options: LoadAssistantOptions = {}): Promise<Assistant> {
  const config = { ...loadConfig(options.environment), ...options.overrides };
  // Commands print results on stdout; everything else (logs, progress) goes to stderr, warnings only by default.
  const logger = createLogger({
    level: config.LOG_LEVEL ?? 'warn',
    pretty: true,
    write: io.stderr,
  });
  const progress = createProgressReporter();
  const { createAssistant } = await import('../assistant/create.ts');
  try {
    return await createAssistant({ config, logger, onProgress: (event) => progress.onProgress(event) });
  } finally {
    progress.stop();
  }
}
