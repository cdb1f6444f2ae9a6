// buildIndex with a stopwatch on its stages: read, lexical + chunking, embedding, HNSW graph, writing the files.

import type { LoadedIndex } from '../src/index/artifact/index.ts';
import type { BuildReport } from '../src/index/build-index.ts';
import { type BuildIndexOptions, type BuildStage, buildIndex } from '../src/index/build-index.ts';
import { createStageClock, type StageTiming } from './stage-clock.ts';

export interface TimedBuild {
  index: LoadedIndex;
  report: BuildReport;
  milliseconds: number;
  stages: StageTiming[];
}

const STAGE_GROUP: Record<BuildStage, string> = {
  read: 'read + parse',
  analyse: 'lexical + statistics + chunk',
  chunk: 'lexical + statistics + chunk',
  embed: 'embed',
  hnsw: 'hnsw (graph + save)',
  embeddings: 'write files',
  sentences: 'write files',
  lexical: 'write files',
  manifest: 'write files',
  switch: 'write files',
};

export async function timedBuildIndex(options: BuildIndexOptions): Promise<TimedBuild> {
  const clock = createStageClock();
  const started = performance.now();
  clock.begin(STAGE_GROUP.read);
  const { index, report } = await buildIndex({
    ...options,
    onProgress: (progress) => {
      // Between reading and embedding, buildIndex builds the lexical index and term statistics and chunks.
      if (progress.stage === 'read' && progress.total > 0 && progress.done === progress.total) {
        clock.begin('lexical + statistics + chunk');
      } else if (progress.stage !== 'read') {
        clock.begin(STAGE_GROUP[progress.stage]);
      }
      options.onProgress?.(progress);
    },
  });
  const stages = clock.end();
  return { index, report, milliseconds: performance.now() - started, stages };
}
