// Types of api.js.
export type ApiErrorKind = 'network' | 'http' | 'stream' | 'interrupted' | 'format';
export class ApiError extends Error {
  constructor(options: {
    kind: ApiErrorKind;
    message: string;
    status?: number;
    code?: string;
    details?: unknown;
    retryAfterSeconds?: number;
  });
  kind: ApiErrorKind;
  status: number;
  code: string;
  details: unknown;
  retryAfterSeconds: number | undefined;
}
export function errorFromResponse(response: Response): Promise<ApiError>;
export function isAbort(error: unknown): boolean;
export interface Api {
  getJson(path: string, options?: { signal?: AbortSignal; quiet?: boolean }): Promise<unknown>;
  postJson(path: string, body: unknown): Promise<unknown>;
  sendJson(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<unknown>;
  getFile(path: string, fallbackName: string): Promise<{ blob: Blob; name: string }>;
  postChat(body: unknown, options?: { signal?: AbortSignal }): Promise<Response>;
  hasApiKey(): boolean;
  setApiKey(key: string): void;
}
export function createApi(options?: {
  fetch?: typeof fetch;
  storage?: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  onReachable?: () => void;
  onUnreachable?: () => void;
}): Api;
