// Test fixture: the LLM answerer over a real corpus (its retriever, catalog, extractive fallback and support check)
// with the answer prompts and the tests' timeout, so that a test gives only the model and what it varies.
import type { LanguageModel } from 'ai';
import type { Analyzer } from '../../analysis/index.ts';
import type { UnitCatalog } from '../../citation/index.ts';
import type { TermStatistics } from '../../index/index.ts';
import { TIMEOUT_MS } from '../../llm/testing/reichsflaggen.ts';
import type { HybridRetriever } from '../../retrieve/index.ts';
import { createLlmAnswerer, type LlmAnswererOptions } from '../llm.ts';
import type { AnswerPrompts } from '../llm-prompts.ts';
import { createSupportChecker } from '../support.ts';
import type { Answerer } from '../types.ts';

/** What the answerer takes from a built corpus (the shape of the real-corpus fixture). */
export interface AnswererCorpus {
  state: {
    retriever: HybridRetriever;
    catalog: UnitCatalog;
    extractive: Answerer;
    statistics: TermStatistics;
    /** The index's analyzer (the bundled lexicon with the corpus's acronyms). */
    analyzer: Analyzer;
  };
}

export function llmAnswererOver(
  corpus: AnswererCorpus,
  prompts: AnswerPrompts,
  model: LanguageModel,
  overrides: Partial<LlmAnswererOptions> = {},
) {
  const { state } = corpus;
  return createLlmAnswerer({
    model,
    prompts,
    retriever: state.retriever,
    catalog: state.catalog,
    fallback: state.extractive,
    support: createSupportChecker({ analyzer: state.analyzer, statistics: state.statistics }),
    timeoutMs: TIMEOUT_MS,
    ...overrides,
  });
}
