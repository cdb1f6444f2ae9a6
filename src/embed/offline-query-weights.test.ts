import { describe, expect, it } from 'vitest';
import { createOfflineEmbedder, isOfflineEmbedder } from './offline.ts';

const dot = (a: number[], b: number[]) => a.reduce((sum, value, index) => sum + value * (b[index] ?? 0), 0);

describe('offline embedder query term weights', () => {
  it('weighs query terms and leaves passages unchanged', async () => {
    const embedder = await createOfflineEmbedder();
    expect(isOfflineEmbedder(embedder)).toBe(true);
    const weighted = embedder.withQueryTermWeights((term) => (term.startsWith('polizei') ? 0.1 : 1));
    expect(weighted.modelId).toBe(embedder.modelId);
    const passage = 'Feuerwehr und Polizei';
    const [plainPassage] = (await embedder.doEmbed({ values: [passage], inputType: 'passage' })).embeddings;
    const [weightedPassage] = (await weighted.doEmbed({ values: [passage], inputType: 'passage' }))
      .embeddings;
    expect(weightedPassage).toEqual(plainPassage);

    const fire = (await embedder.doEmbed({ values: ['Feuerwehr'], inputType: 'passage' })).embeddings[0]!;
    const police = (await embedder.doEmbed({ values: ['Polizei'], inputType: 'passage' })).embeddings[0]!;
    const [plainQuery] = (await embedder.doEmbed({ values: [passage], inputType: 'query' })).embeddings;
    const [weightedQuery] = (await weighted.doEmbed({ values: [passage], inputType: 'query' })).embeddings;
    // Down-weighing "Polizei" moves the query towards "Feuerwehr" and away from "Polizei".
    expect(dot(weightedQuery!, fire)).toBeGreaterThan(dot(plainQuery!, fire));
    expect(dot(weightedQuery!, police)).toBeLessThan(dot(plainQuery!, police));
    const norm = Math.sqrt(dot(weightedQuery!, weightedQuery!));
    expect(norm).toBeCloseTo(1, 3);
  });
});
