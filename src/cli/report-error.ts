// Prints an error the way the CLI promises: "beschluss: <message>", and a stack trace only for unexpected errors.
import { BeschlussError } from '../errors.ts';
import type { CliIo } from './command.ts';

export function reportError(io: Pick<CliIo, 'stderr'>, error: unknown): void {
  if (error instanceof BeschlussError) {
    // A storage error's message is for anyone (no path); the operator at the command line needs the folder.
    const folder = error.code.startsWith('STORAGE_') ? error.details?.folder : undefined;
    io.stderr(
      `beschluss: ${error.message}${typeof folder === 'string' ? ` Ordner/folder: ${folder}` : ''}\n`,
    );
    return;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  io.stderr(`beschluss: internal error: ${detail}\n`);
}
