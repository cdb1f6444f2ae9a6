// Turns failures of an OpenAI-compatible embeddings call into BeschlussErrors that say what went wrong and where.
import { APICallError } from '@ai-sdk/provider';
import { BeschlussError } from '../errors.ts';

export interface EmbeddingCallContext {
  model: string;
  /** The embeddings URL that was called. */
  url: string;
  timeoutMs: number;
  /** True when our own timeout (not the caller's abort signal) ended the call. */
  timedOut: boolean;
}

const BODY_EXCERPT_LENGTH = 200;

function excerpt(body: string | undefined): string {
  if (body === undefined || body.trim() === '') return '(empty body)';
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > BODY_EXCERPT_LENGTH ? `${flat.slice(0, BODY_EXCERPT_LENGTH)}…` : flat;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Server down, unreachable or silent: EMBEDDER_UNAVAILABLE; a server that answered wrongly: EMBEDDER_FAILED. */
export function toEmbedderError(error: unknown, context: EmbeddingCallContext): BeschlussError {
  if (BeschlussError.is(error)) return error;
  const { model, url, timeoutMs } = context;
  const details: Record<string, unknown> = { model, url };
  if (context.timedOut) {
    return new BeschlussError(
      'EMBEDDER_UNAVAILABLE',
      `Embedding server at ${url} did not answer within ${timeoutMs} ms (model "${model}").`,
      { details: { ...details, timeoutMs }, cause: error },
    );
  }
  if (APICallError.isInstance(error)) {
    const status = error.statusCode;
    if (status === undefined) {
      return new BeschlussError(
        'EMBEDDER_UNAVAILABLE',
        `Cannot reach the embedding server at ${url}: ${error.message}. Is it running, and is EMBEDDING_BASE_URL right?`,
        { details, cause: error },
      );
    }
    details.status = status;
    if (status >= 200 && status < 300) {
      return new BeschlussError(
        'EMBEDDER_FAILED',
        `Embedding server at ${url} answered HTTP ${status} with an invalid body (expected JSON ` +
          `{ "data": [ { "embedding": number[] } ] }): ${excerpt(error.responseBody)}`,
        { details, cause: error },
      );
    }
    const hint =
      status === 401 || status === 403
        ? ' Check EMBEDDING_API_KEY.'
        : status === 404
          ? ` Check that the base URL is right (it usually ends in /v1) and that the server has model "${model}".`
          : '';
    return new BeschlussError(
      'EMBEDDER_FAILED',
      `Embedding server at ${url} answered HTTP ${status} for model "${model}": ${excerpt(error.responseBody)}.${hint}`,
      { details, cause: error },
    );
  }
  return new BeschlussError(
    'EMBEDDER_FAILED',
    `Embedding call to ${url} (model "${model}") failed: ${messageOf(error)}`,
    { details, cause: error },
  );
}
