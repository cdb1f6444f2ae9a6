// buildIndex with a stopwatch on its stages (read, analyse, chunk, embed, hnsw, write) and the texts it embedded.

import type { BuildReport } from '../src/index/build-index.ts';
import { type BuildIndexOptions, buildIndex } from '../src/index/build-index.ts';
import type { LoadedIndex } from '../src/index/index.ts';
import { createBuildTimer, type TimedStages } from './build-timer.ts';

export interface TimedBuild extends TimedStages {
  index: LoadedIndex;
  report: BuildReport;
  milliseconds: number;
}

export async function timedBuildIndex(options: BuildIndexOptions): Promise<TimedBuild> {
  const timer = createBuildTimer();
  const started = performance.now();
  // Hashing the corpus files comes before buildIndex's first event and is part of reading.
  timer.onProgress({ stage: 'read', done: 0, total: 0 });
  const { index, report } = await buildIndex({
    ...options,
    onProgress: (progress) => {
      timer.onProgress(progress);
      options.onProgress?.(progress);
    },
  });
  return { index, report, milliseconds: performance.now() - started, ...timer.finish() };
}
