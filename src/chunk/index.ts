// Public surface of the chunk stage: units → embedding-sized chunks.
export { type ChunkOptions, chunkUnits, DEFAULT_MAX_CHARS, DEFAULT_OVERLAP_CHARS } from './chunk.ts';
export { GERMAN_SEPARATORS, GermanTextSplitter } from './german-splitter.ts';
export { type Sentence, splitSentences } from './sentences.ts';
