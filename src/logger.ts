// A small structured logger (JSON lines on stderr) passed to every factory that reports what it does.

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export interface LoggerOptions {
  /** Lowest level written (default "info"). */
  level?: LogLevel;
  /** Where lines go (default process.stderr). */
  write?: (line: string) => void;
  /** Human-readable lines instead of JSON (default: JSON). */
  pretty?: boolean;
}

export function createLogger(options: LoggerOptions = {}): Logger {
  const { level = 'info', write = (line: string) => process.stderr.write(line), pretty = false } = options;
  const threshold = RANK[level];
  const emit = (
    entryLevel: Exclude<LogLevel, 'silent'>,
    message: string,
    fields?: Record<string, unknown>,
  ) => {
    if (RANK[entryLevel] < threshold) return;
    if (pretty) {
      // Fields the message already spells out are not repeated on a readable line.
      const shown = Object.entries(fields ?? {}).filter(
        ([, value]) => !(typeof value === 'string' && value.length > 20 && message.includes(value)),
      );
      const extra = shown.length > 0 ? ` ${JSON.stringify(Object.fromEntries(shown))}` : '';
      write(`[${entryLevel}] ${message}${extra}\n`);
      return;
    }
    write(`${JSON.stringify({ time: new Date().toISOString(), level: entryLevel, message, ...fields })}\n`);
  };
  return {
    debug: (message, fields) => emit('debug', message, fields),
    info: (message, fields) => emit('info', message, fields),
    warn: (message, fields) => emit('warn', message, fields),
    error: (message, fields) => emit('error', message, fields),
  };
}

/** A logger that keeps its entries, for tests. */
export function createMemoryLogger(): Logger & {
  entries: Array<{ level: string; message: string } & Record<string, unknown>>;
} {
  const entries: Array<{ level: string; message: string } & Record<string, unknown>> = [];
  const push = (level: string) => (message: string, fields?: Record<string, unknown>) => {
    entries.push({ level, message, ...fields });
  };
  return { entries, debug: push('debug'), info: push('info'), warn: push('warn'), error: push('error') };
}
