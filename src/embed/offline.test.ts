import { beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, buildLexicon, createAnalyzer, createGermanAnalyzer } from '../analysis/index.ts';
import {
  createOfflineEmbedder,
  embedderForAnalyzer,
  lexiconDependency,
  OFFLINE_EMBEDDER_VERSION,
} from './offline.ts';
import type { Embedder } from './types.ts';

let analyzer: Analyzer;
let embedder: Embedder;
beforeAll(async () => {
  analyzer = await createGermanAnalyzer();
  embedder = await createOfflineEmbedder({ analyzer });
});

const cosine = (left: number[], right: number[]) =>
  left.reduce((sum, value, index) => sum + value * (right[index] as number), 0);

async function similarity(left: string, right: string): Promise<number> {
  const { embeddings } = await embedder.doEmbed({ values: [left, right], inputType: 'passage' });
  return cosine(embeddings[0] as number[], embeddings[1] as number[]);
}

/** The paraphrase must be clearly nearer than the unrelated control. */
async function expectNearer(anchor: string, paraphrase: string, control: string): Promise<void> {
  const near = await similarity(anchor, paraphrase);
  const far = await similarity(anchor, control);
  expect(
    near,
    `"${anchor}" ~ "${paraphrase}" (${near.toFixed(3)}) vs "${control}" (${far.toFixed(3)})`,
  ).toBeGreaterThan(far + 0.05);
}

describe('offline embedder', () => {
  it('names a versioned model of the default 512 dimensions', () => {
    expect(embedder.provider).toBe('offline');
    expect(embedder.modelId).toContain(OFFLINE_EMBEDDER_VERSION);
    expect(embedder.modelId).toContain(analyzer.version);
    expect(embedder.dimensions).toBe(512);
    expect(embedder.maxEmbeddingsPerCall).toBe(256);
  });

  it('is deterministic across calls and instances, with unit-length vectors', async () => {
    const text = 'Die IMK bittet das BMI, das Nationale Waffenregister auszubauen.';
    const first = (await embedder.doEmbed({ values: [text], inputType: 'passage' }))
      .embeddings[0] as number[];
    const other = await createOfflineEmbedder({ analyzer });
    const second = (await other.doEmbed({ values: [text], inputType: 'query' })).embeddings[0] as number[];
    expect(second).toEqual(first);
    expect(Math.sqrt(cosine(first, first))).toBeCloseTo(1, 9);
  });

  it("embeds with another analyzer's lexicon when re-bound, its identity following the lexicon", async () => {
    const withNwr = createAnalyzer(buildLexicon(analyzer.lexicon, ['Nationales Waffenregister (NWR)']));
    const bound = embedderForAnalyzer(embedder, withNwr);
    const text = 'der Ausbau des Nationalen Waffenregisters';
    const [plain] = (await embedder.doEmbed({ values: [text], inputType: 'passage' })).embeddings;
    const [learned] = (await bound.doEmbed({ values: [text], inputType: 'passage' })).embeddings;
    expect(learned).not.toEqual(plain);
    expect(bound.modelId).toBe(embedder.modelId);
    expect(lexiconDependency(embedder)).toBe(analyzer.lexicon.id);
    expect(lexiconDependency(bound)).toBe(withNwr.lexicon.id);
    expect(lexiconDependency(bound)).not.toBe(lexiconDependency(embedder));
  });

  it('leaves a model embedder as it is: its vectors depend on the text alone', () => {
    const model: Embedder = {
      provider: 'test-model',
      modelId: 'fixed',
      dimensions: 4,
      maxEmbeddingsPerCall: 1,
      doEmbed: async ({ values }) => ({ embeddings: values.map(() => [1, 0, 0, 0]) }),
    };
    expect(embedderForAnalyzer(model, analyzer)).toBe(model);
    expect(lexiconDependency(model)).toBe('');
  });

  it('honours another dimension', async () => {
    const small = await createOfflineEmbedder({ analyzer, dimensions: 64 });
    const [vector] = (await small.doEmbed({ values: ['Polizei'], inputType: 'query' })).embeddings;
    expect(vector).toHaveLength(64);
    expect(small.modelId).toBe(embedder.modelId);
  });

  it('brings "Böller" near firework passages that share no word with it', async () => {
    await expectNearer('Böller', 'Abbrennen erlaubnisfreien Feuerwerks', 'Nationales Waffenregister');
    await expectNearer('Böller', 'Silvesterfeuerwerk', 'Nationales Waffenregister');
  });

  it('brings "Corona-Impfung" near "Coronavirus-Impfverordnung"', async () => {
    await expectNearer('Corona-Impfung', 'Coronavirus-Impfverordnung', 'Nationales Waffenregister');
  });

  it('brings "Arbeitskreis II" near "AK II", nearer than "AK IV"', async () => {
    await expectNearer('Arbeitskreis II', 'AK II', 'Nationales Waffenregister');
    await expectNearer('Arbeitskreis II', 'AK II', 'AK IV');
  });

  it('routes English through the dictionary, near its German counterpart', async () => {
    await expectNearer('weapons register', 'Nationales Waffenregister', 'Silvesterfeuerwerk');
    await expectNearer(
      'fireworks on New Year',
      'Einschränkung des Abbrennens erlaubnisfreien Feuerwerks',
      'Lagebericht zu Rechtsextremisten in Sicherheitsbehörden',
    );
  });

  it('refuses more values than it takes per call, and a too small dimension', async () => {
    const tiny = await createOfflineEmbedder({ analyzer, maxEmbeddingsPerCall: 1 });
    await expect(tiny.doEmbed({ values: ['a', 'b'], inputType: 'passage' })).rejects.toThrow(
      /at most 1 values/,
    );
    await expect(createOfflineEmbedder({ analyzer, dimensions: 3 })).rejects.toThrow(/at least 16, got 3/);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      embedder.doEmbed({ values: ['Polizei'], inputType: 'passage', abortSignal: controller.signal }),
    ).rejects.toThrow();
  });
});
