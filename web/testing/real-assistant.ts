// The real assistant for the page tests: createAssistant over data/corpus with the offline embedder, its index built
// into a temporary folder; requests to its answerer are recorded so a test can check what the page sent.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Answerer, AskRequest } from '../../src/answer/types.ts';
import { createAssistant } from '../../src/assistant/create.ts';
import type { Assistant } from '../../src/assistant/types.ts';
import { loadConfig } from '../../src/config.ts';
import { createMemoryLogger } from '../../src/logger.ts';

export interface RealAssistant {
  assistant: Assistant;
  /** Every request the answerer received, oldest first. */
  requests: AskRequest[];
  /** Closes the assistant and removes its index folder. */
  dispose(): Promise<void>;
}

/**
 * `base` with some members replaced; the others are read from `base` itself, getters included, so that they follow
 * a reindex of the base.
 */
export function withOverrides<T extends object>(base: T, overrides: Partial<T>): T {
  return Object.create(base, Object.getOwnPropertyDescriptors(overrides)) as T;
}

export async function buildRealAssistant(): Promise<RealAssistant> {
  const indexDir = await mkdtemp(path.join(tmpdir(), 'beschluss-web-index-'));
  const config = loadConfig({ INDEX_DIR: indexDir, EMBEDDER: 'offline' });
  const inner = await createAssistant({ config, logger: createMemoryLogger() });
  const requests: AskRequest[] = [];
  const assistant = withOverrides(inner, {
    get answerer() {
      const answerer = inner.answerer;
      const recording: Answerer = {
        answer(request, options) {
          requests.push(request);
          return answerer.answer(request, options);
        },
        stream(request, options) {
          requests.push(request);
          return answerer.stream(request, options);
        },
      };
      return recording;
    },
  });
  return {
    assistant,
    requests,
    async dispose() {
      await inner.close();
      await rm(indexDir, { recursive: true, force: true });
    },
  };
}
