// Which column of the build tables each index build stage is timed under, so the stages and the tables never drift.
import type { BuildStage } from '../src/index/build-index.ts';

/** Writing the other files and switching CURRENT is timed as one. */
const WRITING = {
  embeddings: 'write files',
  sentences: 'write files',
  lexical: 'write files',
  manifest: 'write files',
  switch: 'write files',
} as const;

/** The real corpus build: reading, analysis with chunking, embedding, the vector store, writing (bench/timed-build.ts). */
export const REAL_BUILD_COLUMNS: Record<BuildStage, string> = {
  read: 'read + parse',
  analyse: 'lexical + chunk',
  chunk: 'lexical + chunk',
  embed: 'embed',
  vectors: 'hnsw (graph + save)',
  ...WRITING,
};

/** The synthetic builds, stage by stage (bench/sections/synthetic-build.ts; corpus generation is timed apart). */
export const SYNTHETIC_BUILD_COLUMNS: Record<BuildStage, string> = {
  read: 'read',
  analyse: 'lexical index',
  chunk: 'chunk',
  embed: 'embed (chunks + sentences)',
  vectors: 'hnsw (graph + save)',
  ...WRITING,
};

/** The distinct columns in stage order. */
export function columnsOf(columns: Record<BuildStage, string>): string[] {
  return [...new Set(Object.values(columns))];
}
