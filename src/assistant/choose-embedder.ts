// Picks the embedder the configuration asks for; "auto" falls back to the offline one (over the loaded lexicon).
import type { Analyzer } from '../analysis/index.ts';
import type { Config } from '../config.ts';
import {
  type CreatedEmbedder,
  type CreateEmbedderOptions,
  createEmbedder,
  createOfflineEmbedder,
} from '../embed/index.ts';
import type { Logger } from '../logger.ts';

/** The embedder settings of the configuration, as the embedder factory takes them. */
export function embedderSettingsOf(
  config: Config,
): Pick<
  CreateEmbedderOptions,
  'kind' | 'model' | 'dtype' | 'modelDir' | 'cacheDir' | 'baseURL' | 'apiKey' | 'allowRemote'
> {
  return {
    kind: config.EMBEDDER,
    ...(config.EMBEDDING_MODEL ? { model: config.EMBEDDING_MODEL } : {}),
    dtype: config.EMBEDDING_DTYPE,
    ...(config.MODEL_DIR ? { modelDir: config.MODEL_DIR } : {}),
    ...(config.TRANSFORMERS_CACHE ? { cacheDir: config.TRANSFORMERS_CACHE } : {}),
    ...(config.EMBEDDING_BASE_URL ? { baseURL: config.EMBEDDING_BASE_URL } : {}),
    ...(config.EMBEDDING_API_KEY ? { apiKey: config.EMBEDDING_API_KEY } : {}),
    allowRemote: config.EMBEDDING_ALLOW_REMOTE,
  };
}

export function chooseEmbedder(options: {
  config: Config;
  logger: Logger;
  analyzer: Analyzer;
}): Promise<CreatedEmbedder> {
  const { config, logger, analyzer } = options;
  return createEmbedder({
    ...embedderSettingsOf(config),
    logger,
    createOffline: (offlineOptions) => createOfflineEmbedder({ ...offlineOptions, analyzer }),
  });
}
