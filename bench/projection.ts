// Projects a synthetic build to a larger corpus (the model's 100k build is too slow to run in the benchmark):
// embedding and chunking scale with the units, the embedder-independent stages come from a build of the target size
// with another embedder where this run has one.
import { stageMilliseconds } from './build-timer.ts';
import type { StageTiming } from './stage-clock.ts';

/**
 * Texts per second that 2 cores can embed with the bundled model at best: issue 12 measured 50/s for length-sorted
 * batches of 16 and named roughly twice that as the physical limit.
 */
export const PHYSICAL_LIMIT_PASSAGES_PER_SECOND = 100;

/** Bytes of sentences.i8 before its rows (src/index/sentence-vectors.ts). */
export const SENTENCE_FILE_HEADER_BYTES = 16;

export interface MeasuredBuild {
  units: number;
  stages: readonly StageTiming[];
  textsEmbedded: number;
  sentences: number;
  sentenceVectorBytes: number;
}

export interface ReferenceBuild {
  units: number;
  stages: readonly StageTiming[];
  sentences: number;
}

export type ProjectionBasis = 'linear' | 'reference';

export interface ProjectedStage {
  stage: string;
  milliseconds: number;
  basis: ProjectionBasis;
}

export interface BuildProjection {
  targetUnits: number;
  stages: ProjectedStage[];
  totalMilliseconds: number;
  textsEmbedded: number;
  sentences: number;
  sentencesBasis: ProjectionBasis;
  /** sentences.i8 at the target: the measured bytes per sentence (from the file) times the sentences. */
  sentenceVectorBytes: number;
  bytesPerSentence: number;
}

/** Stages whose work depends on the embedder: texts through the model, chunks cut by counting model tokens. */
const EMBEDDER_STAGES = new Set(['chunk', 'embed']);
const PROJECTED_STAGES = ['read', 'analyse', 'chunk', 'embed', 'hnsw', 'write'];

/**
 * The build of `targetUnits` units projected from `measured`: chunk and embed linearly (the same texts per unit, the
 * same texts per second), the other stages from `reference` when it was built at the target size (lexical index and
 * term statistics do not depend on the embedder; its HNSW and files are those of its own dimensions), else linearly.
 */
export function projectBuild(
  measured: MeasuredBuild,
  targetUnits: number,
  reference?: ReferenceBuild,
): BuildProjection {
  const scale = targetUnits / measured.units;
  const usable = reference !== undefined && reference.units === targetUnits ? reference : undefined;
  const stages: ProjectedStage[] = [];
  for (const stage of PROJECTED_STAGES) {
    const measuredMs = stageMilliseconds(measured.stages, stage);
    // A stage the measured build did not have (a synthetic build reads no files) is not projected either.
    if (measuredMs === 0) continue;
    if (usable && !EMBEDDER_STAGES.has(stage)) {
      stages.push({ stage, milliseconds: stageMilliseconds(usable.stages, stage), basis: 'reference' });
    } else {
      stages.push({ stage, milliseconds: measuredMs * scale, basis: 'linear' });
    }
  }
  const sentences = usable ? usable.sentences : Math.round(measured.sentences * scale);
  const bytesPerSentence =
    measured.sentences === 0
      ? 0
      : (measured.sentenceVectorBytes - SENTENCE_FILE_HEADER_BYTES) / measured.sentences;
  return {
    targetUnits,
    stages,
    totalMilliseconds: stages.reduce((sum, stage) => sum + stage.milliseconds, 0),
    textsEmbedded: Math.round(measured.textsEmbedded * scale),
    sentences,
    sentencesBasis: usable ? 'reference' : 'linear',
    sentenceVectorBytes: Math.round(SENTENCE_FILE_HEADER_BYTES + bytesPerSentence * sentences),
    bytesPerSentence,
  };
}

/** Share of the physical limit reached, 0..1 (undefined without a rate). */
export function shareOfPhysicalLimit(
  passagesPerSecond: number | undefined,
  limit = PHYSICAL_LIMIT_PASSAGES_PER_SECOND,
): number | undefined {
  return passagesPerSecond === undefined ? undefined : passagesPerSecond / limit;
}
