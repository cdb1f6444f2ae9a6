// Public surface of src/assistant: what other stages use of it.
export { chooseEmbedder, embedderSettingsOf } from './choose-embedder.ts';
export { createAssistant } from './create.ts';
export { openSearchState, type SearchState } from './search-state.ts';
