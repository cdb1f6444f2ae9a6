// The feedback of staff (feedback.jsonl) as CSV for review (csv-stringify): one row per report with its rating,
// question, the earlier questions of its conversation (read from the conversation store while it keeps them), the
// answer, its citations as "IMK 10.12.2020, TOP 37 Ziff. 2", the comment and where it stands.
import { readFile } from 'node:fs/promises';
import { stringify } from 'csv-stringify/sync';
import { z } from 'zod';
import { type ConversationStore, defaultCitationLabel, isConversationId } from '../conversation/index.ts';
import { BeschlussError } from '../errors.ts';

export const FEEDBACK_CSV_COLUMNS = [
  'at',
  'rating',
  'question',
  'earlier_questions',
  'answer',
  'citations',
  'comment',
  'mode',
  'conversation_id',
  'turn',
] as const;

const entrySchema = z.looseObject({
  at: z.string(),
  rating: z.string(),
  question: z.string(),
  answer: z.string(),
  citations: z.array(z.object({ meeting: z.string(), top: z.string(), para: z.string() })),
  comment: z.string().optional(),
  mode: z.string().optional(),
  conversationId: z.string().optional(),
  turn: z.number().int().min(0).optional(),
});

export interface FeedbackCsvOptions {
  /** The feedback file (one JSON object per line) … */
  file?: string;
  /** … or the entries of a feedback store (PostgreSQL with DATABASE_URL). */
  entries?: AsyncIterable<unknown>;
  /** Where the earlier questions of a report's conversation are read. */
  conversations?: ConversationStore;
  /** Semicolons and a byte-order mark, as a German Excel opens a file (default: commas, RFC 4180). */
  excel?: boolean;
}

export interface FeedbackCsv {
  csv: string;
  rows: number;
  /** Line numbers (1 = first) that are no feedback entry, left out. */
  skipped: number[];
}

export async function feedbackCsv(options: FeedbackCsvOptions): Promise<FeedbackCsv> {
  const { conversations, excel = false } = options;
  const skipped: number[] = [];
  const records: string[][] = [];
  let index = -1;
  for await (const line of options.entries ?? linesOf(options.file ?? '')) {
    index++;
    if (typeof line === 'string' && line.trim() === '') continue;
    const entry = parseEntry(line);
    if (!entry) {
      skipped.push(index + 1);
      continue;
    }
    records.push([
      entry.at,
      entry.rating,
      entry.question,
      (await earlierQuestions(conversations, entry)).join(' | '),
      entry.answer,
      entry.citations.map(defaultCitationLabel).join('; '),
      entry.comment ?? '',
      entry.mode ?? '',
      entry.conversationId ?? '',
      entry.turn === undefined ? '' : String(entry.turn + 1),
    ]);
  }
  const csv = stringify(records, {
    header: true,
    columns: [...FEEDBACK_CSV_COLUMNS],
    // A question typed as "=HYPERLINK(…)" must stay text in a spreadsheet.
    escape_formulas: true,
    ...(excel ? { delimiter: ';', bom: true } : {}),
  });
  return { csv, rows: records.length, skipped };
}

/** The lines of a feedback file; FILE_NOT_FOUND when there is none yet. */
async function* linesOf(file: string): AsyncGenerator<string> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
    throw new BeschlussError('FILE_NOT_FOUND', `No feedback yet: ${file} does not exist.`, {
      details: { file },
    });
  }
  yield* text.split('\n');
}

/** An entry from a file's line or a store's record; undefined when it is no feedback entry. */
function parseEntry(line: unknown): z.infer<typeof entrySchema> | undefined {
  try {
    const parsed = entrySchema.safeParse(typeof line === 'string' ? JSON.parse(line) : line);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** The questions asked before the rated one in its conversation; none when the conversation is gone. */
async function earlierQuestions(
  store: ConversationStore | undefined,
  entry: z.infer<typeof entrySchema>,
): Promise<string[]> {
  const { conversationId, turn } = entry;
  if (!store || conversationId === undefined || turn === undefined || !isConversationId(conversationId))
    return [];
  const conversation = await store.get(conversationId).catch(() => undefined);
  return conversation?.turns.slice(0, turn).map((each) => each.question) ?? [];
}
