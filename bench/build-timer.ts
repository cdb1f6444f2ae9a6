// Splits an index build into its stages from buildIndex's progress events, and counts the texts sent to the embedder.
import type { BuildProgress, BuildStage } from '../src/index/build-index.ts';
import { createStageClock, type StageTiming } from './stage-clock.ts';

/** The stages the tables show, in build order. */
export const BUILD_STAGES = ['read', 'analyse', 'chunk', 'embed', 'hnsw', 'write'] as const;
export type BuildTableStage = (typeof BUILD_STAGES)[number];

const STAGE_OF: Record<BuildStage, BuildTableStage> = {
  read: 'read',
  analyse: 'analyse',
  chunk: 'chunk',
  embed: 'embed',
  vectors: 'hnsw',
  embeddings: 'write',
  sentences: 'write',
  lexical: 'write',
  manifest: 'write',
  switch: 'write',
};

export interface TimedStages {
  stages: StageTiming[];
  /** Distinct texts embedded (new chunks and sentences, each text once): the embed stage's total. */
  textsEmbedded: number;
}

export interface BuildTimer {
  onProgress(progress: BuildProgress): void;
  finish(): TimedStages;
}

/**
 * A stage runs from its first event to the next stage's first one, so work between two events counts to the
 * earlier stage (the plan of what to embed to "chunk", quantising sentence vectors to "embed").
 */
export function createBuildTimer(now?: () => number): BuildTimer {
  const clock = createStageClock(now);
  let textsEmbedded = 0;
  return {
    onProgress(progress) {
      const stage = STAGE_OF[progress.stage];
      clock.begin(stage);
      if (stage === 'embed') textsEmbedded = progress.total;
    },
    finish() {
      return { stages: clock.end(), textsEmbedded };
    },
  };
}

/** Milliseconds of one stage (0 when it did not run). */
export function stageMilliseconds(stages: readonly StageTiming[], stage: string): number {
  return stages.filter((entry) => entry.stage === stage).reduce((sum, entry) => sum + entry.milliseconds, 0);
}

/** Texts per second of the embed stage; undefined when nothing was embedded. */
export function passagesPerSecond(timed: TimedStages): number | undefined {
  const milliseconds = stageMilliseconds(timed.stages, 'embed');
  return timed.textsEmbedded === 0 || milliseconds === 0
    ? undefined
    : timed.textsEmbedded / (milliseconds / 1000);
}
