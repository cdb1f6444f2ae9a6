// `beschluss index [--corpus DIR] [--index DIR] [--json]`: builds index/ (progress on stderr), or a new version in the
// DATABASE_URL database; unchanged chunks reuse their stored vectors, so adding one collection embeds only its units.
import path from 'node:path';
import { z } from 'zod';
import { createGermanAnalyzer } from '../../analysis/index.ts';
import { chooseEmbedder } from '../../assistant/index.ts';
import { loadConfig } from '../../config.ts';
import { type MeetingConflict, RULE_TEXT } from '../../corpus/index.ts';
import { openDatabase } from '../../database.ts';
import { embedderId } from '../../embed/types.ts';
import { buildIndex, createFileIndexStore, createPostgresIndexStore } from '../../index/index.ts';
import { createLogger } from '../../logger.ts';
import { defineCommand, EXIT, parseFlags } from '../command.ts';
import { createProgressReporter } from '../progress.ts';

const flagsSchema = z.object({
  corpus: z.string().min(1).optional(),
  index: z.string().min(1).optional(),
  json: z.boolean().default(false),
});

export const indexCommand = defineCommand('index', (command, context) => {
  command
    .description('build the search index from the corpus folder (every .txt and .pdf)')
    .option('--corpus <dir>', 'corpus folder (default CORPUS_DIR, else data/corpus)')
    .option('--index <dir>', 'index folder (default INDEX_DIR, else index/)')
    .option('--json', 'print the build report as JSON')
    .action(async (flags: Record<string, unknown>) => {
      const parsed = parseFlags(flagsSchema, flags, command);
      const config = loadConfig();
      const corpusDir = parsed.corpus ?? config.CORPUS_DIR;
      const indexDir = parsed.index ?? config.INDEX_DIR;
      const logger = createLogger({ level: 'warn', pretty: true, write: context.stderr });
      const analyzer = await createGermanAnalyzer();
      const { embedder } = await chooseEmbedder({ config, logger, analyzer });
      const progress = createProgressReporter();
      // With DATABASE_URL (and no --index) the new version goes to PostgreSQL, where every server picks it up.
      const database =
        parsed.index === undefined && config.DATABASE_URL !== undefined
          ? await openDatabase({ url: config.DATABASE_URL, poolSize: 4, logger })
          : undefined;
      const store = database
        ? await createPostgresIndexStore(database, { logger })
        : createFileIndexStore(indexDir);
      let report: Awaited<ReturnType<typeof buildIndex>>['report'];
      try {
        ({ report } = await store.exclusively(() =>
          buildIndex({
            corpusDir,
            store,
            embedder,
            analyzer,
            onProgress: (event) => progress.onProgress(event),
          }),
        ));
      } finally {
        progress.stop();
        await store.close();
        await database?.close();
      }
      for (const error of report.errors) context.stderr(`beschluss: skipped ${error.message}\n`);
      if (parsed.json) {
        context.stdout(
          `${JSON.stringify({ indexDir: store.location, store: store.kind, embedder: embedderId(embedder), ...report }, null, 2)}\n`,
        );
      } else {
        context.stdout(
          `Index ${store.location}: ${report.meetings} meeting(s), ${report.units} units; ` +
            `${report.embedded} chunks embedded, ${report.reused} reused, ${report.removedUnits} units removed; ` +
            `${report.errors.length} file(s) skipped; ${report.durationMs} ms (${embedderId(embedder)})\n`,
        );
        for (const conflict of report.conflicts) context.stdout(`${describeConflict(conflict)}\n`);
      }
      if (report.errors.length > 0) context.setExitCode(EXIT.failure);
    });
});

/** One line per conflict: which file of the meeting is indexed, by which step of the rule, and which are not. */
export function describeConflict(conflict: MeetingConflict): string {
  const name = (file: string) => path.basename(file);
  return (
    `Conflict: meeting ${conflict.meeting} is in ${conflict.ignored.length + 1} files; indexed ${name(conflict.kept)} ` +
    `(${RULE_TEXT[conflict.rule]}), not ${conflict.ignored.map(name).join(', ')}`
  );
}
