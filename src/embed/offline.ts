// The offline German embedder: hashed analyzer features, no model weights, deterministic.
import { type Analyzer, createGermanAnalyzer } from '../analysis/index.ts';
import { BeschlussError } from '../errors.ts';
import { hashFeatures } from './feature-hashing.ts';
import {
  createFeatureExtractor,
  DEFAULT_FEATURE_WEIGHTS,
  type FeatureExtractor,
  type FeatureWeights,
} from './offline-features.ts';
import type { Embedder, EmbedOptions } from './types.ts';

/** Bumped whenever vectors change for the same text; the analyzer's version is part of the model id too. */
export const OFFLINE_EMBEDDER_VERSION = 'offline-german-hash-v1';

export interface OfflineEmbedderOptions {
  /** Vector length. Default 512. */
  dimensions?: number;
  /**
   * The analyzer to embed with; default: one of the bundled lexicon. Vectors depend on its lexicon (the acronyms a
   * corpus defines, "NWR"): an index is embedded, and queried, with its own (`embedderForAnalyzer`).
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
  /** The same embedder (without query term weights) over another analyzer: that of the index it embeds for. */
  withAnalyzer(analyzer: Analyzer): OfflineEmbedder;
  /** The id of the lexicon its vectors depend on, besides its model id and the text. */
  readonly lexiconId: string;
}

export function isOfflineEmbedder(embedder: Embedder): embedder is OfflineEmbedder {
  return typeof (embedder as Partial<OfflineEmbedder>).withQueryTermWeights === 'function';
}

/** The embedder to use with an index's analyzer: the offline one over that analyzer, a model as it is. */
export function embedderForAnalyzer(embedder: Embedder, analyzer: Analyzer): Embedder {
  return isOfflineEmbedder(embedder) ? embedder.withAnalyzer(analyzer) : embedder;
}

/**
 * What an embedder's vectors depend on besides its id and the text, for the content hashes that decide which stored
 * vectors a re-index may reuse: the offline embedder's lexicon id; nothing for a model, which reads the text alone.
 */
export function lexiconDependency(embedder: Embedder): string {
  return isOfflineEmbedder(embedder) ? embedder.lexiconId : '';
}

export async function createOfflineEmbedder(options: OfflineEmbedderOptions = {}): Promise<OfflineEmbedder> {
  const { dimensions = 512, maxEmbeddingsPerCall = 256, weights = {} } = options;
  if (!Number.isInteger(dimensions) || dimensions < 16) {
    throw new BeschlussError(
      'INVALID_REQUEST',
      `Expected dimensions to be an integer of at least 16, got ${dimensions}`,
    );
  }
  const featureWeights = { ...DEFAULT_FEATURE_WEIGHTS, ...weights };
  const create = (
    analyzer: Analyzer,
    extractor: FeatureExtractor = createFeatureExtractor(analyzer, featureWeights),
    termWeight?: (term: string) => number,
  ): OfflineEmbedder => ({
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
    withQueryTermWeights: (weight) => create(analyzer, extractor, weight),
    withAnalyzer: (other) => create(other),
    lexiconId: analyzer.lexicon.id,
  });
  return create(options.analyzer ?? (await createGermanAnalyzer()));
}
