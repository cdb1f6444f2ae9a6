// The assembled assistant the server and CLI work with: catalog, retriever, answerer and their state.
import type { Answerer } from '../answer/types.ts';
import type { UnitCatalog } from '../citation/catalog.ts';
import type { Retriever } from '../retrieve/types.ts';

export interface Health {
  status: 'ok';
  units: number;
  /** Embedder id of the active embedder, e.g. "offline:offline-german-hash-v1:512". */
  embedder: string;
  /** Why the configured embedder is not the active one, when it fell back. */
  embedderFallback?: string;
  /** The embedder's model, e.g. "Xenova/multilingual-e5-small" (absent for the offline embedder). */
  model?: string;
  /** The model's weight type, e.g. "q8". */
  dtype?: string;
  meetings: number;
  answerer: 'extractive' | 'llm';
  indexBuiltAt: string;
}

export interface ReindexResult {
  units: number;
  meetings: number;
  /** Chunks that had to be embedded (unchanged chunks reuse stored vectors). */
  embedded: number;
  reused: number;
  removedUnits: number;
  /** Files that could not be read, each with its error; the others were indexed. */
  errors: Array<{ file: string; code: string; message: string }>;
  durationMs: number;
}

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
