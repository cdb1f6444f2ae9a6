// Appends staff feedback on answers to a JSONL file (one object per line) through the storage stage's append log:
// one write at a time, each line whole and fsync'd before the request is answered, a failed one cut off again and
// a torn last line cut at start; the file is read later to turn reports into evaluation questions.
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
}

export interface FeedbackLog {
  /** The file the entries go to. */
  readonly file: string;
  /**
   * Appends one line `{ at, ...entry }`; resolves once it is on disk. Rejects with STORAGE_FULL, STORAGE_READ_ONLY or
   * STORAGE_FOLDER_MISSING (the file then holds no part of the entry).
   */
  append(entry: FeedbackEntry): Promise<{ at: string }>;
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
    file,
    async append(entry) {
      const at = now().toISOString();
      await (await opened).append(JSON.stringify({ at, ...entry }));
      return { at };
    },
  };
}
