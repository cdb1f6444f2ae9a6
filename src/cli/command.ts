// What a CLI command is: a name and a function that registers it on the program, with injected output writers.
import type { Command } from 'commander';
import { z } from 'zod';

/** Where the CLI writes; tests pass recorders, the binary passes process.stdout / process.stderr. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export interface CommandContext extends CliIo {
  /** Sets the process exit code without throwing (e.g. some files failed but others were reported). */
  setExitCode: (code: number) => void;
}

export interface CliCommand {
  name: string;
  /** Adds the command (arguments, options, action) to the program. */
  register: (program: Command, context: CommandContext) => void;
}

/** A command named `name`; `configure` gives it its description, arguments, options and action. */
export function defineCommand(
  name: string,
  configure: (command: Command, context: CommandContext) => void,
): CliCommand {
  return { name, register: (program, context) => configure(program.command(name), context) };
}

/**
 * Adds the options ask and search share, `--k <n>` (how many `what`, 1 to `max`, default 5) and `--meeting <id>`,
 * and returns their schema, so that the help text and the check cannot drift apart.
 */
export function addSourceOptions(command: Command, what: string, max: number) {
  command
    .option('--k <n>', `number of ${what} (1–${max})`, '5')
    .option('--meeting <id>', 'only this meeting, e.g. imk-2020-12-10');
  const range = `expected --k from 1 to ${max}`;
  return {
    k: z.coerce.number().int().min(1, range).max(max, range).default(5),
    meeting: z
      .string()
      .regex(/^[a-z0-9-]+$/, 'expected --meeting like imk-2020-12-10')
      .optional(),
  };
}

/** Exit codes of `beschluss`. */
export const EXIT = { ok: 0, failure: 1, usage: 2 } as const;

/** Ends the command with a usage error: "<command>: <message>" on stderr, exit code 2. */
export function usageError(command: Command, message: string): never {
  return command.error(`${command.name()}: ${message}`, { exitCode: EXIT.usage, code: 'beschluss.usage' });
}

/** The command's flags (or arguments) read with its schema; what does not fit is a usage error naming each flag. */
export function parseFlags<Schema extends z.ZodType>(
  schema: Schema,
  flags: unknown,
  command: Command,
): z.output<Schema> {
  const parsed = schema.safeParse(flags);
  if (!parsed.success) usageError(command, z.prettifyError(parsed.error));
  return parsed.data;
}
