// The offline German embedder: hashed analyzer features, no model weights, deterministic.
import { type Analyzer, createGermanAnalyzer } from '../analysis/analyzer.ts';
import { BeschlussError } from '../errors.ts';
import { hashFeatures } from './feature-hashing.ts';
import { createFeatureExtractor, DEFAULT_FEATURE_WEIGHTS, type FeatureWeights } from './offline-features.ts';
import type { Embedder, EmbedOptions } from './types.ts';

/** Bumped whenever vectors change for the same text; the analyzer's version is part of the model id too. */
export const OFFLINE_EMBEDDER_VERSION = 'offline-german-hash-v1';

export interface OfflineEmbedderOptions {
  /** Vector length. Default 512. */
  dimensions?: number;
  /**
   * The analyzer to use; default: a new German analyzer. Share the one of the lexical index: vectors depend on the
   * abbreviations it has learned ("NWR"), so learn them before embedding passages and restore them (loading the
   * lexical index does) before embedding queries.
   */
  analyzer?: Analyzer;
  /** Texts per doEmbed call at most. Default 256. */
  maxEmbeddingsPerCall?: number;
  /** Feature weights; defaults in DEFAULT_FEATURE_WEIGHTS. */
  weights?: Partial<FeatureWeights>;
}

/*
 * Queries and passages are embedded the same way, synonyms included on both sides: a symmetric vector lets
 * "Böller" in a question meet "Feuerwerkskörper" in a passage and the other way round. English text (detected by
 * the analyzer) is routed through the English–German lexicon, so an English question lands near the German
 * passage; the inputType is accepted for the interface and does not change the vector.
 */
/** The offline embedder, which can also weigh query terms (by rarity in the indexed corpus, say). */
export interface OfflineEmbedder extends Embedder {
  /**
   * The same embedder whose *query* vectors scale every term by `termWeight` (passages are unchanged, so stored
   * vectors stay valid): with weights from the corpus' document frequencies a rare query word counts more than a
   * word that occurs everywhere.
   */
  withQueryTermWeights(termWeight: (term: string) => number): Embedder;
}

export function isOfflineEmbedder(embedder: Embedder): embedder is OfflineEmbedder {
  return typeof (embedder as Partial<OfflineEmbedder>).withQueryTermWeights === 'function';
}

export async function createOfflineEmbedder(options: OfflineEmbedderOptions = {}): Promise<OfflineEmbedder> {
  const { dimensions = 512, maxEmbeddingsPerCall = 256, weights = {} } = options;
  if (!Number.isInteger(dimensions) || dimensions < 16) {
    throw new BeschlussError(
      'INVALID_REQUEST',
      `Expected dimensions to be an integer of at least 16, got ${dimensions}`,
    );
  }
  const analyzer = options.analyzer ?? (await createGermanAnalyzer());
  const extractor = createFeatureExtractor(analyzer, { ...DEFAULT_FEATURE_WEIGHTS, ...weights });
  const create = (termWeight?: (term: string) => number): OfflineEmbedder => ({
    provider: 'offline',
    modelId: `${OFFLINE_EMBEDDER_VERSION}+${analyzer.version}`,
    dimensions,
    maxEmbeddingsPerCall,
    async doEmbed({ values, inputType, abortSignal }: EmbedOptions): Promise<{ embeddings: number[][] }> {
      if (values.length > maxEmbeddingsPerCall) {
        throw new BeschlussError(
          'EMBEDDER_FAILED',
          `Expected at most ${maxEmbeddingsPerCall} values per call to the offline embedder, got ${values.length}`,
        );
      }
      const weigh = inputType === 'query' ? termWeight : undefined;
      const embeddings: number[][] = [];
      for (const value of values) {
        abortSignal?.throwIfAborted();
        embeddings.push(hashFeatures(extractor.features(value, weigh), dimensions));
      }
      return { embeddings };
    },
    withQueryTermWeights: (weight) => create(weight),
  });
  return create();
}
