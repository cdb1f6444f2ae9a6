// The embedded index store: versions are build folders in INDEX_DIR, the active one named by CURRENT (one process
// serves a folder; the folder's LOCK keeps writers apart).
import path from 'node:path';
import type { Analyzer } from '../../analysis/index.ts';
import {
  type IndexArtifact,
  indexStatus,
  readCurrentPointer,
  readIndexArtifact,
  readLiveUnitIds,
  readStoredVectors,
  writeIndexArtifact,
} from '../artifact/index.ts';
import { loadLexicalIndex } from '../lexical/index.ts';
import type { CreateVectorStore, LoadVectorStore } from '../vector/index.ts';
import type { IndexStore } from './index-store.ts';
import type { LoadedIndex } from './loaded-index.ts';

export interface FileIndexStoreOptions {
  /** The vector store a build fills and saves (default HNSW). */
  createVectorStore?: CreateVectorStore;
  /** Loads the vector store file of a build (default HNSW). */
  loadVectorStore?: LoadVectorStore;
  /** Overrides the efSearch recorded in the manifest. */
  efSearch?: number;
}

export function createFileIndexStore(
  indexDirectory: string,
  options: FileIndexStoreOptions = {},
): IndexStore {
  const { createVectorStore, loadVectorStore, efSearch } = options;
  return {
    kind: 'files',
    location: indexDirectory,
    status: (expected, statusOptions = {}) => indexStatus(indexDirectory, expected, statusOptions),
    async read(readOptions = {}) {
      const artifact = await readIndexArtifact(indexDirectory, {
        ...readOptions,
        ...(loadVectorStore ? { loadVectorStore } : {}),
        ...(efSearch === undefined ? {} : { efSearch }),
      });
      return loadedFromArtifact(artifact);
    },
    activeVersion: async () => (await readCurrentPointer(indexDirectory).catch(() => undefined))?.build,
    reusableVectors: ({ embedderId }) => readStoredVectors(indexDirectory, { embedderId }),
    liveUnitIds: () => readLiveUnitIds(indexDirectory),
    async write(input, writeOptions = {}) {
      const artifact = await writeIndexArtifact(indexDirectory, input, {
        ...writeOptions,
        ...(createVectorStore ? { createVectorStore } : {}),
      });
      return loadedFromArtifact(artifact);
    },
    exclusively: (task) => task(),
    onSwitch: () => () => undefined,
    close: async () => undefined,
  };
}

/** A build folder as a loaded index version: its lexical file is opened on demand, over the analyzer given. */
export function loadedFromArtifact(artifact: IndexArtifact): LoadedIndex {
  const { buildDirectory, manifest } = artifact;
  const { files: _files, ...description } = manifest;
  return {
    version: path.basename(buildDirectory),
    location: buildDirectory,
    manifest: description,
    units: artifact.units,
    chunks: artifact.chunks,
    vectorStore: artifact.vectorStore,
    sentences: artifact.sentences,
    openLexical: async (base: Analyzer) =>
      loadLexicalIndex(artifact.lexical, {
        base,
        file: path.join(buildDirectory, manifest.files.lexical.name),
      }),
    loadStoredVectors: artifact.loadStoredVectors,
  };
}
