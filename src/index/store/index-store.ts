// Where index versions live: the seam between the index build and the server, with an embedded (files in INDEX_DIR)
// and a PostgreSQL implementation. A store has at most one active version; a build writes a new one beside it and
// switches to it at once, so readers never see half a version.
import type {
  IndexArtifactInput,
  IndexExpectation,
  IndexStatus,
  ReusableVectors,
  WriteStage,
} from '../artifact/index.ts';
import type { HnswSettings } from '../vector/index.ts';
import type { LoadedIndex } from './loaded-index.ts';

export interface WriteVersionOptions {
  /** HNSW parameters, recorded with the version; defaults DEFAULT_HNSW_SETTINGS. */
  hnsw?: Partial<HnswSettings>;
  onProgress?: (progress: { stage: WriteStage; done: number; total: number }) => void;
  /** Recorded as builtAt; default now. */
  builtAt?: Date;
}

export interface IndexStore {
  /** 'files' (the embedded default) or 'postgres'. */
  readonly kind: string;
  /** Where the versions live, for messages and logs (a folder, or the database without its password). */
  readonly location: string;
  /** Whether the active version fits the embedder, corpus and chunking (never throws for a damaged one). */
  status(expected: IndexExpectation, options?: { verify?: boolean }): Promise<IndexStatus>;
  /** The active version; INDEX_MISSING, INDEX_CORRUPT or INDEX_MISMATCH (another embedder) when it cannot serve. */
  read(options?: { expectedEmbedderId?: string; verify?: boolean }): Promise<LoadedIndex>;
  /** The active version's name, cheaply (a replica compares it to the version it serves). */
  activeVersion(): Promise<string | undefined>;
  /** What a re-index may reuse of the active version; undefined when it has none fit for this embedder. */
  reusableVectors(options: { embedderId: string }): Promise<ReusableVectors | undefined>;
  /** Unit ids of the active version (none without one). */
  liveUnitIds(): Promise<string[]>;
  /** Writes a new version and makes it the active one; until then the active one serves, whatever fails. */
  write(input: IndexArtifactInput, options?: WriteVersionOptions): Promise<LoadedIndex>;
  /**
   * Runs `task` as the one builder of this store: another process that wants to build waits until it is done (and
   * then usually finds the index fresh). Calls nest.
   */
  exclusively<T>(task: () => Promise<T>): Promise<T>;
  /** Calls the listener with the new version's name when another process switched the active version. */
  onSwitch(listener: (version: string) => void): () => void;
  close(): Promise<void>;
}
