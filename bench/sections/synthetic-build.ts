// Section "synthetic", build part (its own process per size): a synthetic corpus generated from the real units and
// indexed the way buildIndex does it, each stage timed alone (embedding, lexical, HNSW), with memory and disk size.
import { createGermanAnalyzer } from '../../src/analysis/index.ts';
import { computeTermStatistics } from '../../src/answer/term-statistics.ts';
import { chunkUnits } from '../../src/chunk/index.ts';
import { readCorpusDir } from '../../src/corpus/index.ts';
import { createOfflineEmbedder } from '../../src/embed/offline.ts';
import { embedAll, embedderId } from '../../src/embed/types.ts';
import { BeschlussError } from '../../src/errors.ts';
import { DEFAULT_CHUNKING, embeddingTextOf } from '../../src/index/build-index.ts';
import { hashContent } from '../../src/index/hash.ts';
import type { HnswSettings } from '../../src/index/hnsw-vector-store.ts';
import { createLexicalIndex } from '../../src/index/lexical.ts';
import { writeIndexArtifact } from '../../src/index/write-index-artifact.ts';
import { type Unit, unitsOf } from '../../src/model.ts';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.ts';
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
  clock.begin('lexical index');
  const lexical = createLexicalIndex({ analyzer, units });
  clock.begin('term statistics');
  const statistics = computeTermStatistics(units, analyzer);
  clock.begin('serialise lexical');
  const lexicalJson = JSON.stringify({ lexical: lexical.toJSON(), statistics: statistics.toJSON() });
  clock.begin('chunk');
  const chunks = await chunkUnits(units, {
    maxChars: DEFAULT_CHUNKING.chunkSize,
    overlapChars: DEFAULT_CHUNKING.chunkOverlap,
  });
  const unitsById = new Map(units.map((unit) => [unit.id, unit]));
  // As buildIndex: the offline embedder's vectors depend on the abbreviations learned, so they salt the hash.
  const salt = hashContent(
    JSON.stringify(analyzer.learnedAbbreviations().map((entry) => [entry.short, entry.long])),
  );
  const texts = chunks.map((chunk) => embeddingTextOf(unitsById.get(chunk.unitId) as Unit, chunk));
  clock.begin('embed');
  const embeddings = await embedAll(embedder, texts, 'passage', {
    onProgress: (done, total) => progress('embed', done, total),
  });
  const vectors = new Map<string, number[]>();
  chunks.forEach((chunk, position) => {
    const vector = embeddings[position];
    if (!vector)
      throw new BeschlussError('EMBEDDER_FAILED', `The embedder returned no vector for ${chunk.id}.`);
    vectors.set(chunk.id, vector);
  });
  clock.begin('validate manifest');
  await writeIndexArtifact(
    indexDir,
    {
      embedder,
      collections: meetings.map((meeting) => ({
        file: `synthetic/${meeting.id}.txt`,
        meetingId: meeting.id,
        meeting: {
          id: meeting.id,
          date: meeting.date,
          title: meeting.title,
          ...(meeting.number ? { number: meeting.number } : {}),
        },
        contentHash: hashContent(JSON.stringify(meeting)),
        unitIds: unitsOf(meeting).map((unit) => unit.id),
      })),
      units,
      chunks: chunks.map((chunk, position) => ({
        ...chunk,
        contentHash: hashContent(`${salt}\n${texts[position]}`),
      })),
      vectors,
      lexicalJson,
      chunking: DEFAULT_CHUNKING,
    },
    {
      hnsw,
      onProgress: (event) => {
        clock.begin(event.stage === 'hnsw' ? 'hnsw (graph + save)' : 'write files');
        progress(event.stage, event.done, event.total);
      },
    },
  );
  const stages = clock.end();
  const buildMilliseconds = performance.now() - started;
  const sampledPeakRssBytes = sampler.stop();
  const files = await filesUnder(indexDir);
  return {
    size,
    meetings: meetings.length,
    units: units.length,
    chunks: chunks.length,
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
