// Picks the embedder the configuration asks for; "auto" falls back to the offline one (over the loaded lexicon).
import type { Analyzer } from '../analysis/index.ts';
import type { Config } from '../config.ts';
import { type CreatedEmbedder, createEmbedder, createOfflineEmbedder } from '../embed/index.ts';
import type { Logger } from '../logger.ts';

export function chooseEmbedder(options: {
  config: Config;
  logger: Logger;
  analyzer: Analyzer;
  environment?: Record<string, string | undefined>;
}): Promise<CreatedEmbedder> {
  const { config, logger, analyzer } = options;
  return createEmbedder({
    kind: config.EMBEDDER,
    ...(config.EMBEDDING_MODEL ? { model: config.EMBEDDING_MODEL } : {}),
    dtype: config.EMBEDDING_DTYPE,
    ...(config.MODEL_DIR ? { modelDir: config.MODEL_DIR } : {}),
    ...(config.EMBEDDING_BASE_URL ? { baseURL: config.EMBEDDING_BASE_URL } : {}),
    ...(config.EMBEDDING_API_KEY ? { apiKey: config.EMBEDDING_API_KEY } : {}),
    environment: options.environment ?? process.env,
    logger,
    createOffline: (offlineOptions) => createOfflineEmbedder({ ...offlineOptions, analyzer }),
  });
}
