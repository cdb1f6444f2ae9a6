// `beschluss feedback export [--file F] [--out F] [--excel]`: staff feedback (feedback.jsonl) as CSV for review, with
// the earlier questions of each report's conversation.
import path from 'node:path';
import { z } from 'zod';
import { conversationsDirectory, loadConfig } from '../../config.ts';
import { createFileConversationStore, createPostgresConversationStore } from '../../conversation/index.ts';
import { openDatabase } from '../../database.ts';
import { createPostgresFeedbackLog, feedbackCsv } from '../../server/index.ts';
import { withStorageErrors, writeFileAtomic } from '../../storage/index.ts';
import { type CliCommand, defineCommand, parseFlags } from '../command.ts';

const flagsSchema = z.object({
  file: z.string().min(1, 'expected --file to name the feedback file').optional(),
  out: z.string().min(1, 'expected --out to name the CSV file').optional(),
  excel: z.boolean().default(false),
});

export interface FeedbackCommandOptions {
  /** Environment the configuration is read from (default process.env). */
  environment?: Record<string, string | undefined>;
}

export function createFeedbackCommand(options: FeedbackCommandOptions = {}): CliCommand {
  return defineCommand('feedback', (command, context) => {
    command.description('staff feedback on answers (POST /api/feedback)');
    const exportCommand = command
      .command('export')
      .description(
        'write the feedback as CSV (stdout, or --out FILE), with the earlier questions of its conversation',
      )
      .option('--file <path>', 'the feedback file (default <INDEX_DIR>/feedback.jsonl, or DATABASE_URL)')
      .option('--out <path>', 'write the CSV to this file instead of stdout')
      .option('--excel', 'semicolons and a byte-order mark, as a German Excel opens it');
    exportCommand.action(async (flags: Record<string, unknown>) => {
      const { file, out, excel } = parseFlags(flagsSchema, flags, exportCommand);
      const config = loadConfig(options.environment);
      // With DATABASE_URL (and no --file) the feedback and conversations of every server come from the database.
      const database =
        file === undefined && config.DATABASE_URL !== undefined
          ? await openDatabase({ url: config.DATABASE_URL, poolSize: 2 })
          : undefined;
      const source = database ? database.name : (file ?? path.join(config.INDEX_DIR, 'feedback.jsonl'));
      let exported: Awaited<ReturnType<typeof feedbackCsv>>;
      try {
        exported = await feedbackCsv({
          ...(database
            ? {
                entries: createPostgresFeedbackLog(database).entries(),
                conversations: createPostgresConversationStore(database),
              }
            : {
                file: source,
                conversations: createFileConversationStore({ directory: conversationsDirectory(config) }),
              }),
          excel,
        });
      } finally {
        await database?.close();
      }
      const { csv, rows, skipped } = exported;
      if (skipped.length > 0) {
        context.stderr(
          `beschluss: skipped ${skipped.length} line(s) of ${source} that are no feedback entry: ${skipped.join(', ')}\n`,
        );
      }
      if (out === undefined) {
        context.stdout(csv);
        return;
      }
      // A full disk or a missing folder is one line naming the folder (report-error.ts), not a stack trace.
      await withStorageErrors(
        { folder: path.dirname(path.resolve(out)), subject: { de: 'die CSV-Datei', en: 'the CSV file' } },
        () => writeFileAtomic(out, csv),
      );
      context.stderr(`${rows} report(s) written to ${out}\n`);
    });
  });
}

export const feedbackCommand: CliCommand = createFeedbackCommand();
