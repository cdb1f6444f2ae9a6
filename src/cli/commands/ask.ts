// `beschluss ask "QUESTION" [--k 5] [--meeting ID] [--json]`: the same answer as POST /api/ask.
import { z } from 'zod';
import { defineCommand, kFlag, meetingFlag, parseFlags, usageError } from '../command.ts';
import { loadAssistant } from '../load-assistant.ts';
import { formatSources } from './search.ts';

const flagsSchema = z.object({
  k: kFlag(20),
  meeting: meetingFlag,
  json: z.boolean().default(false),
});

export const askCommand = defineCommand('ask', (command, context) => {
  command
    .description('answer a question from the resolutions, every statement with its citation')
    .argument('<question>', 'e.g. "Bis wann soll wer den Warntag auswerten?"')
    .option('--k <n>', 'number of sources (1–20)', '5')
    .option('--meeting <id>', 'only this meeting, e.g. imk-2020-12-10')
    .option('--json', 'print the JSON of POST /api/ask')
    .action(async (question: string, flags: Record<string, unknown>) => {
      const { k, meeting, json } = parseFlags(flagsSchema, flags, command);
      if (question.trim() === '' || question.length > 2000) {
        usageError(command, 'expected a question of 1 to 2000 characters');
      }
      const assistant = await loadAssistant(context);
      const answer = await assistant.answerer.answer({ question, k, ...(meeting ? { meeting } : {}) });
      if (json) {
        context.stdout(`${JSON.stringify(answer, null, 2)}\n`);
      } else {
        context.stdout(`${answer.answer}\n`);
        if (answer.notice) context.stdout(`\nHinweis: ${answer.notice}\n`);
        if (answer.sources.length > 0) context.stdout(`\nQuellen:\n${formatSources(answer.sources)}`);
      }
      await assistant.close();
    });
});
