// Configuration from environment variables, validated once at start-up (zod), with documented defaults.
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

const environmentSchema = z.object({
  PORT: integer(3000, 0, 65535),
  HOST: optionalString.transform((value) => value ?? '127.0.0.1'),
  CORPUS_DIR: optionalString.transform((value) => value ?? DEFAULT_CORPUS_DIR),
  INDEX_DIR: optionalString.transform((value) => value ?? DEFAULT_INDEX_DIR),
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
  EMBEDDING_BASE_URL: optionalString,
  EMBEDDING_API_KEY: optionalString,
  LLM_BASE_URL: optionalString,
  LLM_MODEL: optionalString,
  LLM_API_KEY: optionalString,
  LLM_TIMEOUT_MS: integer(30_000, 100, 600_000),
  BESCHLUSS_API_KEY: optionalString,
  /** Serve beyond loopback (HOST) without BESCHLUSS_API_KEY: refused at start unless this is 1/true (then warned). */
  ALLOW_OPEN_ACCESS: optionalString.transform((value, context) => {
    if (value === undefined || ['0', 'false'].includes(value.toLowerCase())) return false;
    if (['1', 'true'].includes(value.toLowerCase())) return true;
    context.addIssue({ code: 'custom', message: `expected 1, true, 0 or false, got "${value}"` });
    return z.NEVER;
  }),
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
  LOG_LEVEL: z
    .enum(['debug', 'info', 'warn', 'error', 'silent'])
    .optional()
    .transform((value) => value ?? 'info'),
});

export type Config = z.infer<typeof environmentSchema>;

/** Reads the configuration from an environment (process.env by default); a bad value is a clear error. */
export function loadConfig(environment: Record<string, string | undefined> = process.env): Config {
  const result = environmentSchema.safeParse(environment);
  if (!result.success) {
    const problems = describeIssues(result.error.issues);
    throw new BeschlussError(
      'INVALID_REQUEST',
      `Invalid configuration in environment variables: ${problems}`,
    );
  }
  if ((result.data.LLM_BASE_URL === undefined) !== (result.data.LLM_MODEL === undefined)) {
    throw new BeschlussError(
      'INVALID_REQUEST',
      'Invalid configuration: LLM_BASE_URL and LLM_MODEL must be set together (or neither, for extractive answers).',
    );
  }
  return result.data;
}
