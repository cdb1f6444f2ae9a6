// Public surface of the store stage: where index versions live (files in INDEX_DIR, or PostgreSQL).
export { createFileIndexStore, type FileIndexStoreOptions, loadedFromArtifact } from './file-index-store.ts';
export type { IndexStore, WriteVersionOptions } from './index-store.ts';
export type { LoadedIndex } from './loaded-index.ts';
