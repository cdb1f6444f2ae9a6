// Section "build" (runs in its own process per embedder): the bundled corpus indexed cold into a fresh folder, then
// re-indexed warm (stored vectors reused), with the analyzer and model loads apart, stage times, memory, disk size.
import { createGermanAnalyzer } from '../../src/analysis/index.ts';
import { DEFAULT_HNSW_SETTINGS, type HnswSettings } from '../../src/index/vector/index.ts';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.ts';
import { type BenchEmbedder, createBenchEmbedder, type EmbedderLoad } from '../bench-embedder.ts';
import { type FileSize, filesUnder, totalBytes } from '../disk-usage.ts';
import { type MemorySnapshot, memorySnapshot, peakRssBytes, startRssSampler } from '../memory.ts';
import { createProgressReporter } from '../progress.ts';
import type { StageTiming } from '../stage-clock.ts';
import { timedBuildIndex } from '../timed-build.ts';

export interface RealBuildRequest {
  embedder: BenchEmbedder;
  /** A fresh, empty folder; left in place for the start-up measurement. */
  indexDir: string;
  corpusDir?: string;
}

export interface TimedRun {
  milliseconds: number;
  stages: StageTiming[];
  /** Chunks embedded and reused, sentences in the index and how many of them were embedded. */
  embedded: number;
  reused: number;
  sentences: number;
  sentencesEmbedded: number;
  /** Distinct texts sent to the embedder (chunks and sentences, each text once). */
  textsEmbedded: number;
}

export interface RealBuildResult {
  corpusDir: string;
  kind: BenchEmbedder;
  embedder: string;
  hnsw: HnswSettings;
  units: number;
  chunks: number;
  /** Loading the German analyzer (word list, thesaurus, lexicon): part of every start, not of buildIndex. */
  analyzerMilliseconds: number;
  /** Creating the embedder: for the model the ONNX session, the weights checksum and the probe. */
  embedderLoad: EmbedderLoad;
  cold: TimedRun;
  warm: TimedRun;
  files: FileSize[];
  indexBytes: number;
  /** Highest RSS sampled during the cold build (a lower bound: synchronous work starves the sampler). */
  sampledPeakRssBytes: number;
  /** The process's peak RSS after both builds (resourceUsage maxRSS: exact, includes analyzer and model). */
  processPeakRssBytes: number;
  memoryAfter: MemorySnapshot;
}

export async function runRealBuild(request: RealBuildRequest): Promise<RealBuildResult> {
  const { indexDir, corpusDir = DEFAULT_CORPUS_DIR } = request;
  const progress = createProgressReporter(`build ${request.embedder}`);
  const started = performance.now();
  const analyzer = await createGermanAnalyzer();
  const analyzerMilliseconds = performance.now() - started;
  const { embedder, load } = await createBenchEmbedder(request.embedder, analyzer);
  const onProgress = (event: { stage: string; done: number; total: number }) =>
    progress(event.stage, event.done, event.total);

  const sampler = startRssSampler();
  const cold = await timedBuildIndex({ corpusDir, indexDir, embedder, analyzer, onProgress });
  const sampledPeakRssBytes = sampler.stop();
  const warm = await timedBuildIndex({ corpusDir, indexDir, embedder, analyzer, onProgress });
  const files = await filesUnder(indexDir);
  const runOf = (build: typeof cold): TimedRun => ({
    milliseconds: build.milliseconds,
    stages: build.stages,
    embedded: build.report.embedded,
    reused: build.report.reused,
    sentences: build.report.sentences,
    sentencesEmbedded: build.report.sentencesEmbedded,
    textsEmbedded: build.textsEmbedded,
  });
  return {
    corpusDir,
    kind: request.embedder,
    embedder: load.id,
    hnsw: { ...DEFAULT_HNSW_SETTINGS },
    units: cold.report.units,
    chunks: cold.index.chunks.length,
    analyzerMilliseconds,
    embedderLoad: load,
    cold: runOf(cold),
    warm: runOf(warm),
    files,
    indexBytes: totalBytes(files),
    sampledPeakRssBytes,
    processPeakRssBytes: peakRssBytes(),
    memoryAfter: memorySnapshot(),
  };
}
