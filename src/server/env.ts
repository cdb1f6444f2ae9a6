// The Hono environment of the server: Node bindings (absent under app.request()) and per-request variables.
import type { HttpBindings } from '@hono/node-server';
import type { OpenAPIHono } from '@hono/zod-openapi';
import type { RequestIdVariables } from 'hono/request-id';
import type { Assistant } from '../assistant/types.ts';
import type { ConversationStore } from '../conversation/index.ts';
import type { Logger } from '../logger.ts';
import type { TurnRecorder } from './turn-recorder.ts';

export type AppEnv = {
  Bindings: Partial<HttpBindings>;
  Variables: RequestIdVariables;
};

export type App = OpenAPIHono<AppEnv>;

/** What every route module gets from createApp. */
export interface RouteContext {
  /** The assistant serving this request (it may be swapped between requests, e.g. after a reindex). */
  assistant: () => Assistant;
  logger: Logger;
  /** The clock of saved turns and conversations. */
  now: () => Date;
  /** Where conversations are kept, when the server keeps them. */
  conversations?: { store: ConversationStore; recorder: TurnRecorder };
}
