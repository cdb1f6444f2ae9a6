// Requests the benchmark sends to its worker processes and what each answers (one typed map for both ends).
import type {
  AskInProcessRequest,
  AskInProcessResult,
  MemoryRequest,
  MemoryResult,
  ServerStartRequest,
  ServerStartResult,
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
