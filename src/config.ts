// Configuration from environment variables, read and validated here once at start-up (zod), with documented defaults;
// every other module gets the typed Config passed down and never reads process.env itself.
import path from 'node:path';
import { z } from 'zod';
import { EMBEDDING_DTYPES } from './embed/index.ts';
import { BeschlussError, describeIssues } from './errors.ts';
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_DIR } from './paths.ts';

const optionalString = z
  .string()
  .optional()
  .transform((value) => (value === undefined || value.trim() === '' ? undefined : value.trim()));

const integer = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((value, context) => {
      if (value === undefined || value.trim() === '') return fallback;
      const number = Number(value);
      if (!Number.isInteger(number) || number < min || number > max) {
        context.addIssue({
          code: 'custom',
          message: `expected an integer from ${min} to ${max}, got "${value}"`,
        });
        return z.NEVER;
      }
      return number;
    });

const flag = z
  .string()
  .optional()
  .transform((value, context) => {
    const normal = (value ?? '').trim().toLowerCase();
    if (['', '0', 'false', 'no'].includes(normal)) return false;
    if (['1', 'true', 'yes'].includes(normal)) return true;
    context.addIssue({ code: 'custom', message: `expected 1, true, yes, 0, false or no, got "${value}"` });
    return z.NEVER;
  });

const environmentSchema = z.object({
  PORT: integer(3000, 0, 65535),
  HOST: optionalString.transform((value) => value ?? '127.0.0.1'),
  CORPUS_DIR: optionalString.transform((value) => value ?? DEFAULT_CORPUS_DIR),
  INDEX_DIR: optionalString.transform((value) => value ?? DEFAULT_INDEX_DIR),
  /** Where saved conversations are kept (default: <INDEX_DIR>/conversations, beside feedback.jsonl). */
  CONVERSATIONS_DIR: optionalString,
  /** Days a conversation is kept after its last change; 0 = for good. */
  CONVERSATION_RETENTION_DAYS: integer(365, 0, 36_500),
  /** auto | transformers | openai-compatible | offline */
  EMBEDDER: z
    .enum(['auto', 'transformers', 'openai-compatible', 'offline'])
    .optional()
    .transform((value) => value ?? 'auto'),
  EMBEDDING_MODEL: optionalString,
  /** Which ONNX weights transformers.js loads: auto (the best file present) or a dtype (fp32, q8, q4 …). */
  EMBEDDING_DTYPE: z
    .enum(EMBEDDING_DTYPES)
    .optional()
    .transform((value) => value ?? 'auto'),
  MODEL_DIR: optionalString,
  /** Let transformers.js download a missing model from the Hugging Face hub once ("true" or "1"). */
  EMBEDDING_ALLOW_REMOTE: flag,
  /** transformers.js' cache folder for downloaded models (default its own). */
  TRANSFORMERS_CACHE: optionalString,
  EMBEDDING_BASE_URL: optionalString,
  EMBEDDING_API_KEY: optionalString,
  LLM_BASE_URL: optionalString,
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
  LLM_TIMEOUT_MS: integer(30_000, 100, 600_000),
  BESCHLUSS_API_KEY: optionalString,
  /** Serve beyond loopback (HOST) without BESCHLUSS_API_KEY: refused at start unless this is on (then warned). */
  ALLOW_OPEN_ACCESS: flag,
  /** Comma-separated list of allowed origins; empty = CORS off. */
  CORS_ORIGINS: optionalString.transform((value) =>
    value === undefined
      ? []
      : value
          .split(',')
          .map((origin) => origin.trim())
          .filter(Boolean),
  ),
  /** Requests per minute per client on /api and /v1; 0 = off. */
  RATE_LIMIT_PER_MINUTE: integer(0, 0, 1_000_000),
  /** What to do at start when the index is corrupt: rebuild it, or refuse to start. */
  INDEX_ON_CORRUPT: z
    .enum(['rebuild', 'fail'])
    .optional()
    .transform((value) => value ?? 'rebuild'),
  /** Unset: the server logs at info, the CLI commands at warn (their output is the result). */
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).optional(),
  /**
   * postgresql://user:password@host:port/database: index, feedback and conversations live in this PostgreSQL (with
   * pgvector), shared by every server that names it; unset: files in INDEX_DIR (the embedded default).
   */
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(?:ql)?:\/\/\S+$/, 'expected a URL such as postgresql://user@host:5432/database')
      .optional(),
  ),
  /** Connections each server keeps to DATABASE_URL at most. */
  DATABASE_POOL_SIZE: integer(10, 1, 1000),
  /**
   * How often a server asks the database whether another one switched the index version, besides being notified
   * (LISTEN/NOTIFY), so a lost notification delays a switch by this much at most.
   */
  INDEX_POLL_MS: integer(2000, 100, 600_000),
  /** Set by npm to the script it runs (`npm run eval` names itself in the report). */
  npm_lifecycle_event: optionalString,
});

export type Config = z.infer<typeof environmentSchema>;

/**
 * Reads the configuration from an environment (process.env by default); a bad value is an INVALID_CONFIGURATION
 * error naming the variable, raised at start-up.
 */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const result = environmentSchema.safeParse(environment);
  if (!result.success) {
    const problems = describeIssues(result.error.issues);
    throw new BeschlussError(
      'INVALID_CONFIGURATION',
      `Invalid configuration in environment variables: ${problems}`,
      { details: { variables: [...new Set(result.error.issues.map((issue) => String(issue.path[0])))] } },
    );
  }
  if ((result.data.LLM_BASE_URL === undefined) !== (result.data.LLM_MODEL === undefined)) {
    throw new BeschlussError(
      'INVALID_CONFIGURATION',
      'Invalid configuration: LLM_BASE_URL and LLM_MODEL must be set together (or neither, for extractive answers).',
    );
  }
  return result.data;
}

/** The folder of saved conversations: CONVERSATIONS_DIR, or <INDEX_DIR>/conversations. */
export function conversationsDirectory(config: Pick<Config, 'CONVERSATIONS_DIR' | 'INDEX_DIR'>): string {
  return config.CONVERSATIONS_DIR ?? path.join(config.INDEX_DIR, 'conversations');
}
