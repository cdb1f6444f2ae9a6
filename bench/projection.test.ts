import { describe, expect, it } from 'vitest';
import { projectBuild, shareOfPhysicalLimit } from './projection.ts';

const measured = {
  units: 10_000,
  stages: [
    { stage: 'analyse', milliseconds: 2_000 },
    { stage: 'chunk', milliseconds: 20_000 },
    { stage: 'embed', milliseconds: 300_000 },
    { stage: 'write', milliseconds: 100 },
    { stage: 'hnsw', milliseconds: 4_000 },
    { stage: 'write', milliseconds: 400 },
  ],
  textsEmbedded: 15_000,
  sentences: 13_000,
  // 16 header bytes, then 400 bytes a sentence (16 of columns, 384 int8 components).
  sentenceVectorBytes: 16 + 13_000 * 400,
};

describe('projectBuild', () => {
  it('scales every stage linearly without a reference build of the target size', () => {
    const projection = projectBuild(measured, 100_000);
    expect(projection.stages).toEqual([
      { stage: 'analyse', milliseconds: 20_000, basis: 'linear' },
      { stage: 'chunk', milliseconds: 200_000, basis: 'linear' },
      { stage: 'embed', milliseconds: 3_000_000, basis: 'linear' },
      { stage: 'hnsw', milliseconds: 40_000, basis: 'linear' },
      { stage: 'write', milliseconds: 5_000, basis: 'linear' },
    ]);
    expect(projection.totalMilliseconds).toBe(3_265_000);
    expect(projection.textsEmbedded).toBe(150_000);
    expect(projection.sentences).toBe(130_000);
    expect(projection.sentencesBasis).toBe('linear');
    expect(projection.bytesPerSentence).toBe(400);
    expect(projection.sentenceVectorBytes).toBe(16 + 130_000 * 400);
  });

  it('takes the embedder-independent stages and the sentence count from a reference build of the target size', () => {
    const reference = {
      units: 100_000,
      stages: [
        { stage: 'analyse', milliseconds: 30_000 },
        { stage: 'chunk', milliseconds: 1_000 },
        { stage: 'embed', milliseconds: 9_000 },
        { stage: 'hnsw', milliseconds: 60_000 },
        { stage: 'write', milliseconds: 3_000 },
      ],
      sentences: 120_000,
    };
    const projection = projectBuild(measured, 100_000, reference);
    expect(projection.stages).toEqual([
      { stage: 'analyse', milliseconds: 30_000, basis: 'reference' },
      { stage: 'chunk', milliseconds: 200_000, basis: 'linear' },
      { stage: 'embed', milliseconds: 3_000_000, basis: 'linear' },
      { stage: 'hnsw', milliseconds: 60_000, basis: 'reference' },
      { stage: 'write', milliseconds: 3_000, basis: 'reference' },
    ]);
    expect(projection.sentences).toBe(120_000);
    expect(projection.sentencesBasis).toBe('reference');
    expect(projection.sentenceVectorBytes).toBe(16 + 120_000 * 400);
  });

  it('ignores a reference of another size', () => {
    const projection = projectBuild(measured, 100_000, { units: 50_000, stages: [], sentences: 1 });
    expect(projection.stages.every((stage) => stage.basis === 'linear')).toBe(true);
    expect(projection.sentences).toBe(130_000);
  });
});

describe('shareOfPhysicalLimit', () => {
  it('divides by the ~100 texts/s the issue names for 2 cores', () => {
    expect(shareOfPhysicalLimit(34)).toBeCloseTo(0.34);
    expect(shareOfPhysicalLimit(undefined)).toBeUndefined();
  });
});
