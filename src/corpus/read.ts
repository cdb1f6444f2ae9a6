// Reads collection files from disk: one file, or every supported file of a corpus folder, with clear errors for bad input.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { BeschlussError } from '../errors.ts';
import type { Collection } from '../model.ts';
import { defaultExtractors, type TextExtractors } from './extractors.ts';
import { chooseMeetingFile, type MeetingCandidate, type MeetingConflict } from './meeting-conflicts.ts';
import { parseCollection } from './parse.ts';

export interface ReadOptions {
  /** Extension → text extractor; default: defaultExtractors() (".txt", ".pdf"). */
  extractors?: TextExtractors;
}

/** A file-system failure as a BeschlussError: a missing path is FILE_NOT_FOUND, anything else (permissions …) names its cause. */
function fileSystemError(error: unknown, file: string, what: string): BeschlussError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') {
    return new BeschlussError('FILE_NOT_FOUND', `${file}: no such ${what}`, {
      details: { file },
      cause: error,
    });
  }
  return new BeschlussError('FILE_UNSUPPORTED', `${file}: cannot be read (${code ?? String(error)})`, {
    details: { file, code },
    cause: error,
  });
}

async function statPath(file: string, what: string) {
  try {
    return await stat(file);
  } catch (error) {
    throw fileSystemError(error, file, what);
  }
}

async function readBytes(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch (error) {
    throw fileSystemError(error, file, 'file');
  }
}

/** Reads and parses one collection file; the extractor is chosen by the file's extension. */
export async function readCollectionFile(file: string, options: ReadOptions = {}): Promise<Collection> {
  return (await readCollectionWithFacts(file, options.extractors ?? defaultExtractors())).collection;
}

/** The collection with what the conflict rule needs: the file's bytes and modification time. */
async function readCollectionWithFacts(
  file: string,
  extractors: TextExtractors,
): Promise<{ collection: Collection; candidate: MeetingCandidate }> {
  const info = await statPath(file, 'file');
  if (info.isDirectory()) {
    throw new BeschlussError('FILE_UNSUPPORTED', `${file}: is a folder; expected a collection file`, {
      details: { file },
    });
  }
  const extension = path.extname(file).toLowerCase();
  const extract = Object.hasOwn(extractors, extension) ? extractors[extension] : undefined;
  if (!extract) {
    const supported = Object.keys(extractors).join(', ');
    throw new BeschlussError(
      'FILE_UNSUPPORTED',
      `${file}: unsupported file type "${extension || '(none)'}"; expected one of ${supported}`,
      { details: { file, extension, supported: Object.keys(extractors) } },
    );
  }
  const bytes = await readBytes(file);
  const text = await extract(bytes, file);
  return {
    collection: parseCollection(text, { file }),
    candidate: { file, modifiedMs: info.mtimeMs, bytes },
  };
}

export interface CorpusReadResult {
  /** Parsed collections, sorted by file name, one per meeting. */
  collections: Collection[];
  /** One error per file that could not be read. */
  errors: BeschlussError[];
  /** Meetings found in more than one file: which file was kept by the rule of meeting-conflicts.ts. */
  conflicts: MeetingConflict[];
}

function asBeschlussError(error: unknown, file: string): BeschlussError {
  if (error instanceof BeschlussError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new BeschlussError('INTERNAL', `${file}: could not be read: ${message}`, {
    details: { file },
    cause: error,
  });
}

/** The files of a folder that an extractor can read (by extension), sorted by path. */
export async function listCollectionFiles(
  dir: string,
  extractors: TextExtractors = defaultExtractors(),
): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && Object.hasOwn(extractors, path.extname(entry.name).toLowerCase()))
    .map((entry) => path.join(dir, entry.name))
    .sort();
}

/**
 * Reads every supported file (by extension) directly in `dir`. A file that fails is reported in `errors` and the
 * rest are still read; a meeting found in several files is a conflict, decided by the rule of meeting-conflicts.ts
 * (a file marked "korrigiert", else the newest) and reported. A folder without any collection is a CORPUS_EMPTY
 * error, never an empty result.
 */
export async function readCorpusDir(dir: string, options: ReadOptions = {}): Promise<CorpusReadResult> {
  const { extractors = defaultExtractors() } = options;
  const info = await statPath(dir, 'folder');
  if (!info.isDirectory()) {
    throw new BeschlussError('FILE_UNSUPPORTED', `${dir}: is a file; expected a corpus folder`, {
      details: { dir },
    });
  }
  const files = await listCollectionFiles(dir, extractors);
  const errors: BeschlussError[] = [];
  const byMeeting = new Map<string, Array<{ collection: Collection; candidate: MeetingCandidate }>>();
  for (const file of files) {
    try {
      const read = await readCollectionWithFacts(file, extractors);
      const meeting = read.collection.meeting.id;
      byMeeting.set(meeting, [...(byMeeting.get(meeting) ?? []), read]);
    } catch (error) {
      errors.push(asBeschlussError(error, file));
    }
  }
  const collections: Collection[] = [];
  const conflicts: MeetingConflict[] = [];
  for (const [meeting, reads] of byMeeting) {
    const { kept, rule } = chooseMeetingFile(reads.map((read) => read.candidate));
    collections.push((reads.find((read) => read.candidate === kept) as (typeof reads)[number]).collection);
    if (rule !== undefined) {
      const ignored = reads.map((read) => read.candidate.file).filter((file) => file !== kept.file);
      conflicts.push({ meeting, kept: kept.file, ignored, rule });
    }
  }
  collections.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  if (collections.length === 0) {
    const supported = Object.keys(extractors).join(', ');
    const reasons = errors.map((error) => error.message).join('; ');
    throw new BeschlussError(
      'CORPUS_EMPTY',
      files.length === 0
        ? `${dir}: no collection files found; expected files ending in ${supported}`
        : `${dir}: none of ${files.length} files could be read: ${reasons}`,
      {
        details: {
          dir,
          files,
          errors: errors.map((error) => ({ code: error.code, message: error.message })),
        },
      },
    );
  }
  return { collections, errors, conflicts };
}
