// Section "synthetic", build part (its own process per embedder and size): a synthetic corpus generated from the real
// units and indexed the way buildIndex does it, each stage timed alone (embedding, lexical, HNSW), with memory and
// disk size, and the texts embedded per second.
import path from 'node:path';
import { createGermanAnalyzer } from '../../src/analysis/index.ts';
import { readCorpusDir } from '../../src/corpus/index.ts';
import { SENTENCES_FILE } from '../../src/index/artifact/index.ts';
import { buildIndexFrom } from '../../src/index/build-index.ts';
import type { HnswSettings } from '../../src/index/vector/index.ts';
import { unitsOf } from '../../src/model.ts';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.ts';
import { type BenchEmbedder, createBenchEmbedder, type EmbedderLoad } from '../bench-embedder.ts';
import { createBuildTimer, passagesPerSecond } from '../build-timer.ts';
import { type FileSize, filesUnder, totalBytes } from '../disk-usage.ts';
import { type MemorySnapshot, memorySnapshot, peakRssBytes, startRssSampler } from '../memory.ts';
import { loadNounPool } from '../noun-pool.ts';
import { createProgressReporter } from '../progress.ts';
import { createStageClock, type StageTiming } from '../stage-clock.ts';
import { createSyntheticCorpus } from '../synthetic-corpus.ts';

export interface SyntheticBuildRequest {
  embedder: BenchEmbedder;
  size: number;
  seed: number;
  hnsw: HnswSettings;
  /** A fresh, empty folder; the query part loads the index from it. */
  indexDir: string;
  corpusDir?: string;
}

export interface SyntheticBuildResult {
  kind: BenchEmbedder;
  size: number;
  meetings: number;
  units: number;
  chunks: number;
  sentences: number;
  distinctTexts: number;
  /** Distinct texts sent to the embedder (chunks and sentences) and how many per second the embed stage did. */
  textsEmbedded: number;
  passagesPerSecond: number | undefined;
  /** Bytes of sentences.i8, the int8 sentence vectors (header, 16 bytes per sentence, dimensions bytes per sentence). */
  sentenceVectorBytes: number;
  embedder: string;
  embedderLoad: EmbedderLoad;
  hnsw: HnswSettings;
  /** Generating the corpus, loading the analyzer and the embedder, which a real build does not pay per unit. */
  preparation: StageTiming[];
  /** The index build proper, stage by stage. */
  stages: StageTiming[];
  buildMilliseconds: number;
  files: FileSize[];
  indexBytes: number;
  sampledPeakRssBytes: number;
  processPeakRssBytes: number;
  memoryAfter: MemorySnapshot;
}

export async function runSyntheticBuild(request: SyntheticBuildRequest): Promise<SyntheticBuildResult> {
  const { size, seed, hnsw, indexDir, corpusDir = DEFAULT_CORPUS_DIR } = request;
  const label = `synthetic ${request.embedder} ${size}`;
  const progress = createProgressReporter(label);
  const preparationClock = createStageClock();

  preparationClock.begin('generate corpus');
  const { collections } = await readCorpusDir(corpusDir);
  const sourceUnits = collections.flatMap((collection) => unitsOf(collection.meeting));
  const corpus = createSyntheticCorpus({
    sourceUnits,
    unitCount: size,
    seed,
    nounPool: await loadNounPool(),
  });
  preparationClock.begin('load analyzer');
  const analyzer = await createGermanAnalyzer();
  preparationClock.begin('load embedder');
  const { embedder, load } = await createBenchEmbedder(request.embedder, analyzer);
  const preparation = preparationClock.end();
  const { units, meetings } = corpus;
  progress('generated', units.length, size);

  const sampler = startRssSampler();
  const timer = createBuildTimer();
  const started = performance.now();
  const { report } = await buildIndexFrom({
    indexDir,
    embedder,
    analyzer,
    hnsw,
    collections: meetings.map((meeting) => ({ file: `synthetic/${meeting.id}.txt`, meeting })),
    onProgress: (event) => {
      timer.onProgress(event);
      progress(event.stage, event.done, event.total);
    },
  });
  const timed = timer.finish();
  const buildMilliseconds = performance.now() - started;
  const sampledPeakRssBytes = sampler.stop();
  const files = await filesUnder(indexDir);
  const sentenceFile = files.find((file) => path.basename(file.name) === SENTENCES_FILE);
  return {
    kind: request.embedder,
    size,
    meetings: meetings.length,
    units: units.length,
    chunks: report.embedded + report.reused,
    sentences: report.sentences,
    distinctTexts: new Set(units.map((unit) => unit.text)).size,
    textsEmbedded: timed.textsEmbedded,
    passagesPerSecond: passagesPerSecond(timed),
    sentenceVectorBytes: sentenceFile?.bytes ?? 0,
    embedder: load.id,
    embedderLoad: load,
    hnsw,
    preparation,
    stages: timed.stages,
    buildMilliseconds,
    files,
    indexBytes: totalBytes(files),
    sampledPeakRssBytes,
    processPeakRssBytes: peakRssBytes(),
    memoryAfter: memorySnapshot(),
  };
}
