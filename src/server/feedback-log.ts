// Staff feedback on answers behind one interface: the embedded default appends to a JSONL file (one object per line),
// one write at a time, so concurrent requests never interleave their lines; with DATABASE_URL every server writes to
// one table (feedback-postgres.ts). Either is read back entry by entry to turn reports into evaluation questions.
import { createReadStream } from 'node:fs';
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { Citation } from '../model.ts';

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
  /** Stores `{ at, ...entry }`; resolves once it is written. */
  append(entry: FeedbackEntry): Promise<{ at: string }>;
  /** Every entry stored, oldest first, read a few at a time. */
  entries(): AsyncIterable<FeedbackRecord>;
}

export interface FeedbackLogOptions {
  file: string;
  /** Clock for the timestamp (default: now). */
  now?: () => Date;
}

export function createFeedbackLog(options: FeedbackLogOptions): FeedbackLog {
  const { file, now = () => new Date() } = options;
  // Each append waits for the one before: a single process never interleaves two lines.
  let queue: Promise<unknown> = Promise.resolve();
  let folderReady: Promise<unknown> | undefined;
  return {
    location: file,
    entries: () => readFeedbackFile(file),
    append(entry) {
      const at = now().toISOString();
      const line = `${JSON.stringify({ at, ...entry })}\n`;
      const write = queue.then(async () => {
        folderReady ??= mkdir(path.dirname(file), { recursive: true });
        await folderReady;
        await appendFile(file, line, { encoding: 'utf8', flag: 'a' });
        return { at };
      });
      // A failed write must not block the ones after it.
      queue = write.catch(() => undefined);
      return write;
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
