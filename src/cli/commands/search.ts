// `beschluss search "QUERY" [--k 5] [--meeting ID] [--mode hybrid|lexical|vector] [--json]`: ranked sources.
import { z } from 'zod';
import { unitReference } from '../../citation/index.ts';
import type { Source } from '../../model.ts';
import { addSourceOptions, defineCommand, parseFlags, usageError } from '../command.ts';
import { loadAssistant } from '../load-assistant.ts';

export function formatSources(sources: readonly Source[]): string {
  return sources
    .map((source, index) => {
      const reference = source.para.startsWith('Protokollnotiz')
        ? `TOP ${source.top} ${source.para}`
        : unitReference({ top: source.top, para: source.para, kind: 'paragraph', itemParagraphCount: 2 });
      const score = source.score === undefined ? '' : `  (${source.score.toFixed(4)})`;
      return `${index + 1}. ${source.meeting} ${reference} – ${source.title}${score}\n   ${source.text}\n`;
    })
    .join('\n');
}

export const searchCommand = defineCommand('search', (command, context) => {
  const flagsSchema = z.object({
    ...addSourceOptions(command, 'results', 50),
    mode: z.enum(['hybrid', 'lexical', 'vector']).default('hybrid'),
    json: z.boolean().default(false),
  });
  command
    .description('retrieve the units that best match a query (hybrid: references, BM25 and vectors)')
    .argument('<query>', 'what to look for, e.g. "Silvesterfeuerwerk" or "TOP 21 Ziffer 2"')
    .option('--mode <mode>', 'hybrid, lexical or vector', 'hybrid')
    .option('--json', 'print { "results": [Source] }')
    .action(async (query: string, flags: Record<string, unknown>) => {
      const { k, meeting, mode, json } = parseFlags(flagsSchema, flags, command);
      if (query.trim() === '') usageError(command, 'expected a non-empty query');
      const assistant = await loadAssistant(context);
      const results = await assistant.retriever.search(query, { k, mode, ...(meeting ? { meeting } : {}) });
      context.stdout(
        json ? `${JSON.stringify({ results }, null, 2)}\n` : formatSources(results) || 'Keine Treffer.\n',
      );
      await assistant.close();
    });
});
