// Assembles the assistant at start-up: analyzer, embedder (with offline fallback), the index store (files in
// INDEX_DIR, or PostgreSQL with DATABASE_URL), the active index version (loaded, or built when missing, stale or
// corrupt), retriever and answerer; a reindex, here or on another server of the same database, swaps in the new
// version without a restart.
import path from 'node:path';
import { type Analyzer, createGermanAnalyzer } from '../analysis/index.ts';
import { createConfiguredLlmAnswerer } from '../answer/index.ts';
import type { Answerer } from '../answer/types.ts';
import type { Config } from '../config.ts';
import { type Database, openDatabase } from '../database.ts';
import { type Embedder, embedderId } from '../embed/types.ts';
import { BeschlussError } from '../errors.ts';
import {
  type BuildProgress,
  type BuildReport,
  buildIndex,
  chunkingFor,
  corpusFileHashes,
  corpusHashOf,
  createFileIndexStore,
  createPostgresIndexStore,
  type IndexExpectation,
  type IndexStore,
  type LoadedIndex,
} from '../index/index.ts';
import type { Logger } from '../logger.ts';
import { chooseEmbedder } from './choose-embedder.ts';
import { openSearchState, type SearchState } from './search-state.ts';
import type { Assistant, Health, ReindexResult } from './types.ts';

export interface CreateAssistantOptions {
  config: Config;
  logger: Logger;
  /** Build progress (the CLI draws a progress bar from it). */
  onProgress?: (progress: BuildProgress) => void;
  /**
   * Seams for tests: the answerer built over each search state (default: its extractive answerer); `parts` are the
   * state's analyzer (of the index's lexicon) and query embedder.
   */
  createAnswerer?: (state: SearchState, parts: { analyzer: Analyzer; embedder: Embedder }) => Answerer;
  /** Use this analyzer of the bundled lexicon instead of loading one (tests share one). */
  analyzer?: Analyzer;
  /** Use this embedder instead of choosing one from the configuration. */
  embedder?: Embedder;
  /** The database of DATABASE_URL when the caller has opened it (the server shares it with the feedback store). */
  database?: Database;
  /** Use this store instead of the one the configuration names. */
  store?: IndexStore;
}

