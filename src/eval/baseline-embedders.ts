// Which embedders the baselines compare: offline always, transformers when a model loads, an OpenAI-compatible
// server when EMBEDDING_BASE_URL is set; each one that cannot be used is listed with the reason.
import type { Analyzer } from '../analysis/index.ts';
import { createEmbedder, type EmbedderLogger } from '../embed/create.ts';
import { createOfflineEmbedder } from '../embed/offline.ts';
import type { Embedder } from '../embed/types.ts';
import type { UnavailableEmbedder } from './baselines.ts';

export interface BaselineEmbeddersOptions {
  analyzer: Analyzer;
  /** Where EMBEDDING_MODEL, MODEL_DIR, EMBEDDING_BASE_URL … are read (default process.env). */
  environment?: Record<string, string | undefined>;
  logger: EmbedderLogger;
  /** The main run's embedder: reused for its provider rather than loaded a second time. */
  main?: Embedder;
  /** Seam for tests: creates an embedder of a kind (default: createEmbedder of src/embed/create.ts). */
  create?: (kind: 'transformers' | 'openai-compatible') => Promise<Embedder>;
}

export async function baselineEmbedders(
  options: BaselineEmbeddersOptions,
): Promise<{ embedders: Embedder[]; unavailable: UnavailableEmbedder[] }> {
  const { analyzer, logger, main, environment = process.env } = options;
  const create =
    options.create ??
    (async (kind: 'transformers' | 'openai-compatible') =>
      (await createEmbedder({ kind, environment, logger })).embedder);
  const embedders: Embedder[] = [];
  const unavailable: UnavailableEmbedder[] = [];
  const reuse = (provider: string) => (main?.provider === provider ? main : undefined);

  embedders.push(reuse('offline') ?? (await createOfflineEmbedder({ analyzer })));
  const attempt = async (kind: 'transformers' | 'openai-compatible') => {
    const existing = reuse(kind);
    if (existing) {
      embedders.push(existing);
      return;
    }
    try {
      embedders.push(await create(kind));
    } catch (error) {
      unavailable.push({ provider: kind, reason: error instanceof Error ? error.message : String(error) });
    }
  };
  await attempt('transformers');
  if (environment.EMBEDDING_BASE_URL || main?.provider === 'openai-compatible') {
    await attempt('openai-compatible');
  } else {
    unavailable.push({ provider: 'openai-compatible', reason: 'EMBEDDING_BASE_URL is not set' });
  }
  return { embedders, unavailable };
}
