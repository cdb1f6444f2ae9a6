// Prints an error the way the CLI promises: "beschluss: <message>", and a stack trace only for unexpected errors.
import { BeschlussError } from '../errors.ts';
import type { CliIo } from './command.ts';

export function reportError(io: Pick<CliIo, 'stderr'>, error: unknown): void {
  if (error instanceof BeschlussError) {
    io.stderr(`beschluss: ${error.message}\n`);
    return;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`beschluss: internal error: ${detail}\n`);
}
