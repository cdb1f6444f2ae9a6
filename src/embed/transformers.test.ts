import { createHash } from 'node:crypto';
import { mkdtemp, readFile, rm, unlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { env } from '@huggingface/transformers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rejectionOf } from '../testing/errors.ts';
import { buildTinyBertModel } from './testing/tiny-model.ts';
import { createTransformersEmbedder, type TransformersEmbedderOptions } from './transformers.ts';
import { type Embedder, embedderId } from './types.ts';

let root: string;
let modelDir: string;
let cacheDir: string;

beforeAll(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'beschluss-transformers-'));
  modelDir = path.join(root, 'models');
  cacheDir = path.join(root, 'cache');
  await buildTinyBertModel(modelDir, { modelName: 'testing/tiny-multilingual-e5', hiddenSize: 16 });
  await buildTinyBertModel(modelDir, { modelName: 'testing/tiny-bert' });
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const load = (options: TransformersEmbedderOptions) =>
  createTransformersEmbedder({ modelDir, cacheDir, allowRemote: false, ...options });

async function embedOne(
  embedder: Embedder,
  value: string,
  inputType: 'query' | 'passage',
): Promise<number[]> {
  const { embeddings } = await embedder.doEmbed({ values: [value], inputType });
  return embeddings[0] as number[];
}

