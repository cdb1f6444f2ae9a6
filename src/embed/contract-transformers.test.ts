// Runs the Embedder contract against transformers.js on the tiny BERT model the tests build.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';
import { describeEmbedderContract } from './contract.ts';
import { buildTinyBertModel } from './testing/tiny-model.ts';
import { createTransformersEmbedder } from './transformers.ts';

const folders: string[] = [];

afterAll(async () => {
  await Promise.all(folders.map((folder) => rm(folder, { recursive: true, force: true })));
});

describeEmbedderContract('transformers (tiny BERT, remote disabled)', async () => {
  const modelDir = await mkdtemp(path.join(tmpdir(), 'beschluss-tiny-model-'));
  folders.push(modelDir);
  const { modelName } = await buildTinyBertModel(modelDir);
  return createTransformersEmbedder({
    model: modelName,
    modelDir,
    cacheDir: path.join(modelDir, 'cache'),
    allowRemote: false,
    maxEmbeddingsPerCall: 4,
  });
});
