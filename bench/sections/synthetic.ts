// Section "synthetic": per embedder and size, a worker builds the synthetic index and a fresh worker loads and queries
// it; the model's largest build is then projected to the projection size (its 100k build would take over an hour).
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { HnswSettings } from '../../src/index/vector/index.ts';
import type { BenchEmbedder } from '../bench-embedder.ts';
import { logProgress } from '../progress.ts';
import { type BuildProjection, projectBuild } from '../projection.ts';
import { inFreshWorker } from '../worker-client.ts';
import type { SyntheticBuildResult } from './synthetic-build.ts';
import type { SyntheticQueryResult } from './synthetic-query.ts';

export interface SyntheticSectionOptions {
  embedders: readonly BenchEmbedder[];
  /** Sizes built with the offline embedder. */
  sizes: readonly number[];
  /** Sizes built with the model. */
  modelSizes: readonly number[];
  /** Size the largest build of each embedder is projected to when it was not built (default 100 000). */
  projectTo: number;
  seed: number;
  hnsw: HnswSettings;
  runs: number;
  warmup: number;
  budgetMs: number;
}

export interface SyntheticSizeResult {
  build: SyntheticBuildResult;
  query: SyntheticQueryResult;
}

export interface SyntheticProjection {
  kind: BenchEmbedder;
  /** Units of the build projected from. */
  fromUnits: number;
  /** Units of the other embedder's build of the target size used for the embedder-independent stages, if any. */
  referenceUnits?: number;
  projection: BuildProjection;
}

export interface SyntheticSectionResult {
  sizes: SyntheticSizeResult[];
  projections: SyntheticProjection[];
}

/** efSearch values compared on every graph; hnswlib searches with max(efSearch, k) and the retriever asks k = 80. */
export const EF_SEARCH_SWEEP = [80, 120, 200, 400];

export async function runSyntheticSection(options: SyntheticSectionOptions): Promise<SyntheticSectionResult> {
  const { embedders, seed, hnsw, runs, warmup, budgetMs, projectTo } = options;
  const sizes: SyntheticSizeResult[] = [];
  for (const embedder of embedders) {
    for (const size of embedder === 'transformers' ? options.modelSizes : options.sizes) {
      const label = `synthetic ${embedder} ${size}`;
      const indexDir = await mkdtemp(
        path.join(os.tmpdir(), `beschluss-bench-synthetic-${embedder}-${size}-`),
      );
      try {
        logProgress(label, `building (HNSW M ${hnsw.m}, efConstruction ${hnsw.efConstruction})`);
        const build = await inFreshWorker('synthetic-build', { embedder, size, seed, hnsw, indexDir });
        const query = await inFreshWorker('synthetic-query', {
          embedder,
          size,
          indexDir,
          runs,
          warmup,
          budgetMs,
          seed,
          efSearchValues: [...new Set([...EF_SEARCH_SWEEP, hnsw.efSearch])].sort(
            (left, right) => left - right,
          ),
        });
        sizes.push({ build, query });
      } finally {
        await rm(indexDir, { recursive: true, force: true });
      }
    }
  }
  return { sizes, projections: projectionsOf(sizes, projectTo) };
}

/** For each embedder whose largest build is smaller than `projectTo`: that build projected to `projectTo` units. */
export function projectionsOf(
  sizes: readonly SyntheticSizeResult[],
  projectTo: number,
): SyntheticProjection[] {
  const projections: SyntheticProjection[] = [];
  for (const kind of [...new Set(sizes.map((entry) => entry.build.kind))]) {
    const builds = sizes.filter((entry) => entry.build.kind === kind).map((entry) => entry.build);
    if (builds.some((build) => build.units >= projectTo)) continue;
    const largest = builds.reduce((best, build) => (build.units > best.units ? build : best));
    const reference = sizes.find(
      (entry) => entry.build.kind !== kind && entry.build.units === projectTo,
    )?.build;
    projections.push({
      kind,
      fromUnits: largest.units,
      ...(reference ? { referenceUnits: reference.units } : {}),
      projection: projectBuild(largest, projectTo, reference),
    });
  }
  return projections;
}
