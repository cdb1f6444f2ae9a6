// buildIndex with a stopwatch on its stages: read, lexical + chunking, embedding, HNSW graph, writing the files.

import type { LoadedIndex } from '../src/index/artifact/index.ts';
import type { BuildReport } from '../src/index/build-index.ts';
import { type BuildIndexOptions, buildIndex } from '../src/index/build-index.ts';
import { REAL_BUILD_COLUMNS } from './build-stages.ts';
import { createStageClock, type StageTiming } from './stage-clock.ts';

export interface TimedBuild {
  index: LoadedIndex;
  report: BuildReport;
  milliseconds: number;
  stages: StageTiming[];
}

export async function timedBuildIndex(options: BuildIndexOptions): Promise<TimedBuild> {
  const clock = createStageClock();
  const started = performance.now();
  clock.begin(REAL_BUILD_COLUMNS.read);
  const { index, report } = await buildIndex({
    ...options,
    onProgress: (progress) => {
      // Between reading and embedding, buildIndex builds the lexical index and chunks.
      if (progress.stage === 'read' && progress.total > 0 && progress.done === progress.total) {
        clock.begin(REAL_BUILD_COLUMNS.analyse);
      } else if (progress.stage !== 'read') {
        clock.begin(REAL_BUILD_COLUMNS[progress.stage]);
      }
      options.onProgress?.(progress);
    },
  });
  const stages = clock.end();
  return { index, report, milliseconds: performance.now() - started, stages };
}
