// Public surface of src/answer: what other stages use of it.
export {
  type AbstentionModel,
  answerProbability,
  EVIDENCE_FEATURES,
  type EvidenceFeatures,
  fitLogistic,
  loadAbstentionModels,
} from './abstention-model.ts';
export {
  createExtractiveAnswerer,
  type ExtractiveAnswerer,
  type ExtractiveAnswererOptions,
  type SemanticSupport,
} from './extractive.ts';
export { createConfiguredLlmAnswerer } from './llm-configured.ts';
export { analyseQuestion } from './question.ts';
export {
  createSupportChecker,
  DEFAULT_SUPPORT_THRESHOLD,
  MODEL_SIMILARITY_RANGE,
  OFFLINE_SIMILARITY_RANGE,
} from './support.ts';
