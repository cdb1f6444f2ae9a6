// Test fixture: the real HTTP app over a search state of the real pipeline, so an HTTP evaluation can be compared
// with the in-process one on the same index.

import type { SearchState } from '../../assistant/index.ts';
import type { Assistant } from '../../assistant/types.ts';
import { BeschlussError } from '../../errors.ts';
import { createMemoryLogger } from '../../logger.ts';
import type { App } from '../../server/index.ts';
import { createApp, type ServerConfig } from '../../server/index.ts';
import { OPEN_CONFIG } from '../../server/testing/test-app.ts';
import type { FetchFunction } from '../http-target.ts';

export function assistantOf(state: SearchState): Assistant {
  return {
    catalog: state.catalog,
    retriever: state.retriever,
    answerer: state.extractive,
    health: () => ({
      status: 'ok',
      units: state.catalog.size,
      embedder: state.index.manifest.embedder.id,
      model: state.index.manifest.embedder.modelId,
      meetings: state.catalog.meetings.length,
      answerer: 'extractive',
      indexBuiltAt: state.index.manifest.builtAt,
    }),
    reindex: () => Promise.reject(new BeschlussError('INDEX_BUSY', 'the test index is not rebuilt')),
    close: async () => {},
  };
}

export function stateApp(
  state: SearchState,
  config: Partial<ServerConfig> = {},
): { app: App; fetch: FetchFunction } {
  const app = createApp({
    assistant: assistantOf(state),
    logger: createMemoryLogger(),
    config: { ...OPEN_CONFIG, ...config },
    webDirectory: '/nonexistent-web-folder',
  });
  return { app, fetch: async (input, init) => app.request(input, init) };
}
