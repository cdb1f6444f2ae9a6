// The evaluation sets (eval/dev.jsonl, eval/heldout.jsonl): their zod schema, the minimum count per question type, and
// their reader.
import { z } from 'zod';
import { BeschlussError } from '../errors.ts';
import { unitId } from '../model.ts';
import { readTextFile } from '../read-text-file.ts';

/** Question types, in the order reports list them. */
export const QA_TYPES = [
  'lookup',
  'paraphrase',
  'colloquial',
  'typo',
  'keyword',
  'deadline',
  'protokollnotiz',
  'multi',
  'citation',
  'english',
  'followup',
  'unanswerable',
] as const;

export type QaType = (typeof QA_TYPES)[number];

/**
 * The fewest questions of each type each half (dev and held-out) holds, so every row of the report rests on enough
 * cases.
 */
export const MIN_QUESTIONS_PER_TYPE: Readonly<Record<QaType, number>> = {
  lookup: 12,
  paraphrase: 12,
  colloquial: 8,
  typo: 7,
  keyword: 6,
  deadline: 9,
  protokollnotiz: 4,
  multi: 5,
  citation: 7,
  english: 10,
  followup: 4,
  unanswerable: 20,
};

/** The fewest near-miss unanswerable questions each half holds (the "unanswerable/near-miss" row). */
export const MIN_NEAR_MISS_QUESTIONS = 12;

const nonEmpty = z.string().trim().min(1);

export const GoldUnitSchema = z.strictObject({
  /** Meeting id; when absent the runner uses the id of the single corpus meeting. */
  meeting: nonEmpty.optional(),
  top: z.string().regex(/^\d+(?:\.\d+)?(?:\/\d+(?:\.\d+)?)*$/, 'a TOP like "46", "29.2" or "6/7"'),
  para: z
    .string()
    .regex(/^(?:[1-9]\d*|Protokollnotiz \S.*)$/, 'a paragraph number like "8" or "Protokollnotiz SN"'),
});

export const HistoryMessageSchema = z.strictObject({
  role: z.enum(['user', 'assistant']),
  content: nonEmpty,
});

export const QaEntrySchema = z
  .strictObject({
    id: z.string().regex(/^q\d{3,}$/, 'an id like "q001"'),
    type: z.enum(QA_TYPES),
    question: nonEmpty,
    gold: z.array(GoldUnitSchema),
    must_mention: z.array(nonEmpty),
    answerable: z.boolean(),
    lang: z.enum(['de', 'en']).optional(),
    history: z.array(HistoryMessageSchema).min(1).optional(),
    /** An unanswerable question on a present topic that asks for what its item does not give. */
    near_miss: z.boolean().optional(),
  })
  .superRefine((entry, context) => {
    const problem = (message: string, path: string) =>
      context.addIssue({ code: 'custom', message, path: [path] });
    if (entry.answerable === (entry.type === 'unanswerable')) {
      problem(`type "${entry.type}" requires answerable: ${entry.type !== 'unanswerable'}`, 'answerable');
    }
    if (entry.answerable && entry.gold.length === 0)
      problem('an answerable question needs gold units', 'gold');
    if (!entry.answerable && entry.gold.length > 0) problem('an unanswerable question has gold: []', 'gold');
    if (!entry.answerable && entry.must_mention.length > 0) {
      problem('an unanswerable question has must_mention: []', 'must_mention');
    }
    if (entry.answerable && entry.must_mention.length === 0)
      problem('an answerable question needs must_mention', 'must_mention');
    if (entry.type === 'followup' && entry.history === undefined)
      problem('a followup question needs history', 'history');
    if (entry.type === 'english' && entry.lang !== 'en')
      problem('an english question has lang: "en"', 'lang');
    if (entry.near_miss !== undefined && entry.type !== 'unanswerable')
      problem('near_miss marks unanswerable questions only', 'near_miss');
    const keys = entry.gold.map((gold) => `${gold.meeting ?? ''}/${gold.top}/${gold.para}`);
    if (new Set(keys).size !== keys.length) problem('gold lists a unit twice', 'gold');
  });

export type QaEntry = z.infer<typeof QaEntrySchema>;
export type GoldUnit = z.infer<typeof GoldUnitSchema>;

function invalid(file: string, message: string, details: Record<string, unknown> = {}): BeschlussError {
  return new BeschlussError('EVAL_SET_INVALID', `${file}: ${message}`, { details: { file, ...details } });
}

/**
 * Parses JSON Lines text into entries: blank lines are skipped, every other line must be one valid entry, and ids
 * must be unique. Errors name the file and the line.
 */
export function parseQaSet(text: string, file: string): QaEntry[] {
  const entries: QaEntry[] = [];
  const lineOfId = new Map<string, number>();
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  for (const [index, line] of lines.entries()) {
    if (line.trim() === '') continue;
    const lineNumber = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (error) {
      throw invalid(
        file,
        `line ${lineNumber} is not JSON (${(error as Error).message}); expected one object per line`,
        {
          line: lineNumber,
        },
      );
    }
    const result = QaEntrySchema.safeParse(value);
    if (!result.success) {
      const issues = result.error.issues.map(
        (issue) => `${issue.path.join('.') || '(entry)'}: ${issue.message}`,
      );
      throw invalid(file, `line ${lineNumber} is not a valid question: ${issues.join('; ')}`, {
        line: lineNumber,
        issues,
      });
    }
    const earlier = lineOfId.get(result.data.id);
    if (earlier !== undefined) {
      throw invalid(
        file,
        `line ${lineNumber} repeats id "${result.data.id}" of line ${earlier}; expected unique ids`,
        {
          line: lineNumber,
          id: result.data.id,
        },
      );
    }
    lineOfId.set(result.data.id, lineNumber);
    entries.push(result.data);
  }
  if (entries.length === 0) throw invalid(file, 'no questions found; expected one JSON object per line');
  return entries;
}

/** Reads and validates an evaluation set file. */
export async function readQaSet(file: string): Promise<QaEntry[]> {
  const text = await readTextFile(file, (reason) => `${file}: cannot read the evaluation set (${reason})`);
  return parseQaSet(text, file);
}

/** Counts entries per type, every type present (0 when none). */
export function countByType(entries: readonly QaEntry[]): Record<QaType, number> {
  const counts = Object.fromEntries(QA_TYPES.map((type) => [type, 0])) as Record<QaType, number>;
  for (const entry of entries) counts[entry.type] += 1;
  return counts;
}

/** Types with fewer entries than MIN_QUESTIONS_PER_TYPE asks, with the count found. */
export function typesBelowMinimum(
  entries: readonly QaEntry[],
): Array<{ type: QaType; found: number; minimum: number }> {
  const counts = countByType(entries);
  return QA_TYPES.filter((type) => counts[type] < MIN_QUESTIONS_PER_TYPE[type]).map((type) => ({
    type,
    found: counts[type],
    minimum: MIN_QUESTIONS_PER_TYPE[type],
  }));
}

/** Unit ids ("<meeting>/<top>/<para>") of an entry's gold units; entries without a meeting get defaultMeeting. */
export function goldUnitIds(entry: Pick<QaEntry, 'gold'>, defaultMeeting: string): string[] {
  return entry.gold.map((gold) =>
    unitId({ meeting: gold.meeting ?? defaultMeeting, top: gold.top, para: gold.para }),
  );
}
