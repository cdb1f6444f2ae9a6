// `beschluss parse FILE… [--json]`: parses collection files (or corpus folders) and prints their structure.
import { stat } from 'node:fs/promises';
import type { Command } from 'commander';
import { z } from 'zod';
import { readCollectionFile, readCorpusDir } from '../../corpus/index.ts';
import { BeschlussError } from '../../errors.ts';
import type { Collection, Meeting } from '../../model.ts';
import { type CommandContext, defineCommand, EXIT, parseFlags } from '../command.ts';
import { reportError } from '../report-error.ts';

const argumentsSchema = z.object({
  paths: z.array(z.string().min(1, 'a path must not be empty')).min(1, 'expected at least one FILE'),
  json: z.boolean().default(false),
});

/** The JSON contract of DESIGN.md, keys in this order; "number" only when the document states it. */
export function meetingsJson(meetings: readonly Meeting[]) {
  return {
    meetings: meetings.map((meeting) => ({
      id: meeting.id,
      date: meeting.date,
      ...(meeting.number === undefined ? {} : { number: meeting.number }),
      title: meeting.title,
      items: meeting.items.map((item) => ({
        top: item.top,
        title: item.title,
        paragraphs: item.paragraphs.map((paragraph) => ({ para: paragraph.para, text: paragraph.text })),
        notes: item.notes.map((note) => ({ by: note.by, text: note.text })),
      })),
    })),
  };
}

/** A readable table of contents: the meeting, then one line per item and one per Protokollnotiz. */
export function outline(collection: Collection): string {
  const { meeting } = collection;
  const number = meeting.number === undefined ? '' : `  ${meeting.number}. Sitzung`;
  const lines = [`${meeting.id}  ${meeting.date}${number}  ${meeting.title}`, `  file: ${collection.file}`];
  const width = Math.max(...meeting.items.map((item) => item.top.length));
  for (const item of meeting.items) {
    const count = item.paragraphs.length;
    const paragraphs = `${count} ${count === 1 ? 'paragraph ' : 'paragraphs'}`;
    lines.push(`  TOP ${item.top.padEnd(width)}  ${paragraphs}  ${item.title}`);
    for (const note of item.notes) lines.push(`  ${' '.repeat(width + 4)}  Protokollnotiz ${note.by}`);
  }
  const units = meeting.items.reduce((sum, item) => sum + item.paragraphs.length + item.notes.length, 0);
  lines.push(`  ${meeting.items.length} items, ${units} citable units`);
  return `${lines.join('\n')}\n`;
}

async function isDirectory(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isDirectory();
  } catch {
    return false;
  }
}

/** Reads every path (a file, or a folder of files); errors are collected so that every bad file is reported. */
async function readAll(paths: readonly string[]): Promise<{ collections: Collection[]; errors: unknown[] }> {
  const collections: Collection[] = [];
  const errors: unknown[] = [];
  for (const file of paths) {
    try {
      if (await isDirectory(file)) {
        const corpus = await readCorpusDir(file);
        collections.push(...corpus.collections);
        errors.push(...corpus.errors);
      } else {
        collections.push(await readCollectionFile(file));
      }
    } catch (error) {
      errors.push(error);
    }
  }
  const fileOfMeeting = new Map<string, string>();
  for (const collection of collections) {
    const earlier = fileOfMeeting.get(collection.meeting.id);
    if (earlier !== undefined) {
      errors.push(
        new BeschlussError(
          'CORPUS_DUPLICATE_MEETING',
          `${collection.file}: meeting ${collection.meeting.id} is already read from ${earlier}; expected one file per meeting`,
          { details: { meeting: collection.meeting.id, files: [earlier, collection.file] } },
        ),
      );
    }
    fileOfMeeting.set(collection.meeting.id, collection.file);
  }
  return { collections, errors };
}

async function runParse(
  paths: string[],
  flags: { json?: boolean },
  command: Command,
  context: CommandContext,
) {
  const parsed = parseFlags(argumentsSchema, { paths, json: flags.json }, command);
  const { collections, errors } = await readAll(parsed.paths);
  if (errors.length > 0) {
    for (const error of errors) reportError(context, error);
    context.setExitCode(EXIT.failure);
    return;
  }
  if (parsed.json) {
    context.stdout(
      `${JSON.stringify(meetingsJson(collections.map((collection) => collection.meeting)), null, 2)}\n`,
    );
  } else {
    context.stdout(collections.map(outline).join('\n'));
  }
}

export const parseCommand = defineCommand('parse', (command, context) => {
  command
    .description('parse collection files (or folders of them) into meetings, items, paragraphs and notes')
    .argument('<files...>', 'collection files (.txt, .pdf) or corpus folders')
    .option('--json', 'print the parsed structure as JSON ({ "meetings": [...] })')
    .action((paths: string[], flags: { json?: boolean }, command: Command) =>
      runParse(paths, flags, command, context),
    );
});
