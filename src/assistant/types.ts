// The assembled assistant the server and CLI work with: catalog, retriever, answerer and their state.
import type { Answerer } from '../answer/types.ts';
import type { UnitCatalog } from '../citation/index.ts';
import type { ConflictRule } from '../corpus/index.ts';
import type { BuildReport } from '../index/index.ts';
import type { Retriever } from '../retrieve/types.ts';

export interface Health {
  status: 'ok';
  units: number;
  /** Embedder id of the active embedder, e.g. "offline:offline-german-hash-v1:512". */
  embedder: string;
  /** Why the configured embedder is not the active one, when it fell back. */
  embedderFallback?: string;
  /** The embedding model that serves (its id, e.g. "Xenova/multilingual-e5-small"); absent for the offline embedder. */
  model?: string;
  /** Which of the model's weights were loaded, e.g. "q8", when the embedder says. */
  dtype?: string;
  meetings: number;
  answerer: 'extractive' | 'llm';
  indexBuiltAt: string;
  /** Where the index lives: "files" (INDEX_DIR) or "postgres" (DATABASE_URL). */
  indexStore?: string;
  /** The index version served (a build folder's name, or the database's version number). */
  indexVersion?: string;
  /** Meetings the corpus folder holds in more than one file (file names only), when there are any. */
  conflicts?: Array<{ meeting: string; kept: string; ignored: string[]; rule: ConflictRule }>;
}

/** What a reindex did: the index build's report. */
export type ReindexResult = BuildReport;

/** Everything the server needs; the current state swaps atomically on reindex. */
export interface Assistant {
  readonly catalog: UnitCatalog;
  readonly retriever: Retriever;
  readonly answerer: Answerer;
  health(): Health;
  /** Re-reads the corpus folder and re-embeds only what changed. */
  reindex(): Promise<ReindexResult>;
  close(): Promise<void>;
}
