// Public surface of src/llm: what other stages use of it.
export { createLlmModel } from './create-model.ts';
