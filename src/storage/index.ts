// Public surface of src/storage: durable writes every stage that keeps data on disk uses (index files, feedback,
// conversations): atomic replace with fsync, all-or-nothing appends with torn-tail repair, typed storage errors.
export { type AppendLog, type AppendLogOptions, openAppendLog } from './append-log.ts';
export { syncDirectory, tempPathFor, writeFileAtomic, writeViaTempFile } from './atomic-file.ts';
export {
  errnoOf,
  lowOnSpace,
  type StorageSubject,
  storageError,
  storageFailure,
  withStorageErrors,
} from './storage-error.ts';