describe('createTransformersEmbedder', () => {
  it('loads a local model, names itself after it and detects the dimensions with a probe', async () => {
    const embedder = await load({ model: 'testing/tiny-multilingual-e5' });
    expect(embedder.provider).toBe('transformers');
    expect(embedder.modelId).toBe('testing/tiny-multilingual-e5');
    expect(embedder.dimensions).toBe(16);
    expect(embedder.maxEmbeddingsPerCall).toBe(128);
  });

  it('reports what loading, checksumming and probing the model took, once', async () => {
    const reported: unknown[] = [];
    await load({ model: 'testing/tiny-bert', onLoadTimings: (timings) => reported.push(timings) });
    expect(reported).toHaveLength(1);
    const timings = reported[0] as Record<string, number>;
    expect(Object.keys(timings).sort()).toEqual(['checksumMs', 'pipelineMs', 'probeMs']);
    for (const value of Object.values(timings)) expect(value).toBeGreaterThan(0);
  });

  it('fails fast with EMBEDDER_UNAVAILABLE naming the model, the folders searched and the fix', async () => {
    const started = performance.now();
    const error = await rejectionOf(load({ model: 'Xenova/multilingual-e5-small' }));
    expect(performance.now() - started).toBeLessThan(3000);
    expect(error.code).toBe('EMBEDDER_UNAVAILABLE');
    expect(error.message).toContain('"Xenova/multilingual-e5-small"');
    expect(error.message).toContain(path.join(modelDir, 'Xenova/multilingual-e5-small'));
    expect(error.message).toContain(path.join(cacheDir, 'Xenova/multilingual-e5-small'));
    expect(error.message).toContain('MODEL_DIR');
    expect(error.message).toContain('EMBEDDER=offline');
    expect(error.details?.folders).toEqual([
      path.join(modelDir, 'Xenova/multilingual-e5-small'),
      path.join(cacheDir, 'Xenova/multilingual-e5-small'),
    ]);
  });

  it('names the missing weights file when a model folder is incomplete for the chosen dtype', async () => {
    const partialDir = path.join(root, 'partial');
    await buildTinyBertModel(partialDir, { modelName: 'only-quantized' });
    await unlink(path.join(partialDir, 'only-quantized', 'onnx', 'model.onnx'));
    const error = await rejectionOf(load({ model: 'only-quantized', modelDir: partialDir, dtype: 'fp32' }));
    expect(error.code).toBe('EMBEDDER_UNAVAILABLE');
    expect(error.message).toContain(`lacks ${path.join('onnx', 'model.onnx')}`);
    const quantized = await load({ model: 'only-quantized', modelDir: partialDir, dtype: 'q8' });
    expect(quantized.dimensions).toBe(32);
  });

  it('takes the best weights present with dtype "auto": fp32 before q8, q8 when it is the only file', async () => {
    const both = await load({ model: 'testing/tiny-bert' });
    expect(both.identity?.dtype).toBe('fp32');
    const onlyDir = path.join(root, 'auto-only-q8');
    await buildTinyBertModel(onlyDir, { modelName: 'auto-q8' });
    await unlink(path.join(onlyDir, 'auto-q8', 'onnx', 'model.onnx'));
    const quantized = await load({ model: 'auto-q8', modelDir: onlyDir });
    expect(quantized.identity?.dtype).toBe('q8');
    const named = await load({ model: 'testing/tiny-bert', dtype: 'q8' });
    expect(named.identity?.dtype).toBe('q8');
  });

  it('names the weights it loaded: dtype, the file checksum and the runtime versions', async () => {
    const embedder = await load({ model: 'testing/tiny-bert', dtype: 'q8' });
    const file = path.join(modelDir, 'testing/tiny-bert', 'onnx', 'model_quantized.onnx');
    const expected = createHash('sha256')
      .update(await readFile(file))
      .digest('hex');
    expect(embedder.identity).toEqual({
      dtype: 'q8',
      weightsSha256: expected,
      runtime: expect.stringMatching(/^transformers\.js \d+\.\d+\.\d+, onnxruntime-node \d+\.\d+\.\d+$/),
      activations: 'per-token',
    });
    expect(embedderId(embedder)).toContain(`sha256=${expected.slice(0, 16)}`);
    expect(embedderId(embedder)).toMatch(/;activations=per-token$/);
    const float = await load({ model: 'testing/tiny-bert', dtype: 'fp32' });
    expect(float.identity?.activations).toBeUndefined();
  });

  it('gives a text the same vector alone, in a batch and among concurrent questions (int8 activations per token)', async () => {
    const embedder = await load({ model: 'testing/tiny-bert', dtype: 'q8', batchSize: 4 });
    const values = ['Polizei', 'Schutz der Bevölkerung in Bund und Ländern', 'Straße', 'Die Behörden prüfen'];
    const alone = [];
    for (const value of values) alone.push(await embedOne(embedder, value, 'query'));
    const batch = await embedder.doEmbed({ values, inputType: 'query' });
    expect(batch.embeddings).toEqual(alone);
    const concurrent = await Promise.all(values.map((value) => embedOne(embedder, value, 'query')));
    expect(concurrent).toEqual(alone);
  });

  it('counts tokens as the model reads them, prefix and special tokens included', async () => {
    const e5 = await load({ model: 'testing/tiny-multilingual-e5' });
    expect(e5.maxInputTokens).toBe(128);
    const unprefixed = await load({
      model: 'testing/tiny-multilingual-e5',
      queryPrefix: '',
      passagePrefix: '',
    });
    expect(e5.countTokens?.('Polizei', 'query')).toBe(unprefixed.countTokens?.('query: Polizei', 'query'));
    expect(e5.countTokens?.('Polizei', 'query')).toBeGreaterThan(
      unprefixed.countTokens?.('Polizei', 'query') ?? 99,
    );
    const plain = await load({ model: 'testing/tiny-bert' });
    expect(plain.countTokens?.('Polizei Polizei', 'passage')).toBe(4);
  });

  it('returns the vectors in the order of the values although it runs them in length-sorted batches', async () => {
    const embedder = await load({ model: 'testing/tiny-bert', batchSize: 2 });
    const values = ['Schutz der Polizei im Bund und in den Ländern', 'Bund', 'Straße und Schutz', 'Länder'];
    const together = await embedder.doEmbed({ values, inputType: 'passage' });
    for (const [position, value] of values.entries()) {
      const alone = await embedOne(embedder, value, 'passage');
      together.embeddings[position]?.forEach((component, index) => {
        expect(component).toBeCloseTo(alone[index] ?? Number.NaN, 5);
      });
    }
  });

  it('reports a corrupt weights file as EMBEDDER_UNAVAILABLE naming the folder', async () => {
    const corruptDir = path.join(root, 'corrupt');
    const { modelPath } = await buildTinyBertModel(corruptDir, { modelName: 'broken' });
    await writeFile(path.join(modelPath, 'onnx', 'model.onnx'), 'not an onnx graph');
    const error = await rejectionOf(load({ model: 'broken', modelDir: corruptDir }));
    expect(error.code).toBe('EMBEDDER_UNAVAILABLE');
    expect(error.message).toContain(`Could not load embedding model "broken" from ${modelPath}`);
  });

  it('finds a model in the transformers.js cache folder when the model folder lacks it', async () => {
    const cachedRoot = path.join(root, 'cache-only');
    await buildTinyBertModel(path.join(cachedRoot, 'cache'), {
      modelName: 'cached/tiny-bert',
      hiddenSize: 8,
    });
    const embedder = await load({
      model: 'cached/tiny-bert',
      modelDir: path.join(cachedRoot, 'empty'),
      cacheDir: path.join(cachedRoot, 'cache'),
    });
    expect(embedder.dimensions).toBe(8);
  });

  it('accepts an absolute model folder', async () => {
    const absolute = await load({ model: path.join(modelDir, 'testing/tiny-bert') });
    expect(absolute.dimensions).toBe(32);
  });

  it('puts "query: " and "passage: " before the inputs of an e5 model', async () => {
    const e5 = await load({ model: 'testing/tiny-multilingual-e5' });
    const unprefixed = await load({
      model: 'testing/tiny-multilingual-e5',
      queryPrefix: '',
      passagePrefix: '',
    });
    const query = await embedOne(e5, 'Gefährder', 'query');
    const passage = await embedOne(e5, 'Gefährder', 'passage');
    expect(query).toEqual(await embedOne(unprefixed, 'query: Gefährder', 'query'));
    expect(passage).toEqual(await embedOne(unprefixed, 'passage: Gefährder', 'passage'));
    expect(query).not.toEqual(passage);
  });

  it('adds no prefixes for other models unless asked to', async () => {
    const plain = await load({ model: 'testing/tiny-bert' });
    expect(await embedOne(plain, 'Polizei', 'query')).toEqual(await embedOne(plain, 'Polizei', 'passage'));
    const custom = await load({ model: 'testing/tiny-bert', queryPrefix: 'query: ' });
    expect(await embedOne(custom, 'Polizei', 'query')).toEqual(
      await embedOne(plain, 'query: Polizei', 'query'),
    );
  });

  it('splits a call larger than maxEmbeddingsPerCall and returns the same vectors', async () => {
    const small = await load({ model: 'testing/tiny-bert', maxEmbeddingsPerCall: 2 });
    const large = await load({ model: 'testing/tiny-bert', maxEmbeddingsPerCall: 64 });
    const values = ['Bund', 'Länder', 'Polizei', 'Straße', 'Schutz'];
    const fromSmall = await small.doEmbed({ values, inputType: 'passage' });
    const fromLarge = await large.doEmbed({ values, inputType: 'passage' });
    expect(fromSmall.embeddings).toEqual(fromLarge.embeddings);
  });

  it('stops before the next batch once the abort signal fires', async () => {
    const embedder = await load({ model: 'testing/tiny-bert', maxEmbeddingsPerCall: 1 });
    const controller = new AbortController();
    controller.abort(new Error('caller gave up'));
    await expect(
      embedder.doEmbed({ values: ['a', 'b'], inputType: 'query', abortSignal: controller.signal }),
    ).rejects.toThrow('caller gave up');
  });

  it('rejects an unknown dtype with the list of known ones', async () => {
    const error = await rejectionOf(load({ model: 'testing/tiny-bert', dtype: 'fp8' as never }));
    expect(error.message).toContain('Unknown dtype "fp8"');
    expect(error.message).toContain('q8');
  });

  it("leaves transformers.js's process-wide env untouched", async () => {
    const before = { ...env };
    await load({ model: 'testing/tiny-bert', cacheDir: path.join(root, 'other-cache') });
    await rejectionOf(load({ model: 'missing/model', modelDir: path.join(root, 'nowhere') }));
    expect(env.allowRemoteModels).toBe(before.allowRemoteModels);
    expect(env.localModelPath).toBe(before.localModelPath);
    expect(env.cacheDir).toBe(before.cacheDir);
    expect(env.allowLocalModels).toBe(before.allowLocalModels);
  });
});
