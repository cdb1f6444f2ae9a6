// Section "build": per embedder, the real-corpus build (cold then warm) in one worker, then start-up over that index
// in a fresh one.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { BenchEmbedder } from '../bench-embedder.ts';
import { logProgress } from '../progress.ts';
import { inFreshWorker } from '../worker-client.ts';
import type { RealBuildResult } from './real-build.ts';
import type { StartupResult } from './startup.ts';

export interface BuildSectionResult {
  build: RealBuildResult;
  startup: StartupResult;
}

export async function runBuildSection(embedders: readonly BenchEmbedder[]): Promise<BuildSectionResult[]> {
  const results: BuildSectionResult[] = [];
  for (const embedder of embedders) {
    const indexDir = await mkdtemp(path.join(os.tmpdir(), `beschluss-bench-build-${embedder}-`));
    try {
      logProgress(`build ${embedder}`, `indexing the bundled corpus into ${indexDir}`);
      const build = await inFreshWorker('real-build', { embedder, indexDir });
      logProgress(`build ${embedder}`, 'starting the assistant over the built index');
      const startup = await inFreshWorker('startup', { embedder, indexDir });
      results.push({ build, startup });
    } finally {
      await rm(indexDir, { recursive: true, force: true });
    }
  }
  return results;
}
