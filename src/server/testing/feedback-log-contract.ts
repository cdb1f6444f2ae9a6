// The behaviour every feedback store must show (the JSONL file, the PostgreSQL table): what was appended is read
// back whole and in order, concurrent appends all arrive, and an empty store reads as no entries.
import { describe, expect, it } from 'vitest';
import type { FeedbackEntry, FeedbackLog } from '../feedback-log.ts';

const ENTRY: FeedbackEntry = {
  rating: 'wrong-citation',
  question: 'Welche Frist gilt für den Bericht?',
  answer: 'Bis zur Frühjahrskonferenz. [TOP 22 Ziff. 3]',
  citations: [{ meeting: 'imk-2020-12-10', top: '22', para: '3' }],
  comment: 'Eher Ziffer 2.',
  mode: 'extractive',
};

/** `create` gives an empty store with a clock fixed at `now`. */
export function describeFeedbackLogContract(
  name: string,
  create: (now: () => Date) => Promise<FeedbackLog>,
): void {
  describe(`${name} (feedback store contract)`, () => {
    const now = () => new Date('2026-03-04T05:06:07.089Z');

    it('reads nothing from an empty store', async () => {
      const log = await create(now);
      const read = [];
      for await (const entry of log.entries()) read.push(entry);
      expect(read).toEqual([]);
    });

    it('reads back every entry whole, with its time, in the order appended', async () => {
      const log = await create(now);
      expect(await log.append(ENTRY)).toEqual({ at: '2026-03-04T05:06:07.089Z' });
      const { comment: _comment, mode: _mode, ...plain } = ENTRY;
      await log.append({ ...plain, rating: 'helpful' });
      const read = [];
      for await (const entry of log.entries()) read.push(entry);
      expect(read).toEqual([
        { at: '2026-03-04T05:06:07.089Z', ...ENTRY },
        { at: '2026-03-04T05:06:07.089Z', ...plain, rating: 'helpful' },
      ]);
    });

    it('keeps every one of many concurrent appends', async () => {
      const log = await create(now);
      await Promise.all(
        Array.from({ length: 40 }, (_, position) => log.append({ ...ENTRY, question: `Frage ${position}` })),
      );
      const questions = new Set<string>();
      for await (const entry of log.entries()) questions.add(entry.question);
      expect(questions.size).toBe(40);
    });
  });
}
