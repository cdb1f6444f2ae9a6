import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Analyzer, createGermanAnalyzer } from '../analysis/index.ts';
import { createOfflineEmbedder } from '../embed/index.ts';
import { buildEvalPipeline } from './pipeline.ts';

let directory: string;
let analyzer: Analyzer;
beforeAll(async () => {
  directory = await mkdtemp(path.join(os.tmpdir(), 'beschluss-pipeline-'));
  analyzer = await createGermanAnalyzer();
});
afterAll(() => rm(directory, { recursive: true, force: true }));

describe('buildEvalPipeline', () => {
  it('removes its temporary index when the corpus cannot be built', async () => {
    const corpusDir = path.join(directory, 'empty-corpus');
    const temporaryDirectory = path.join(directory, 'indexes');
    await mkdir(corpusDir);
    await mkdir(temporaryDirectory);
    await expect(
      buildEvalPipeline({
        corpusDir,
        embedder: await createOfflineEmbedder({ analyzer }),
        analyzer,
        temporaryDirectory,
      }),
    ).rejects.toThrow(/empty-corpus/);
    expect(await readdir(temporaryDirectory)).toEqual([]);
  });
});
