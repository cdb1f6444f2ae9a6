// Section "synthetic", build part (its own process per size): a synthetic corpus generated from the real units and
// indexed the way buildIndex does it, each stage timed alone (embedding, lexical, HNSW), with memory and disk size.
import { createGermanAnalyzer } from '../../src/analysis/index.ts';
import { readCorpusDir } from '../../src/corpus/index.ts';
import { createOfflineEmbedder } from '../../src/embed/offline.ts';
import { embedderId } from '../../src/embed/types.ts';
import { buildIndexFrom } from '../../src/index/build-index.ts';
import type { HnswSettings } from '../../src/index/vector/index.ts';
import { unitsOf } from '../../src/model.ts';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.ts';
import { SYNTHETIC_BUILD_COLUMNS } from '../build-stages.ts';
import { type FileSize, filesUnder, totalBytes } from '../disk-usage.ts';
import { type MemorySnapshot, memorySnapshot, peakRssBytes, startRssSampler } from '../memory.ts';
import { loadNounPool } from '../noun-pool.ts';
import { createProgressReporter } from '../progress.ts';
import { createStageClock, type StageTiming } from '../stage-clock.ts';
import { createSyntheticCorpus } from '../synthetic-corpus.ts';

export interface SyntheticBuildRequest {
  size: number;
  seed: number;
  hnsw: HnswSettings;
  /** A fresh, empty folder; the query part loads the index from it. */
  indexDir: string;
  corpusDir?: string;
}

export interface SyntheticBuildResult {
  size: number;
  meetings: number;
  units: number;
  chunks: number;
  sentences: number;
  distinctTexts: number;
  embedder: string;
  hnsw: HnswSettings;
  /** Generating the corpus and loading the analyzer, which a real build does not pay per unit. */
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
  const label = `synthetic ${size}`;
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
  const embedder = await createOfflineEmbedder({ analyzer });
  const preparation = preparationClock.end();
  const { units, meetings } = corpus;
  progress('generated', units.length, size);

  const sampler = startRssSampler();
  const clock = createStageClock();
  const started = performance.now();
  const { report } = await buildIndexFrom({
    indexDir,
    embedder,
    analyzer,
    hnsw,
    collections: meetings.map((meeting) => ({ file: `synthetic/${meeting.id}.txt`, meeting })),
    onProgress: (event) => {
      clock.begin(SYNTHETIC_BUILD_COLUMNS[event.stage]);
      progress(event.stage, event.done, event.total);
    },
  });
  const stages = clock.end();
  const buildMilliseconds = performance.now() - started;
  const sampledPeakRssBytes = sampler.stop();
  const files = await filesUnder(indexDir);
  return {
    size,
    meetings: meetings.length,
    units: units.length,
    chunks: report.embedded + report.reused,
    sentences: report.sentences,
    distinctTexts: new Set(units.map((unit) => unit.text)).size,
    embedder: embedderId(embedder),
    hnsw,
    preparation,
    stages,
    buildMilliseconds,
    files,
    indexBytes: totalBytes(files),
    sampledPeakRssBytes,
    processPeakRssBytes: peakRssBytes(),
    memoryAfter: memorySnapshot(),
  };
}
