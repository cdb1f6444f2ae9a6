// Runs `beschluss` in process with its output recorded, for the CLI tests.
import type { CliCommand } from '../command.ts';
import { main } from '../main.ts';

export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/** `commands` replaces the registered commands (default: all of them), e.g. with one built with test options. */
export async function runCli(argv: string[], commands?: readonly CliCommand[]): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    ...(commands ? { commands } : {}),
  });
  return { code, stdout: out.join(''), stderr: err.join('') };
}
