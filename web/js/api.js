// The page's HTTP client: JSON GETs and the chat POST, the server's { error: { code, message } } as ApiError, and the
// API key (sent as a Bearer token when the server requires one).

/**
 * A failed request. kind: "network" (no response), "http" (an error status), "stream" (the server reported an error
 * inside the answer stream), "interrupted" (the stream ended early), "format" (a response the page cannot read).
 */
export class ApiError extends Error {
  constructor({ kind, message, status = 0, code = '', details, retryAfterSeconds }) {
    super(message);
    this.name = 'ApiError';
    this.kind = kind;
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** The ApiError a non-2xx response stands for, with the server's code and message when it sent them. */
export async function errorFromResponse(response) {
  let code = '';
  let message = `${response.status} ${response.statusText}`.trim();
  let details;
  try {
    const body = await response.json();
    if (body && typeof body.error?.message === 'string') {
      message = body.error.message;
      code = typeof body.error.code === 'string' ? body.error.code : '';
      details = body.error.details;
    }
  } catch {
    // Not JSON (a proxy's error page): the status line is all there is.
  }
  const retryAfter = Number.parseInt(response.headers.get('retry-after') ?? '', 10);
  return new ApiError({
    kind: 'http',
    status: response.status,
    code,
    message,
    details,
    retryAfterSeconds: Number.isFinite(retryAfter) ? retryAfter : undefined,
  });
}

export function isAbort(error) {
  return error instanceof DOMException && error.name === 'AbortError';
}

const API_KEY_ITEM = 'beschluss-assistent.api-key';

/**
 * @param {{ fetch?: typeof fetch, storage?: Storage, onReachable?: () => void, onUnreachable?: () => void }} [options]
 *   fetch defaults to the window's; storage (where the API key is kept for the browser session) defaults to
 *   sessionStorage; onReachable / onUnreachable hear whether each request reached the server (the status line).
 */
export function createApi(options = {}) {
  const {
    fetch: send = (...rest) => globalThis.fetch(...rest),
    storage = globalThis.sessionStorage,
    onReachable = () => {},
    onUnreachable = () => {},
  } = options;

  // Storage can be switched off (private modes); the page then just asks again.
  const read = () => {
    try {
      return storage?.getItem(API_KEY_ITEM) ?? undefined;
    } catch {
      return undefined;
    }
  };
  const write = (key) => {
    try {
      if (key) storage?.setItem(API_KEY_ITEM, key);
      else storage?.removeItem(API_KEY_ITEM);
    } catch {
      // Not kept; requests go without a key.
    }
  };

  function headers(extra = {}) {
    const key = read();
    return key ? { ...extra, Authorization: `Bearer ${key}` } : extra;
  }

  /** `quiet` requests (the status line's own checks) do not report reachability. */
  async function request(path, init, quiet = false) {
    let response;
    try {
      response = await send(path, init);
    } catch (error) {
      if (isAbort(error)) throw error;
      if (!quiet) onUnreachable();
      throw new ApiError({
        kind: 'network',
        message: error instanceof Error ? error.message : String(error),
      });
    }
    if (!quiet) onReachable();
    if (!response.ok) throw await errorFromResponse(response);
    return response;
  }

  /** Sends `body` (JSON, or nothing) with `method` and extra headers; returns the JSON answer. */
  async function sendJson(method, path, body, extraHeaders = {}) {
    const response = await request(path, {
      method,
      headers: headers({
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
        Accept: 'application/json',
        ...extraHeaders,
      }),
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return response.json();
  }

  return {
    async getJson(path, { signal, quiet = false } = {}) {
      const response = await request(
        path,
        { headers: headers({ Accept: 'application/json' }), signal },
        quiet,
      );
      try {
        return await response.json();
      } catch {
        throw new ApiError({
          kind: 'format',
          status: response.status,
          message: `${path} lieferte kein JSON.`,
        });
      }
    },
    /** POSTs a JSON body and returns the JSON answer. */
    postJson: (path, body) => sendJson('POST', path, body),
    sendJson,
    /** GETs a file (e.g. a Word export): { blob, name } with the name the server gives it. */
    async getFile(path, fallbackName) {
      const response = await request(path, { headers: headers() });
      const disposition = response.headers.get('content-disposition') ?? '';
      const name = /filename="([^"]+)"/.exec(disposition)?.[1] ?? fallbackName;
      return { blob: await response.blob(), name };
    },
    /** POSTs to /api/chat and returns the streaming response (status already checked). */
    async postChat(body, { signal } = {}) {
      return request('/api/chat', {
        method: 'POST',
        headers: headers({ 'Content-Type': 'application/json', Accept: 'text/event-stream' }),
        body: JSON.stringify(body),
        signal,
      });
    },
    hasApiKey() {
      return Boolean(read());
    },
    setApiKey(key) {
      write(key);
    },
  };
}
