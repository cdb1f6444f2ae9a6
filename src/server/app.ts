// The HTTP app: middleware (request id, log, security headers, CORS, 405, web files, rate limit, API key, body limit),
// the routes of DESIGN.md, the OpenAI-compatible endpoints, the API docs and the one error handler.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { methodNotAllowed } from 'hono/method-not-allowed';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import type { Assistant } from '../assistant/types.ts';
import type { Config } from '../config.ts';
import type { ConversationStore } from '../conversation/index.ts';
import type { Logger } from '../logger.ts';
import { PROJECT_ROOT, WEB_DIR } from '../paths.ts';
import { clientAddress } from './client-address.ts';
import type { App, AppEnv, RouteContext } from './env.ts';
import { createErrorHandler, errorResponse } from './error-response.ts';
import type { FeedbackLog } from './feedback-log.ts';
import { apiKeyAuth } from './middleware/api-key.ts';
import { rateLimit } from './middleware/rate-limit.ts';
import { requestLog } from './middleware/request-log.ts';
import { staticFiles } from './middleware/static-files.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerAskRoute } from './routes/ask.ts';
import { registerChatRoute } from './routes/chat.ts';
import { registerConversationRoutes } from './routes/conversations.ts';
import { registerDocsRoutes } from './routes/docs.ts';
import { registerFeedbackRoute } from './routes/feedback.ts';
import { registerHealthRoute } from './routes/health.ts';
import { registerItemsRoute } from './routes/items.ts';
import { registerOpenAIRoutes } from './routes/openai.ts';
import { registerSearchRoute } from './routes/search.ts';
import { registerUnitRoutes } from './routes/units.ts';
import { createTurnRecorder } from './turn-recorder.ts';
import { throwOnInvalid } from './validation.ts';

export type ServerConfig = Pick<Config, 'BESCHLUSS_API_KEY' | 'CORS_ORIGINS' | 'RATE_LIMIT_PER_MINUTE'>;

export interface CreateAppOptions {
  /** The assistant, or a function returning the current one (read once per request). */
  assistant: Assistant | (() => Assistant);
  logger: Logger;
  config: ServerConfig;
  /** Folder served at "/" (default: the project's web/). */
  webDirectory?: string;
  /** Largest request body in bytes where no larger limit applies (default 64 KiB). */
  maxBodyBytes?: number;
  /**
   * Largest body of the endpoints that carry a conversation: /api/ask (its largest valid request, 2000 + 20 × 4000
   * characters, exceeds 64 KiB), /api/chat and /v1/chat/completions (whole transcripts). Default 1 MiB.
   */
  maxConversationBytes?: number;
  /** Where POST /api/feedback appends (`beschluss serve`: <INDEX_DIR>/feedback.jsonl); without it the route is 503. */
  feedback?: FeedbackLog;
  /**
   * Where conversations are kept (`beschluss serve`: files in CONVERSATIONS_DIR); without it turns are not saved and
   * /api/conversations is 503.
   */
  conversations?: ConversationStore;
  /** Clock of the rate limiter and of saved conversations, in milliseconds (default Date.now). */
  now?: () => number;
  /** Clients the rate limiter remembers at most (default 10 000). */
  maxRateLimitedClients?: number;
}

const CONVERSATION_PATHS = new Set(['/api/ask', '/api/chat', '/v1/chat/completions']);

/** The API lives under /api and /v1; every other path is a file of the web page. */
export function isApiPath(requestPath: string): boolean {
  return /^\/(?:api|v1)(?:\/|$)/.test(requestPath);
}

/** Paths that need no API key: the health check and the API documentation (the web page is outside /api). */
export function isOpenApiPath(requestPath: string): boolean {
  return (
    requestPath === '/api/health' ||
    requestPath === '/api/openapi.json' ||
    requestPath === '/api/docs' ||
    requestPath.startsWith('/api/docs/')
  );
}

/** A shared conversation's address, /c/<id>: the page (index.html) opens it; a wrong id it explains itself. */
export function isConversationPage(requestPath: string): boolean {
  return /^\/c\/[^/]{1,200}$/.test(requestPath);
}

function onlyForApi(middleware: MiddlewareHandler<AppEnv>): MiddlewareHandler<AppEnv> {
  return (c, next) => (isApiPath(c.req.path) ? middleware(c, next) : next());
}

