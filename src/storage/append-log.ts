// A file of records, one per line, appended to all or nothing: each append is one record written whole and fsync'd
// before it resolves, a failed append is cut off again, and a torn last line (a crash mid-write) is cut at open.
//
// Own code rather than a library: the well-known append helpers (write-file-atomic, proper-lockfile …) replace
// whole files or lock them; none cuts a failed append back or repairs a torn tail, which is what makes a
// line-per-record file safe to append to.
import type { FileHandle } from 'node:fs/promises';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import { syncDirectory } from './atomic-file.ts';
import { errnoOf, type StorageSubject, withStorageErrors } from './storage-error.ts';

const NEWLINE = 0x0a;
/** How much of the file's end is read at a time while looking for the last complete record. */
const TAIL_SLICE_BYTES = 64 * 1024;

export interface AppendLog {
  /** The file the records go to. */
  readonly file: string;
  /**
   * Appends one record (a line without its newline; it must not contain one). Resolves once the record is on disk
   * (fsync); rejects with a storage error (STORAGE_FULL, STORAGE_READ_ONLY, STORAGE_FOLDER_MISSING) or the file
   * system's error, and then the file holds no part of it. Appends run one at a time, in call order.
   */
  append(record: string): Promise<void>;
}

export interface AppendLogOptions {
  file: string;
  /** What the records are, for error messages: { de: 'die Rückmeldung', en: 'the feedback' }. */
  subject: StorageSubject;
  /** Told how many bytes of a torn last record were cut off (at open, or before an append after a failed cut). */
  onRepair?: (repair: { file: string; removedBytes: number }) => void;
  /** Opens the file (a seam for tests that make writes fail halfway); default fs.promises.open. */
  openFile?: (file: string, flags: string) => Promise<FileHandle>;
}

/**
 * Opens (creating its folder and cutting a torn last record) an append-only log. A repair that fails (a read-only
 * disk, say) is retried before the first append rather than failing the open: reading needs no writing.
 */
export async function openAppendLog(options: AppendLogOptions): Promise<AppendLog> {
  const { file, subject, onRepair, openFile = open } = options;
  const where = { folder: path.dirname(file), subject };
  let needsRepair = true;
  const repair = async () => {
    const removedBytes = await cutTornTail(file, openFile);
    needsRepair = false;
    if (removedBytes > 0) onRepair?.({ file, removedBytes });
  };
  await mkdir(where.folder, { recursive: true }).catch(() => undefined);
  await repair().catch(() => undefined);

  let queue: Promise<unknown> = Promise.resolve();
  return {
    file,
    append(record) {
      if (record.includes('\n')) {
        return Promise.reject(new TypeError('An append-log record must not contain a newline.'));
      }
      const bytes = Buffer.from(`${record}\n`, 'utf8');
      const write = queue.then(() =>
        withStorageErrors(where, async () => {
          if (needsRepair) await repair();
          await appendWhole(file, bytes, openFile, () => {
            needsRepair = true;
          });
        }),
      );
      // A failed append must not block the ones after it.
      queue = write.catch(() => undefined);
      return write;
    },
  };
}

/** Writes all bytes at the end and syncs; on failure cuts the file back to where it ended (or asks for a repair). */
async function appendWhole(
  file: string,
  bytes: Buffer,
  openFile: (file: string, flags: string) => Promise<FileHandle>,
  onCutFailed: () => void,
): Promise<void> {
  const handle = await openFile(file, 'a');
  let end = 0;
  try {
    end = (await handle.stat()).size;
    let written = 0;
    while (written < bytes.length) {
      const { bytesWritten } = await handle.write(bytes, written, bytes.length - written);
      written += bytesWritten;
    }
    await handle.sync();
  } catch (error) {
    try {
      await handle.truncate(end);
      await handle.sync();
    } catch {
      onCutFailed();
    }
    throw error;
  } finally {
    await handle.close();
  }
  // The first record created the file: its directory entry must survive a power loss too.
  if (end === 0) await syncDirectory(path.dirname(file));
}

/** Cuts the file after its last newline; returns how many bytes went. A missing file has nothing to cut. */
async function cutTornTail(
  file: string,
  openFile: (file: string, flags: string) => Promise<FileHandle>,
): Promise<number> {
  let handle: FileHandle;
  try {
    handle = await openFile(file, 'r+');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return 0;
    throw error;
  }
  try {
    const size = (await handle.stat()).size;
    const keep = await endOfLastRecord(handle, size);
    if (keep === size) return 0;
    await handle.truncate(keep);
    await handle.sync();
    return size - keep;
  } finally {
    await handle.close();
  }
}

/** The offset just after the last newline (0 when there is none), reading backwards from `size`. */
async function endOfLastRecord(handle: FileHandle, size: number): Promise<number> {
  let end = size;
  const slice = Buffer.alloc(TAIL_SLICE_BYTES);
  while (end > 0) {
    const start = Math.max(0, end - TAIL_SLICE_BYTES);
    const { bytesRead } = await handle.read(slice, 0, end - start, start);
    const newline = slice.subarray(0, bytesRead).lastIndexOf(NEWLINE);
    if (newline >= 0) return start + newline + 1;
    end = start;
  }
  return 0;
}
