// `beschluss feedback export [--file F] [--out F] [--excel]`: staff feedback (feedback.jsonl) as CSV for review, with
// the earlier questions of each report's conversation.
import path from 'node:path';
import { z } from 'zod';
import { conversationsDirectory, loadConfig } from '../../config.ts';
import { createFileConversationStore } from '../../conversation/index.ts';
import { writeFileAtomic } from '../../index/index.ts';
import { feedbackCsv } from '../../server/index.ts';
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
      .option('--file <path>', 'the feedback file (default <INDEX_DIR>/feedback.jsonl)')
      .option('--out <path>', 'write the CSV to this file instead of stdout')
      .option('--excel', 'semicolons and a byte-order mark, as a German Excel opens it');
    exportCommand.action(async (flags: Record<string, unknown>) => {
      const { file, out, excel } = parseFlags(flagsSchema, flags, exportCommand);
      const config = loadConfig(options.environment ?? process.env);
      const source = file ?? path.join(config.INDEX_DIR, 'feedback.jsonl');
      const conversations = createFileConversationStore({ directory: conversationsDirectory(config) });
      const { csv, rows, skipped } = await feedbackCsv({ file: source, conversations, excel });
      if (skipped.length > 0) {
        context.stderr(
          `beschluss: skipped ${skipped.length} line(s) of ${source} that are no feedback entry: ${skipped.join(', ')}\n`,
        );
      }
      if (out === undefined) {
        context.stdout(csv);
        return;
      }
      await writeFileAtomic(out, csv);
      context.stderr(`${rows} report(s) written to ${out}\n`);
    });
  });
}

export const feedbackCommand: CliCommand = createFeedbackCommand();
