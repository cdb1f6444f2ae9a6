// Section "build" (runs in its own process): the bundled corpus indexed cold into a fresh folder, then re-indexed
// warm (stored vectors reused), with stage times, peak memory and the size on disk.
import { createGermanAnalyzer } from '../../src/analysis/index.ts';
import { createOfflineEmbedder } from '../../src/embed/offline.ts';
import { embedderId } from '../../src/embed/types.ts';
import { DEFAULT_HNSW_SETTINGS, type HnswSettings } from '../../src/index/vector/index.ts';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.ts';
import { type FileSize, filesUnder, totalBytes } from '../disk-usage.ts';
import { type MemorySnapshot, memorySnapshot, peakRssBytes, startRssSampler } from '../memory.ts';
import { createProgressReporter } from '../progress.ts';
import type { StageTiming } from '../stage-clock.ts';
import { timedBuildIndex } from '../timed-build.ts';

export interface RealBuildRequest {
  /** A fresh, empty folder; left in place for the start-up measurement. */
  indexDir: string;
  corpusDir?: string;
}

export interface TimedRun {
  milliseconds: number;
  stages: StageTiming[];
  embedded: number;
  reused: number;
}

export interface RealBuildResult {
  corpusDir: string;
  embedder: string;
  hnsw: HnswSettings;
  units: number;
  chunks: number;
  /** Loading the German analyzer (word list, thesaurus, lexicon): part of every start, not of buildIndex. */
  analyzerMilliseconds: number;
  cold: TimedRun;
  warm: TimedRun;
  files: FileSize[];
  indexBytes: number;
  /** Highest RSS sampled during the cold build (a lower bound: synchronous work starves the sampler). */
  sampledPeakRssBytes: number;
  /** The process's peak RSS after both builds (resourceUsage maxRSS: exact, includes the analyzer). */
  processPeakRssBytes: number;
  memoryAfter: MemorySnapshot;
}

export async function runRealBuild(request: RealBuildRequest): Promise<RealBuildResult> {
  const { indexDir, corpusDir = DEFAULT_CORPUS_DIR } = request;
  const progress = createProgressReporter('build');
  let started = performance.now();
  const analyzer = await createGermanAnalyzer();
  const analyzerMilliseconds = performance.now() - started;
  const embedder = await createOfflineEmbedder({ analyzer });
  const onProgress = (event: { stage: string; done: number; total: number }) =>
    progress(event.stage, event.done, event.total);

  const sampler = startRssSampler();
  const cold = await timedBuildIndex({ corpusDir, indexDir, embedder, analyzer, onProgress });
  const sampledPeakRssBytes = sampler.stop();
  started = performance.now();
  const warm = await timedBuildIndex({ corpusDir, indexDir, embedder, analyzer, onProgress });
  const files = await filesUnder(indexDir);
  const runOf = (build: typeof cold): TimedRun => ({
    milliseconds: build.milliseconds,
    stages: build.stages,
    embedded: build.report.embedded,
    reused: build.report.reused,
  });
  return {
    corpusDir,
    embedder: embedderId(embedder),
    hnsw: { ...DEFAULT_HNSW_SETTINGS },
    units: cold.report.units,
    chunks: cold.index.chunks.length,
    analyzerMilliseconds,
    cold: runOf(cold),
    warm: runOf(warm),
    files,
    indexBytes: totalBytes(files),
    sampledPeakRssBytes,
    processPeakRssBytes: peakRssBytes(),
    memoryAfter: memorySnapshot(),
  };
}
