// Assembles the assistant at start-up: analyzer, embedder (with offline fallback), the index (loaded, or built when
// missing, stale or corrupt), retriever and answerer; reindex swaps in a new index without a restart.
import path from 'node:path';
import { type Analyzer, createGermanAnalyzer } from '../analysis/index.ts';
import { createConfiguredLlmAnswerer } from '../answer/index.ts';
import type { Answerer } from '../answer/types.ts';
import type { Config } from '../config.ts';
import { type Embedder, embedderId } from '../embed/types.ts';
import { BeschlussError } from '../errors.ts';
import {
  type BuildProgress,
  type BuildReport,
  buildIndex,
  chunkingFor,
  corpusFileHashes,
  corpusHashOf,
  indexStatus,
  type LoadedIndex,
  readIndexArtifact,
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
  /** Environment for the embedder factory's extra settings (default process.env). */
  environment?: Record<string, string | undefined>;
  /**
   * Seams for tests: the answerer built over each search state (default: its extractive answerer); `parts` are the
   * state's analyzer (of the index's lexicon) and query embedder.
   */
  createAnswerer?: (state: SearchState, parts: { analyzer: Analyzer; embedder: Embedder }) => Answerer;
  /** Use this analyzer of the bundled lexicon instead of loading one (tests share one). */
  analyzer?: Analyzer;
  /** Use this embedder instead of choosing one from the configuration. */
  embedder?: Embedder;
}

export async function createAssistant(options: CreateAssistantOptions): Promise<Assistant> {
  const { config, logger, onProgress } = options;
  const analyzer = options.analyzer ?? (await createGermanAnalyzer());
  let embedder: Embedder;
  let fallbackReason: string | undefined;
  if (options.embedder) {
    embedder = options.embedder;
  } else {
    const created = await chooseEmbedder({
      config,
      logger,
      analyzer,
      ...(options.environment ? { environment: options.environment } : {}),
    });
    embedder = created.embedder;
    fallbackReason = created.fallbackReason;
  }
  // With LLM_BASE_URL and LLM_MODEL set, the LLM answerer (falling back to the extractive one) answers.
  const llmAnswererFor = options.createAnswerer
    ? undefined
    : await createConfiguredLlmAnswerer({ config, logger });
  const answererFor = (state: SearchState) =>
    options.createAnswerer
      ? options.createAnswerer(state, { analyzer: state.analyzer, embedder: state.embedder })
      : (llmAnswererFor?.(state) ?? state.extractive);

  const corpusDir = config.CORPUS_DIR;
  const indexDir = config.INDEX_DIR;
  const build = async (): Promise<{ index: LoadedIndex; report: BuildReport }> => {
    const result = await buildIndex({ corpusDir, indexDir, embedder, analyzer, onProgress });
    for (const error of result.report.errors) logger.warn('corpus file skipped', { ...error });
    for (const conflict of result.report.conflicts) {
      logger.warn('meeting in more than one corpus file; one is indexed by the rule', { ...conflict });
    }
    logger.info('index built', { ...result.report, errors: result.report.errors.length, indexDir });
    return result;
  };

  let state = await openOrRebuild(await loadOrBuild());
  let answerer = answererFor(state);
  let reindexing: Promise<ReindexResult> | undefined;

  async function loadOrBuild(): Promise<LoadedIndex> {
    const hashes = await corpusFileHashes(corpusDir).catch((error: unknown) => {
      throw new BeschlussError(
        'CORPUS_EMPTY',
        `The corpus folder ${corpusDir} cannot be read (CORPUS_DIR): ${String(error)}`,
        {
          cause: error,
        },
      );
    });
    const expected = {
      embedderId: embedderId(embedder),
      corpusHash: corpusHashOf([...hashes.values()].map((contentHash) => ({ contentHash }))),
      // The chunking the build will use for this embedder (model tokens where it counts them), or every start would
      // find the index stale.
      chunking: chunkingFor(embedder),
    };
    const status = await indexStatus(indexDir, expected, { verify: true });
    if (status.state === 'fresh') {
      try {
        const loaded = await readIndexArtifact(indexDir, {
          expectedEmbedderId: expected.embedderId,
          verify: true,
        });
        logger.info('index loaded', {
          indexDir,
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
      indexDir,
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
      return openSearchState(index, { analyzer, embedder });
    } catch (error) {
      if (isUnusable(error)) return openSearchState(await handleUnusable(error), { analyzer, embedder });
      if (!BeschlussError.is(error, 'INDEX_MISMATCH')) throw error;
      logger.info('index is stale, rebuilding it', { reason: error.message, indexDir });
      return openSearchState((await build()).index, { analyzer, embedder });
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
      { reason, indexDir },
    );
    return (await build()).index;
  }

  async function reindex(): Promise<ReindexResult> {
    const { index: rebuilt, report } = await build();
    state = openSearchState(rebuilt, { analyzer, embedder });
    answerer = answererFor(state);
    return report;
  }

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
      await reindexing?.catch(() => undefined);
    },
  };
}

function isUnusable(error: unknown): error is BeschlussError {
  return BeschlussError.is(error, 'INDEX_CORRUPT') || BeschlussError.is(error, 'INDEX_VERSION');
}
