// Typed errors with stable codes; the server maps them to HTTP statuses in one place (server/error-response.ts).

export const ERROR_STATUS = {
  // caller's fault
  INVALID_REQUEST: 400,
  INVALID_JSON: 400,
  INVALID_REFERENCE: 400,
  AMBIGUOUS_REFERENCE: 400,
  QUESTION_TOO_LONG: 400,
  HISTORY_TOO_LONG: 400,
  UNSUPPORTED_MEDIA_TYPE: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  UNIT_NOT_FOUND: 404,
  MEETING_NOT_FOUND: 404,
  MODEL_NOT_FOUND: 404,
  /** No conversation has this id (never saved, deleted, or past its retention). */
  CONVERSATION_NOT_FOUND: 404,
  /** The conversation holds as many turns as a conversation may. */
  CONVERSATION_FULL: 409,
  /** A conversation with this id exists already (continuing a shared one under a key used before). */
  CONVERSATION_EXISTS: 409,
  METHOD_NOT_ALLOWED: 405,
  /** The client sent its request too slowly (Node's request timeout). */
  REQUEST_TIMEOUT: 408,
  URI_TOO_LONG: 414,
  HEADERS_TOO_LARGE: 431,
  RATE_LIMITED: 429,
  // bad input files
  FILE_NOT_FOUND: 400,
  FILE_EMPTY: 422,
  FILE_BINARY: 422,
  FILE_ENCODING: 422,
  FILE_NO_ITEMS: 422,
  FILE_NO_MEETING_DATE: 422,
  FILE_DUPLICATE_ITEM: 422,
  FILE_UNSUPPORTED: 422,
  PDF_INVALID: 422,
  CORPUS_EMPTY: 422,
  EVAL_SET_INVALID: 422,
  CORPUS_DUPLICATE_MEETING: 422,
  // the installation's state
  INDEX_MISSING: 503,
  INDEX_CORRUPT: 503,
  INDEX_MISMATCH: 503,
  /** An index file in another format version than this program reads (another release wrote it, or damage). */
  INDEX_VERSION: 503,
  INDEX_BUSY: 503,
  /** An environment variable has a bad value: the server does not start (never a caller's 400). */
  INVALID_CONFIGURATION: 500,
  /** The database of DATABASE_URL cannot be reached or refused a statement. */
  DATABASE_UNAVAILABLE: 503,
  /** A file the project ships (data/, prompts/) is missing or unreadable: reinstall. */
  INSTALLATION_INCOMPLETE: 500,
  /** The server was started without a place to keep feedback. */
  FEEDBACK_UNAVAILABLE: 503,
  /** The server was started without a place to keep conversations. */
  CONVERSATIONS_UNAVAILABLE: 503,
  /** A stored conversation cannot be read. */
  CONVERSATION_CORRUPT: 500,
  /** Nothing was written: the disk is full (ENOSPC, EDQUOT). */
  STORAGE_FULL: 507,
  /** Nothing was written: the storage is read-only or not writable (EROFS, EACCES, EPERM). */
  STORAGE_READ_ONLY: 503,
  /** Nothing was written: the folder to write into is missing (ENOENT, ENOTDIR). */
  STORAGE_FOLDER_MISSING: 503,
  EMBEDDER_UNAVAILABLE: 503,
  EMBEDDER_FAILED: 502,
  LLM_FAILED: 502,
  LLM_TIMEOUT: 504,
  /** The server an evaluation runs against (beschluss eval --url) failed or answered something unexpected. */
  EVAL_TARGET_FAILED: 502,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class BeschlussError extends Error {
  override readonly name = 'BeschlussError';
  readonly code: ErrorCode;
  /** Extra machine-readable context (file, expected, received …). */
  readonly details: Record<string, unknown> | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: Record<string, unknown>; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.code = code;
    this.details = options.details;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }

  static is(error: unknown, code?: ErrorCode): error is BeschlussError {
    return error instanceof BeschlussError && (code === undefined || error.code === code);
  }
}

/** A schema's validation issues as one line for an error message: "path: message; path: message". */
export function describeIssues(
  issues: ReadonlyArray<{ path: readonly PropertyKey[]; message: string }>,
): string {
  return issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
}
