import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from '@huggingface/transformers';
import { describe, expect, it } from 'vitest';
import { useTemporaryDirectory } from '../../testing/temporary-directory.ts';
import { buildTinyBertModel } from './tiny-model.ts';

const inRoot = useTemporaryDirectory('beschluss-tiny-model-test-');

describe('buildTinyBertModel', () => {
  it('writes the files transformers.js v3 loads for fp32 and q8, and nothing half-written', async () => {
    const { modelName, modelPath } = await buildTinyBertModel(inRoot('files'));
    expect(modelName).toBe('testing/tiny-multilingual-e5');
    expect((await readdir(modelPath)).sort()).toEqual([
      'config.json',
      'onnx',
      'tokenizer.json',
      'tokenizer_config.json',
    ]);
    expect((await readdir(path.join(modelPath, 'onnx'))).sort()).toEqual([
      'model.onnx',
      'model_quantized.onnx',
    ]);
    const config = JSON.parse(await readFile(path.join(modelPath, 'config.json'), 'utf8'));
    expect(config).toMatchObject({ model_type: 'bert', hidden_size: 32 });
  });

  it('writes byte-identical weights for the same seed and different ones for another seed', async () => {
    const read = async (folder: string, seed: number) => {
      const { modelPath } = await buildTinyBertModel(inRoot(folder), { seed });
      return readFile(path.join(modelPath, 'onnx', 'model.onnx'));
    };
    const first = await read('seed-a', 7);
    expect((await read('seed-b', 7)).equals(first)).toBe(true);
    expect((await read('seed-c', 8)).equals(first)).toBe(false);
  });

  it('tokenises German with WordPiece, keeping umlauts and wrapping in [CLS] … [SEP]', async () => {
    const { modelPath } = await buildTinyBertModel(inRoot('tokenizer'));
    const extractor = await pipeline('feature-extraction', modelPath, {
      local_files_only: true,
      dtype: 'fp32',
    });
    expect(extractor.tokenizer.tokenize('Prüfung der Gefährderübermittlung')).toEqual([
      'prüfung',
      'der',
      'gefährder',
      ...['##ü', '##b', '##er', '##m', '##i', '##t', '##t', '##l', '##ung'],
    ]);
    const { input_ids } = extractor.tokenizer('query: Polizei');
    const ids = Array.from(input_ids.data as BigInt64Array, Number);
    expect(extractor.tokenizer.decode(ids)).toBe('[CLS] query : polizei [SEP]');
  });

  it('runs as a graph with dynamic batch and sequence, giving [batch, sequence, hidden] with padding zeroed', async () => {
    const { modelPath } = await buildTinyBertModel(inRoot('graph'), { hiddenSize: 8 });
    const extractor = await pipeline('feature-extraction', modelPath, {
      local_files_only: true,
      dtype: 'fp32',
    });
    const output = await extractor(['Polizei', 'Der Bund und die Länder'], { pooling: 'none' });
    const [batch, sequence, hidden] = output.dims as [number, number, number];
    expect([batch, hidden]).toEqual([2, 8]);
    expect(sequence).toBeGreaterThan(3);
    const data = output.data as Float32Array;
    // "Polizei" is [CLS] polizei [SEP]: its later positions are padding.
    const padding = data.slice(3 * hidden, sequence * hidden);
    expect(padding.every((value) => value === 0)).toBe(true);
    const words = data.slice(0, 3 * hidden);
    expect(words.every((value) => Math.abs(value) > 0 && Math.abs(value) < 1)).toBe(true);
  });
});
