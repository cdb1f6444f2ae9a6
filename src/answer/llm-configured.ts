// Builds the LLM answerer from the configuration (LLM_BASE_URL, LLM_MODEL, LLM_API_KEY, LLM_TIMEOUT_MS) at start-up,
// or nothing when no LLM is configured; the assistant calls the result once per loaded index.
import type { Analyzer } from '../analysis/index.ts';
import type { SearchState } from '../assistant/search-state.ts';
import type { Config } from '../config.ts';
import { createLlmModel } from '../llm/create-model.ts';
import type { Logger } from '../logger.ts';
import { createLlmAnswerer } from './llm.ts';
import { loadAnswerPrompts } from './llm-prompts.ts';
import { createSupportChecker } from './support.ts';
import type { Answerer } from './types.ts';

export interface ConfiguredLlmAnswererOptions {
  config: Pick<Config, 'LLM_BASE_URL' | 'LLM_MODEL' | 'LLM_API_KEY' | 'LLM_TIMEOUT_MS'>;
  analyzer: Analyzer;
  logger: Logger;
  /** Folder of the prompt files (default: the project's prompts/). */
  promptsDirectory?: string;
}

export type LlmAnswererFactory = (
  state: Pick<SearchState, 'retriever' | 'catalog' | 'statistics' | 'extractive'>,
) => Answerer;

/** Undefined when LLM_BASE_URL and LLM_MODEL are unset; otherwise the prompts are loaded and the model is set up. */
export async function createConfiguredLlmAnswerer(
  options: ConfiguredLlmAnswererOptions,
): Promise<LlmAnswererFactory | undefined> {
  const { config, analyzer, logger } = options;
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
      support: createSupportChecker({ analyzer, statistics: state.statistics }),
      timeoutMs: config.LLM_TIMEOUT_MS,
      logger,
    });
}
