// Public surface of src/retrieve: what other stages use of it.
export type { FusionSettings } from './fusion.ts';
export {
  createHybridRetriever,
  DEFAULT_FUSION,
  type HybridRetriever,
  OFFLINE_FUSION,
  type RankedUnit,
} from './hybrid.ts';
export { createSpellingCorrector, type SpellingSuggestion } from './spelling.ts';
