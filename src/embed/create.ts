// Picks the embedder (EMBEDDER=auto|transformers|openai-compatible|offline), falling back to offline where no model loads.
import { BeschlussError } from '../errors.ts';
import { createLogger, type Logger } from '../logger.ts';
import { createOpenAICompatibleEmbedder, type OpenAICompatibleEmbedderOptions } from './openai-compatible.ts';
import {
  createTransformersEmbedder,
  DEFAULT_TRANSFORMERS_MODEL,
  type EmbeddingDtype,
  type TransformersEmbedderOptions,
} from './transformers.ts';
import { type Embedder, embedderId } from './types.ts';

export const EMBEDDER_KINDS = ['auto', 'transformers', 'openai-compatible', 'offline'] as const;
export type EmbedderKind = (typeof EMBEDDER_KINDS)[number];

/** The part of src/logger.ts the factory uses. */
export type EmbedderLogger = Pick<Logger, 'info' | 'warn'>;

/** The options come from the configuration (src/config.ts: EMBEDDER, EMBEDDING_MODEL …), never from the environment. */
export interface CreateEmbedderOptions {
  /** Default "auto". */
  kind?: EmbedderKind;
  /** Model name for transformers or the server. Default: each embedder's own. */
  model?: string;
  /** Folder holding <model>/ for transformers. Default <project>/models. */
  modelDir?: string;
  /** transformers.js' cache of downloaded models. Default its own. */
  cacheDir?: string;
  /** OpenAI-compatible server; in "auto" its presence selects that embedder. */
  baseURL?: string;
  apiKey?: string;
  /** Which ONNX weights transformers loads. Default "auto" (the best file present). */
  dtype?: EmbeddingDtype;
  /** Let transformers download a missing model from the hub. Default false. */
  allowRemote?: boolean;
  /**
   * In "auto", how long transformers may take to load before the offline embedder is used. Default 30000: the bundled
   * model loads in about 1.5 s (weights checksum and a probe included); a missing one fails at once.
   */
  loadTimeoutMs?: number;
  /** Default: createLogger() from src/logger.ts (JSON lines on stderr, so stdout stays free for --json output). */
  logger?: EmbedderLogger;
  /** Seams for tests; the defaults are the real embedders. */
  createOffline?: (options?: { dimensions?: number }) => Promise<Embedder>;
  createTransformers?: (options: TransformersEmbedderOptions) => Promise<Embedder>;
  createOpenAICompatible?: (options: OpenAICompatibleEmbedderOptions) => Promise<Embedder>;
}

export interface CreatedEmbedder {
  embedder: Embedder;
  /** Set when "auto" fell back to the offline embedder: why no model could be used. */
  fallbackReason?: string;
}

async function createDefaultOffline(options?: { dimensions?: number }): Promise<Embedder> {
  // Imported on demand: the offline embedder's analyzer is only loaded when it is used.
  const { createOfflineEmbedder } = await import('./offline.ts');
  return createOfflineEmbedder(options);
}

function describeEmbedder(embedder: Embedder): string {
  return `${embedder.provider} ${embedder.modelId} (${embedder.dimensions} dimensions)`;
}

/** Resolves with the load, or rejects with a timeout error; a late load is left to finish and be collected. */
async function withinTimeout<T>(load: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new BeschlussError('EMBEDDER_UNAVAILABLE', `${what} took longer than ${timeoutMs} ms.`)),
      timeoutMs,
    );
  });
  // A load that fails after the timeout must not become an unhandled rejection.
  load.catch(() => {});
  try {
    return await Promise.race([load, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function createEmbedder(options: CreateEmbedderOptions = {}): Promise<CreatedEmbedder> {
  const {
    kind = 'auto',
    model,
    modelDir,
    cacheDir,
    baseURL,
    apiKey,
    dtype = 'auto',
    allowRemote = false,
    loadTimeoutMs = 30_000,
    logger = createLogger(),
    createOffline = createDefaultOffline,
    createTransformers = createTransformersEmbedder,
    createOpenAICompatible = createOpenAICompatibleEmbedder,
  } = options;
  if (!EMBEDDER_KINDS.includes(kind)) {
    throw new BeschlussError(
      'EMBEDDER_UNAVAILABLE',
      `Unknown embedder kind "${kind}": expected one of ${EMBEDDER_KINDS.join(', ')} (EMBEDDER).`,
      { details: { kind } },
    );
  }
  const transformersOptions: TransformersEmbedderOptions = { allowRemote, dtype };
  if (model !== undefined) transformersOptions.model = model;
  if (modelDir !== undefined) transformersOptions.modelDir = modelDir;
  if (cacheDir !== undefined) transformersOptions.cacheDir = cacheDir;
  const openAIOptions: OpenAICompatibleEmbedderOptions = {};
  if (model !== undefined) openAIOptions.model = model;
  if (baseURL !== undefined) openAIOptions.baseURL = baseURL;
  if (apiKey !== undefined) openAIOptions.apiKey = apiKey;

  const chosen = async (embedder: Embedder): Promise<CreatedEmbedder> => {
    logger.info(`Embedder: ${describeEmbedder(embedder)}`, { embedder: embedderId(embedder) });
    return { embedder };
  };

  switch (kind) {
    case 'offline':
      return chosen(await createOffline());
    case 'transformers':
      return chosen(await createTransformers(transformersOptions));
    case 'openai-compatible':
      return chosen(await createOpenAICompatible(openAIOptions));
  }

  // auto: a configured server is an explicit choice, so its failure is an error rather than a silent switch.
  if (baseURL !== undefined) return chosen(await createOpenAICompatible(openAIOptions));
  try {
    const what = `Loading the transformers model ${model ?? DEFAULT_TRANSFORMERS_MODEL}`;
    return chosen(await withinTimeout(createTransformers(transformersOptions), loadTimeoutMs, what));
  } catch (error) {
    const fallbackReason = error instanceof Error ? error.message : String(error);
    const embedder = await createOffline();
    logger.warn(
      `Embedder: no model could be loaded, using ${describeEmbedder(embedder)} instead (see fallbackReason)`,
      { embedder: embedderId(embedder), fallbackReason },
    );
    return { embedder, fallbackReason };
  }
}
