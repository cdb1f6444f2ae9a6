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
