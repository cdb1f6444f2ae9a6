// Requests the benchmark sends to its worker processes and what each answers (one typed map for both ends).

import type { BackendBuildRequest, BackendBuildResult } from './sections/backends.ts';
import type {
  AskInProcessRequest,
  AskInProcessResult,
  MemoryRequest,
  MemoryResult,
  ServerStartRequest,
  ServerStartResult,
  StoreServerRequest,
  StoreServerResult,
} from './sections/bench-server.ts';
import type { RealBuildRequest, RealBuildResult } from './sections/real-build.ts';
import type { RealQueryRequest, RealQueryResult } from './sections/real-query.ts';
import type { StartupRequest, StartupResult } from './sections/startup.ts';
import type { SyntheticBuildRequest, SyntheticBuildResult } from './sections/synthetic-build.ts';
import type { SyntheticQueryRequest, SyntheticQueryResult } from './sections/synthetic-query.ts';

export interface WorkerProtocol {
  'real-build': { request: RealBuildRequest; response: RealBuildResult };
  startup: { request: StartupRequest; response: StartupResult };
  'real-query': { request: RealQueryRequest; response: RealQueryResult };
  'synthetic-build': { request: SyntheticBuildRequest; response: SyntheticBuildResult };
  'synthetic-query': { request: SyntheticQueryRequest; response: SyntheticQueryResult };
  'server-start': { request: ServerStartRequest; response: ServerStartResult };
  'backend-build': { request: BackendBuildRequest; response: BackendBuildResult };
  'server-start-store': { request: StoreServerRequest; response: StoreServerResult };
  'server-ask': { request: AskInProcessRequest; response: AskInProcessResult };
  'server-memory': { request: MemoryRequest; response: MemoryResult };
  'server-close': { request: Record<string, never>; response: null };
}

export type WorkerRequestType = keyof WorkerProtocol;

export interface WorkerRequestMessage {
  id: number;
  type: WorkerRequestType;
  payload: unknown;
}

export type WorkerReplyMessage =
  | { id: number; ok: true; response: unknown }
  | { id: number; ok: false; error: { message: string; stack?: string } };
