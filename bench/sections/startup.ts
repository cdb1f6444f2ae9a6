// Section "build", second part (a fresh process): createAssistant over an existing index, as `beschluss serve` starts.
import { createAssistant } from '../../src/assistant/create.ts';
import { loadConfig } from '../../src/config.ts';
import { createLogger } from '../../src/logger.ts';
import { DEFAULT_CORPUS_DIR } from '../../src/paths.ts';
import { type MemorySnapshot, memorySnapshot, peakRssBytes } from '../memory.ts';

export interface StartupRequest {
  indexDir: string;
  corpusDir?: string;
}

export interface StartupResult {
  /** createAssistant with EMBEDDER=offline: analyzer load, index status and checksums, index load, search state. */
  milliseconds: number;
  /** The first /api/search-like query after start (cold caches). */
  firstQueryMilliseconds: number;
  units: number;
  memoryAfter: MemorySnapshot;
  processPeakRssBytes: number;
}

export async function runStartup(request: StartupRequest): Promise<StartupResult> {
  const { indexDir, corpusDir = DEFAULT_CORPUS_DIR } = request;
  const config = loadConfig({
    INDEX_DIR: indexDir,
    CORPUS_DIR: corpusDir,
    EMBEDDER: 'offline',
    LOG_LEVEL: 'silent',
  });
  const logger = createLogger({ level: 'silent' });
  let started = performance.now();
  const assistant = await createAssistant({ config, logger });
  const milliseconds = performance.now() - started;
  started = performance.now();
  await assistant.retriever.search('Nationales Waffenregister', { k: 5 });
  const firstQueryMilliseconds = performance.now() - started;
  const result = {
    milliseconds,
    firstQueryMilliseconds,
    units: assistant.catalog.size,
    memoryAfter: memorySnapshot(),
    processPeakRssBytes: peakRssBytes(),
  };
  await assistant.close();
  return result;
}
