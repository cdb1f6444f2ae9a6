// Public surface of the chunk stage: units → embedding-sized chunks.

// The index stage reads sentences through the chunk stage's surface; the rule itself lives in src/text/.
export { type Sentence, splitSentences } from '../text/index.ts';
export { type ChunkOptions, chunkUnits, DEFAULT_MAX_CHARS, DEFAULT_OVERLAP_CHARS } from './chunk.ts';
export { GERMAN_SEPARATORS, GermanTextSplitter } from './german-splitter.ts';
