// Builds the LLM answerer from the configuration (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY, LLM_TIMEOUT_MS) at start-up,
// or nothing when no LLM is configured; the assistant calls the result once per loaded index.
import type { Analyzer } from '../analysis/index.ts';
import type { UnitCatalog } from '../citation/index.ts';
import type { Config } from '../config.ts';
import type { TermStatistics } from '../index/index.ts';
import { createLlmModel } from '../llm/index.ts';
import type { Logger } from '../logger.ts';
import type { HybridRetriever } from '../retrieve/index.ts';
import type { SemanticSupport } from './extractive.ts';
import { createLlmAnswerer } from './llm.ts';
import { loadAnswerPrompts } from './llm-prompts.ts';
import { createSupportChecker, MODEL_SIMILARITY_RANGE, OFFLINE_SIMILARITY_RANGE } from './support.ts';
import type { Answerer } from './types.ts';

export interface ConfiguredLlmAnswererOptions {
  config: Pick<Config, 'LLM_BASE_URL' | 'LLM_MODEL' | 'LLM_API_KEY' | 'LLM_TIMEOUT_MS'>;
  logger: Logger;
  /** Folder of the prompt files (default: the project's prompts/). */
  promptsDirectory?: string;
}

/** What the LLM answerer is built over, once per loaded index. */
export interface LlmAnswererState {
  /** The analyzer of the index's lexicon: statements are checked, and questions read, with it. */
  analyzer: Analyzer;
  retriever: HybridRetriever;
  catalog: UnitCatalog;
  statistics: TermStatistics;
  /** The fallback, and whose closest items an abstention names. */
  extractive: Answerer;
  /** The question and sentence vectors, for checking statements by meaning too (absent: by words alone). */
  semantic?: SemanticSupport;
  /** Which similarity range the support check uses. */
  embedderKind: 'model' | 'offline';
}

export type LlmAnswererFactory = (state: LlmAnswererState) => Answerer;

/** Undefined when LLM_BASE_URL and LLM_MODEL are unset; otherwise the prompts are loaded and the model is set up. */
export async function createConfiguredLlmAnswerer(
  options: ConfiguredLlmAnswererOptions,
): Promise<LlmAnswererFactory | undefined> {
  const { config, logger } = options;
  if (config.LLM_BASE_URL === undefined || config.LLM_MODEL === undefined) return undefined;
  const prompts = await loadAnswerPrompts(
    options.promptsDirectory === undefined ? {} : { directory: options.promptsDirectory },
  );
  const model = createLlmModel({
    baseURL: config.LLM_BASE_URL,
    model: config.LLM_MODEL,
    ...(config.LLM_API_KEY === undefined ? {} : { apiKey: config.LLM_API_KEY }),
  });
  logger.info('LLM answerer configured', {
    baseURL: config.LLM_BASE_URL,
    model: config.LLM_MODEL,
    promptVersion: prompts.version,
    timeoutMs: config.LLM_TIMEOUT_MS,
  });
  return (state) =>
    createLlmAnswerer({
      model,
      prompts,
      retriever: state.retriever,
      catalog: state.catalog,
      fallback: state.extractive,
      language: state.analyzer.language,
      support: createSupportChecker({
        analyzer: state.analyzer,
        statistics: state.statistics,
        ...(state.semantic
          ? {
              semantic: {
                embed: state.semantic.embedQuery,
                sentences: state.semantic.sentences,
                ordinalOf: state.semantic.ordinalOf,
                range: state.embedderKind === 'offline' ? OFFLINE_SIMILARITY_RANGE : MODEL_SIMILARITY_RANGE,
              },
            }
          : {}),
      }),
      timeoutMs: config.LLM_TIMEOUT_MS,
      logger,
    });
}
