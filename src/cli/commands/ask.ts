// `beschluss ask "QUESTION" [--k 5] [--meeting ID] [--json]`: the same answer as POST /api/ask.
import { z } from 'zod';
import { addSourceOptions, defineCommand, parseFlags, usageError } from '../command.ts';
import { loadAssistant } from '../load-assistant.ts';
import { formatSources } from './search.ts';

export const askCommand = defineCommand('ask', (command, context) => {
  const flagsSchema = z.object({
    ...addSourceOptions(command, 'sources', 20),
    json: z.boolean().default(false),
  });
  command
    .description('answer a question from the resolutions, every statement with its citation')
    .argument('<question>', 'e.g. "Bis wann soll wer den Warntag auswerten?"')
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
