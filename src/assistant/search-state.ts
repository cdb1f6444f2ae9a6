// Everything answering needs from one loaded index: catalog, lexical index, term statistics, retriever, answerer.
import type { Analyzer } from '../analysis/index.ts';
import {
  type AbstentionModel,
  createExtractiveAnswerer,
  type ExtractiveAnswerer,
  type ExtractiveAnswererOptions,
  loadAbstentionModels,
  type SemanticSupport,
} from '../answer/index.ts';
import { UnitCatalog } from '../citation/index.ts';
import { embedderForAnalyzer, isOfflineEmbedder, withQueryCache } from '../embed/index.ts';
import type { Embedder } from '../embed/types.ts';
import { BeschlussError } from '../errors.ts';
import type { LexicalIndex, LoadedIndex, TermStatistics } from '../index/index.ts';
import type { FusionSettings } from '../retrieve/index.ts';
import {
  createHybridRetriever,
  createSpellingCorrector,
  DEFAULT_FUSION,
  type HybridRetriever,
  OFFLINE_FUSION,
} from '../retrieve/index.ts';

export interface SearchState {
  index: LoadedIndex;
  /** The analyzer of the index's own lexicon (the bundled one with the acronyms its corpus defines). */
  analyzer: Analyzer;
  /** The embedder for this index's queries (the offline one over `analyzer`). */
  embedder: Embedder;
  catalog: UnitCatalog;
  lexical: LexicalIndex;
  statistics: TermStatistics;
  retriever: HybridRetriever;
  /** The extractive answerer over this index (the LLM answerer, when configured, wraps it). */
  extractive: ExtractiveAnswerer;
  /** What the extractive answerer was made of (calibration makes variants of it). */
  answererOptions: ExtractiveAnswererOptions;
  /** The answer/abstain model in use. */
  abstention: AbstentionModel;
  /** The question and sentence vectors answering and statement checks weigh meaning with. */
  semantic: SemanticSupport;
  /** A model embedder's similarities, or the offline embedder's. */
  embedderKind: 'model' | 'offline';
}

export interface SearchStateOptions {
  /** An analyzer of the bundled lexicon: the index's own lexicon is restored on it. */
  analyzer: Analyzer;
  embedder: Embedder;
  /** Decides whether to answer (default: the fitted model for the kind of embedder, data/answer/abstention.json). */
  abstention?: AbstentionModel;
  /** How lexical and vector rankings are fused (default: the retriever's, tuned for the model). */
  fusion?: FusionSettings;
}

/**
 * INDEX_MISMATCH when the index was built with another bundled lexicon or analyzer, or before lexicons were kept:
 * then it must be rebuilt.
 */
export async function openSearchState(index: LoadedIndex, options: SearchStateOptions): Promise<SearchState> {
  // The index is analysed, and its queries embedded by the offline embedder, with the lexicon it was built with
  // (kept with the lexical index).
  const lexical = await index.openLexical(options.analyzer);
  const { analyzer, statistics } = lexical;
  const embedder = embedderForAnalyzer(options.embedder, analyzer);
  const catalog = new UnitCatalog(
    index.units,
    index.manifest.collections.map((collection) => collection.meeting),
  );
  // The dictionary's stems are built on the first check of a word; a server pays that at start, not on a question.
  analyzer.isKnownWord('start');
  // One query embedder for retrieval and answering, so the answerer's question vector comes from the cache.
  const queryEmbedder = withQueryCache(weighQueries(embedder, statistics));
  const retriever = createHybridRetriever({
    catalog,
    lexical,
    vectors: index.vectorStore,
    unitIdOfLabel: (label) => index.chunks[label]?.unitId,
    embedder: queryEmbedder,
    fusion: options.fusion ?? (isOfflineEmbedder(embedder) ? OFFLINE_FUSION : DEFAULT_FUSION),
    spelling: createSpellingCorrector({
      vocabulary: lexical.vocabulary,
      isKnownWord: (word) => analyzer.isKnownWord(word),
      isEnglish: (text) => analyzer.language(text) === 'en',
      decompound: (word) => analyzer.decompound(word),
      stem: (word) => analyzer.stem(word),
    }),
  });
  const embedderKind = isOfflineEmbedder(embedder) ? 'offline' : 'model';
  const abstention =
    options.abstention ??
    loadAbstentionModels().find((model) => model.embedder === embedderKind) ??
    (() => {
      throw new BeschlussError(
        'INTERNAL',
        `data/answer/abstention.json has no model for ${embedderKind} embedders.`,
      );
    })();
  const ordinals = new Map(index.units.map((unit, ordinal) => [unit.id, ordinal]));
  const semantic: SemanticSupport = {
    async embedQuery(text) {
      const {
        embeddings: [vector],
      } = await queryEmbedder.doEmbed({ values: [text], inputType: 'query' });
      return vector ?? [];
    },
    sentences: index.sentences,
    ordinalOf: (unitId) => ordinals.get(unitId),
  };
  const answererOptions: ExtractiveAnswererOptions = {
    retriever,
    catalog,
    analyzer,
    statistics,
    embedderKind,
    abstention,
    semantic,
  };
  const extractive = createExtractiveAnswerer(answererOptions);
  return {
    index,
    analyzer,
    embedder,
    catalog,
    lexical,
    statistics,
    retriever,
    extractive,
    answererOptions,
    abstention,
    semantic,
    embedderKind,
  };
}

/**
 * The offline embedder has no notion of how telling a word is; weighing query terms by their idf in this corpus
 * lets "Corona-Impfung für Polizisten" find the vaccination item rather than every item about the police.
 * Terms the corpus lacks keep full weight (they match nothing either way).
 */
function weighQueries(embedder: Embedder, statistics: TermStatistics): Embedder {
  if (!isOfflineEmbedder(embedder)) return embedder;
  return embedder.withQueryTermWeights((term) =>
    statistics.documentFrequency(term) === 0 ? 1 : Math.max(0.1, statistics.idf(term) / statistics.maxIdf),
  );
}
