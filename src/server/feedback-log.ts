// Appends staff feedback on answers to a JSONL file (one object per line), one write at a time, so that concurrent
// requests never interleave their lines; the file is read later to turn reports into evaluation questions.
import { appendFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
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

export interface FeedbackLog {
  /** The file the entries go to. */
  readonly file: string;
  /** Appends one line `{ at, ...entry }`; resolves once it is written. */
  append(entry: FeedbackEntry): Promise<{ at: string }>;
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
    file,
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
