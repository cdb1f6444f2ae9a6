// Staff feedback on answers behind one interface: the embedded default appends to a JSONL file (one object per line)
// through the storage stage's append log: one write at a time, each line whole and fsync'd before the request is
// answered, a failed one cut off again and a torn last line cut at start; with DATABASE_URL every server writes to
// one table (feedback-postgres.ts). Either is read back entry by entry to turn reports into evaluation questions.
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Citation } from '../model.ts';
import { type AppendLogOptions, openAppendLog } from '../storage/index.ts';

export type FeedbackRating = 'helpful' | 'unhelpful' | 'wrong-citation';

export interface FeedbackEntry {
  rating: FeedbackRating;
  question: string;
  /** The answer text as shown, with its citation markers. */
  answer: string;
  citations: Citation[];
  comment?: string;
  mode?: 'extractive' | 'llm';
  /** The conversation the answer belongs to and its turn there, so the earlier turns can be read with the report. */
  conversationId?: string;
  turn?: number;
}

/** An entry as stored: with the time it was saved. */
export type FeedbackRecord = FeedbackEntry & { at: string };

export interface FeedbackLog {
  /** Where the entries go, for logs: the file, or the database. */
  readonly location: string;
  /**
   * Stores `{ at, ...entry }`; resolves once it is on disk (or committed). The file log rejects with STORAGE_FULL,
   * STORAGE_READ_ONLY or STORAGE_FOLDER_MISSING, and the file then holds no part of the entry.
   */
  append(entry: FeedbackEntry): Promise<{ at: string }>;
  /** Every entry stored, oldest first, read a few at a time. */
  entries(): AsyncIterable<FeedbackRecord>;
}

export interface FeedbackLogOptions extends Pick<AppendLogOptions, 'onRepair' | 'openFile'> {
  file: string;
  /** Clock for the timestamp (default: now). */
  now?: () => Date;
}

/** The log is opened (its folder made, a torn last line cut) at once; appends wait for that. */
export function createFeedbackLog(options: FeedbackLogOptions): FeedbackLog {
  const { file, now = () => new Date(), ...appendOptions } = options;
  const opened = openAppendLog({
    file,
    subject: { de: 'die Rückmeldung', en: 'the feedback' },
    ...appendOptions,
  });
  return {
    location: file,
    entries: () => readFeedbackFile(file),
    async append(entry) {
      const at = now().toISOString();
      await (await opened).append(JSON.stringify({ at, ...entry }));
      return { at };
    },
  };
}

/** The lines of a feedback file as entries; none when there is no file yet. */
async function* readFeedbackFile(file: string): AsyncGenerator<FeedbackRecord> {
  const stream = createReadStream(file, { encoding: 'utf8' });
  const opened = await new Promise<boolean>((resolve, reject) => {
    stream.once('open', () => resolve(true));
    stream.once('error', (error: NodeJS.ErrnoException) =>
      error.code === 'ENOENT' ? resolve(false) : reject(error),
    );
  });
  if (!opened) return;
  for await (const line of createInterface({ input: stream, crlfDelay: Number.POSITIVE_INFINITY })) {
    if (line.trim() !== '') yield JSON.parse(line) as FeedbackRecord;
  }
}
