import { describe, expect, it } from 'vitest';
import { projectionsOf, type SyntheticSizeResult } from './synthetic.ts';

function sized(kind: 'transformers' | 'offline', units: number): SyntheticSizeResult {
  const build = {
    kind,
    units,
    stages: [
      { stage: 'analyse', milliseconds: units / 10 },
      { stage: 'embed', milliseconds: kind === 'transformers' ? units * 30 : units / 10 },
    ],
    textsEmbedded: units * 1.5,
    sentences: units * 1.3,
    sentenceVectorBytes: 16 + units * 1.3 * 400,
  };
  return { build, query: {} } as unknown as SyntheticSizeResult;
}

describe('projectionsOf', () => {
  it("projects the model's largest build, using the offline build of the target size for the shared stages", () => {
    const projections = projectionsOf(
      [sized('transformers', 1000), sized('transformers', 10_000), sized('offline', 100_000)],
      100_000,
    );
    expect(projections).toHaveLength(1);
    const [projection] = projections;
    expect(projection?.kind).toBe('transformers');
    expect(projection?.fromUnits).toBe(10_000);
    expect(projection?.referenceUnits).toBe(100_000);
    expect(projection?.projection.stages).toEqual([
      { stage: 'analyse', milliseconds: 10_000, basis: 'reference' },
      { stage: 'embed', milliseconds: 3_000_000, basis: 'linear' },
    ]);
  });

  it('projects nothing for an embedder built at the target size', () => {
    expect(projectionsOf([sized('offline', 100_000)], 100_000)).toEqual([]);
  });
});