function readVersion(): string {
  try {
    const manifest = JSON.parse(readFileSync(path.join(PROJECT_ROOT, 'package.json'), 'utf8')) as {
      version?: string;
    };
    return manifest.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export function createApp(options: CreateAppOptions): App {
  const {
    assistant,
    logger,
    config,
    webDirectory = WEB_DIR,
    maxBodyBytes = 64 * 1024,
    maxConversationBytes = 1024 * 1024,
    now,
    maxRateLimitedClients = 10_000,
    feedback,
    conversations,
  } = options;
  const currentAssistant = typeof assistant === 'function' ? assistant : () => assistant;
  const clock = () => new Date(now?.() ?? Date.now());
  const context: RouteContext = { assistant: currentAssistant, logger, now: clock };
  if (conversations) {
    const recorder = createTurnRecorder({
      store: conversations,
      health: () => currentAssistant().health(),
      now: clock,
    });
    context.conversations = { store: conversations, recorder };
  }
  const apiKey = config.BESCHLUSS_API_KEY;

  const app: App = new OpenAPIHono<AppEnv>({ defaultHook: throwOnInvalid });

  app.use(requestId());
  // A served file of the page is routine; a missing one, and every API request, is worth a line at info.
  app.use(requestLog(logger, { isRoutine: (path, status) => !isApiPath(path) && status < 400 }));
  app.use(
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    }),
  );
  if (config.CORS_ORIGINS.length > 0) {
    app.use(
      onlyForApi(
        cors({
          origin: [...config.CORS_ORIGINS],
          allowMethods: ['GET', 'HEAD', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
          allowHeaders: ['Content-Type', 'Authorization', 'X-Conversation-Key'],
          exposeHeaders: ['X-Request-Id', 'Retry-After', 'x-vercel-ai-ui-message-stream'],
          maxAge: 600,
        }),
      ),
    );
  }
  app.use(
    methodNotAllowed<AppEnv>({
      app,
      onMethodNotAllowed: (c, methods) =>
        errorResponse(
          c,
          'METHOD_NOT_ALLOWED',
          `${c.req.method} is not allowed on ${c.req.path}; allowed: ${methods.join(', ')}.`,
          {
            headers: { Allow: methods.join(', ') },
          },
        ),
    }),
  );
  app.use(staticFiles({ root: webDirectory, isExcluded: isApiPath, isPage: isConversationPage }));
  if (config.RATE_LIMIT_PER_MINUTE > 0) {
    app.use(
      onlyForApi(
        rateLimit({
          perMinute: config.RATE_LIMIT_PER_MINUTE,
          key: (c) => clientAddress(c) ?? 'unknown',
          isExempt: (requestPath) => requestPath === '/api/health',
          maxClients: maxRateLimitedClients,
          ...(now ? { now } : {}),
        }),
      ),
    );
  }
  if (apiKey !== undefined) app.use(onlyForApi(apiKeyAuth({ apiKey, isOpen: isOpenApiPath })));
  const tooLarge = (limit: number) => (c: Context<AppEnv>) =>
    errorResponse(c, 'PAYLOAD_TOO_LARGE', `Expected a request body of at most ${limit} bytes.`);
  const smallBodies = bodyLimit({ maxSize: maxBodyBytes, onError: tooLarge(maxBodyBytes) });
  const conversationBodies = bodyLimit({
    maxSize: maxConversationBytes,
    onError: tooLarge(maxConversationBytes),
  });
  app.use(
    onlyForApi((c, next) =>
      CONVERSATION_PATHS.has(c.req.path) ? conversationBodies(c, next) : smallBodies(c, next),
    ),
  );

  registerHealthRoute(app, context);
  registerAskRoute(app, context);
  registerChatRoute(app, context);
  registerSearchRoute(app, context);
  registerUnitRoutes(app, context);
  registerItemsRoute(app, context);
  registerFeedbackRoute(app, context, feedback);
  registerConversationRoutes(app, context);
  registerAdminRoutes(app, context, { apiKeyRequired: apiKey !== undefined });
  registerOpenAIRoutes(app, context);
  registerDocsRoutes(app, { version: readVersion(), apiKeyRequired: apiKey !== undefined });

  app.notFound((c) =>
    errorResponse(
      c,
      'NOT_FOUND',
      isApiPath(c.req.path)
        ? `No endpoint ${c.req.method} ${c.req.path}; the API is described at /api/docs.`
        : `No file at ${c.req.path}.`,
    ),
  );
  app.onError(createErrorHandler(logger));
  return app;
}
