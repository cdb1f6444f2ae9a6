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
export async function createOfflineEmbedder(options: OfflineEmbedderOptions = {}): Promise<Embedder> {
  const { dimensions = 512, maxEmbeddingsPerCall = 256, weights = {} } = options;
  if (!Number.isInteger(dimensions) || dimensions < 16) {
    throw new BeschlussError(
      'INVALID_REQUEST',
      `Expected dimensions to be an integer of at least 16, got ${dimensions}`,
    );
  }
  const analyzer = options.analyzer ?? (await createGermanAnalyzer());
  const extractor = createFeatureExtractor(analyzer, { ...DEFAULT_FEATURE_WEIGHTS, ...weights });
  return {
    provider: 'offline',
    modelId: `${OFFLINE_EMBEDDER_VERSION}+${analyzer.version}`,
    dimensions,
    maxEmbeddingsPerCall,
    async doEmbed({ values, abortSignal }: EmbedOptions): Promise<{ embeddings: number[][] }> {
      if (values.length > maxEmbeddingsPerCall) {
        throw new BeschlussError(
          'EMBEDDER_FAILED',
          `Expected at most ${maxEmbeddingsPerCall} values per call to the offline embedder, got ${values.length}`,
        );
      }
      const embeddings: number[][] = [];
      for (const value of values) {
        abortSignal?.throwIfAborted();
        embeddings.push(hashFeatures(extractor.features(value), dimensions));
      }
      return { embeddings };
    },
  };
}
