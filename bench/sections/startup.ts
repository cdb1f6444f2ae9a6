// Section "build", second part (a fresh process): createAssistant over an existing index, as `beschluss serve` starts.
import { createAssistant } from '../../src/assistant/create.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.ts';
import type { BenchEmbedder } from '../bench-embedder.ts';
import { type MemorySnapshot, memorySnapshot, peakRssBytes } from '../memory.ts';

export interface StartupRequest {
  embedder: BenchEmbedder;
  indexDir: string;
  corpusDir?: string;
}

export interface StartupResult {
  kind: BenchEmbedder;
  /** createAssistant with EMBEDDER set: analyzer load, model load, index status and checksums, index load, search state. */
  milliseconds: number;
  /** The first /api/search-like query after start (cold caches, the query not in the LRU). */
  firstQueryMilliseconds: number;
  /** Whether the index was loaded as it was (true) or had to be rebuilt (a mismatch: then start-up includes a build). */
  loadedExisting: boolean;
  units: number;
  memoryAfter: MemorySnapshot;
  processPeakRssBytes: number;
}

export async function runStartup(request: StartupRequest): Promise<StartupResult> {
  const { indexDir, corpusDir = DEFAULT_CORPUS_DIR } = request;
  const config = loadConfig({
    INDEX_DIR: indexDir,
    CORPUS_DIR: corpusDir,
    EMBEDDER: request.embedder,
    LOG_LEVEL: 'silent',
  });
  const logger = createLogger({ level: 'silent' });
  let started = performance.now();
  let rebuilt = false;
  const assistant = await createAssistant({
    config,
    logger,
    onProgress: () => {
      rebuilt = true;
    },
  });
  const milliseconds = performance.now() - started;
  started = performance.now();
  await assistant.retriever.search('Nationales Waffenregister', { k: 5 });
  const firstQueryMilliseconds = performance.now() - started;
  const result = {
    kind: request.embedder,
    milliseconds,
    firstQueryMilliseconds,
    loadedExisting: !rebuilt,
    units: assistant.catalog.size,
    memoryAfter: memorySnapshot(),
    processPeakRssBytes: peakRssBytes(),
  };
  await assistant.close();
  return result;
}