export async function createAssistant(options: CreateAssistantOptions): Promise<Assistant> {
  const { config, logger, onProgress } = options;
  const analyzer = options.analyzer ?? (await createGermanAnalyzer());
  const { embedder, fallbackReason } = options.embedder
    ? { embedder: options.embedder, fallbackReason: undefined }
    : await chooseEmbedder({ config, logger, analyzer });
  // With LLM_BASE_URL and LLM_MODEL set, the LLM answerer (falling back to the extractive one) answers.
  const llmAnswererFor = options.createAnswerer
    ? undefined
    : await createConfiguredLlmAnswerer({ config, logger });
  const answererFor = (state: SearchState) =>
    options.createAnswerer
      ? options.createAnswerer(state, { analyzer: state.analyzer, embedder: state.embedder })
      : (llmAnswererFor?.(state) ?? state.extractive);

  const opened = await openStore(options);
  const { store } = opened;
  const corpusDir = config.CORPUS_DIR;
  const open = (index: LoadedIndex) => openSearchState(index, { analyzer, embedder });
  const build = async (): Promise<{ index: LoadedIndex; report: BuildReport }> => {
    const result = await buildIndex({ corpusDir, store, embedder, analyzer, onProgress });
    for (const error of result.report.errors) logger.warn('corpus file skipped', { ...error });
    for (const conflict of result.report.conflicts) {
      logger.warn('meeting in more than one corpus file; one is indexed by the rule', { ...conflict });
    }
    logger.info('index built', {
      ...result.report,
      errors: result.report.errors.length,
      index: result.index.location,
    });
    return result;
  };

  let state: SearchState;
  try {
    // One server builds at a time; another starting meanwhile waits and then finds the index fresh.
    state = await store.exclusively(async () => openOrRebuild(await loadOrBuild()));
  } catch (error) {
    await opened.close();
    throw error;
  }
  let answerer = answererFor(state);
  let reindexing: Promise<ReindexResult> | undefined;
  let switching: Promise<void> = Promise.resolve();

  function serve(next: SearchState): void {
    state = next;
    answerer = answererFor(next);
  }

  async function expectation(): Promise<IndexExpectation> {
    const hashes = await corpusFileHashes(corpusDir).catch((error: unknown) => {
      throw new BeschlussError(
        'CORPUS_EMPTY',
        `The corpus folder ${corpusDir} cannot be read (CORPUS_DIR): ${String(error)}`,
        { cause: error },
      );
    });
    return {
      embedderId: embedderId(embedder),
      corpusHash: corpusHashOf([...hashes.values()].map((contentHash) => ({ contentHash }))),
      // The chunking the build will use for this embedder (model tokens where it counts them), or every start would
      // find the index stale.
      chunking: chunkingFor(embedder),
    };
  }

  async function loadOrBuild(): Promise<LoadedIndex> {
    const expected = await expectation();
    const status = await store.status(expected, { verify: true });
    if (status.state === 'fresh') {
      try {
        const loaded = await store.read({ expectedEmbedderId: expected.embedderId, verify: true });
        logger.info('index loaded', {
          index: loaded.location,
          units: loaded.units.length,
          builtAt: loaded.manifest.builtAt,
        });
        return loaded;
      } catch (error) {
        if (!isUnusable(error)) throw error;
        return handleUnusable(error);
      }
    }
    if (status.state === 'corrupt' || status.state === 'other-version') {
      return handleUnusable(
        new BeschlussError(status.state === 'corrupt' ? 'INDEX_CORRUPT' : 'INDEX_VERSION', status.reason, {
          details: status.file === undefined ? {} : { file: status.file },
        }),
      );
    }
    logger.info(status.state === 'missing' ? 'no index yet, building it' : 'index is stale, rebuilding it', {
      reason: status.reason,
      index: store.location,
    });
    return (await build()).index;
  }

  /**
   * The search state of a loaded index. An index whose lexical part was built with another bundled lexicon or
   * analyzer is stale and rebuilt; one whose lexical part is unreadable or of another format version is rebuilt or
   * refused (see handleUnusable).
   */
  async function openOrRebuild(index: LoadedIndex): Promise<SearchState> {
    try {
      return await open(index);
    } catch (error) {
      if (isUnusable(error)) return open(await handleUnusable(error));
      if (!BeschlussError.is(error, 'INDEX_MISMATCH')) throw error;
      logger.info('index is stale, rebuilding it', { reason: error.message, index: store.location });
      return open((await build()).index);
    }
  }

  /** A damaged index, or one with a file of another format version: rebuilt, or refused naming the file. */
  async function handleUnusable(error: BeschlussError): Promise<LoadedIndex> {
    const reason = error.message.replace(/\.$/, '');
    if (config.INDEX_ON_CORRUPT === 'fail') {
      throw new BeschlussError(
        error.code,
        `${reason} (INDEX_ON_CORRUPT=fail: not serving it; run \`npx beschluss index\` to rebuild).`,
        { details: error.details ?? {} },
      );
    }
    logger.warn(
      error.code === 'INDEX_VERSION'
        ? 'index has a file of another format version, rebuilding it'
        : 'index is corrupt, rebuilding it',
      { reason, index: store.location },
    );
    return (await build()).index;
  }

  async function reindex(): Promise<ReindexResult> {
    const { index: rebuilt, report } = await store.exclusively(build);
    serve(await open(rebuilt));
    return report;
  }

  /** Another server switched the active version: serve it too, or keep serving this one if it cannot be read. */
  function switchTo(version: string): void {
    switching = switching.then(async () => {
      if (version === state.index.version) return;
      try {
        const next = await open(
          await store.read({ expectedEmbedderId: embedderId(embedder), verify: false }),
        );
        if (next.index.version === state.index.version) return;
        serve(next);
        logger.info('index switched', { version: next.index.version, index: next.index.location });
      } catch (error) {
        logger.error('index switch failed; still serving the version before', {
          version,
          served: state.index.version,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    });
  }
  const stopWatching = store.onSwitch(switchTo);

  return {
    get catalog() {
      return state.catalog;
    },
    get retriever() {
      return state.retriever;
    },
    get answerer() {
      return answerer;
    },
    health(): Health {
      const health: Health = {
        status: 'ok',
        units: state.catalog.size,
        embedder: embedderId(embedder),
        ...(embedder.provider === 'offline' ? {} : { model: embedder.modelId }),
        ...(embedder.identity?.dtype === undefined ? {} : { dtype: embedder.identity.dtype }),
        meetings: state.catalog.meetings.length,
        answerer: config.LLM_BASE_URL && config.LLM_MODEL ? 'llm' : 'extractive',
        indexBuiltAt: state.index.manifest.builtAt,
        indexStore: store.kind,
        indexVersion: state.index.version,
      };
      if (fallbackReason !== undefined) health.embedderFallback = fallbackReason;
      const conflicts = state.index.manifest.conflicts;
      // File names only: the health check is open to anyone and shows no folders.
      if (conflicts.length > 0) {
        health.conflicts = conflicts.map((conflict) => ({
          ...conflict,
          kept: path.basename(conflict.kept),
          ignored: conflict.ignored.map((file) => path.basename(file)),
        }));
      }
      return health;
    },
    reindex(): Promise<ReindexResult> {
      // One rebuild at a time; a second request while one runs gets the running one's result.
      reindexing ??= reindex().finally(() => {
        reindexing = undefined;
      });
      return reindexing;
    },
    async close(): Promise<void> {
      stopWatching();
      await reindexing?.catch(() => undefined);
      await switching;
      await opened.close();
    },
  };
}

/** The store the options or the configuration name; closing it closes a database opened here. */
async function openStore(
  options: CreateAssistantOptions,
): Promise<{ store: IndexStore; close: () => Promise<void> }> {
  const { config, logger } = options;
  if (options.store) return { store: options.store, close: async () => undefined };
  if (config.DATABASE_URL === undefined) {
    return { store: createFileIndexStore(config.INDEX_DIR), close: async () => undefined };
  }
  const database =
    options.database ??
    (await openDatabase({ url: config.DATABASE_URL, poolSize: config.DATABASE_POOL_SIZE, logger }));
  const store = await createPostgresIndexStore(database, { logger, pollMs: config.INDEX_POLL_MS });
  return {
    store,
    close: async () => {
      await store.close();
      if (!options.database) await database.close();
    },
  };
}

function isUnusable(error: unknown): error is BeschlussError {
  return BeschlussError.is(error, 'INDEX_CORRUPT') || BeschlussError.is(error, 'INDEX_VERSION');
}
