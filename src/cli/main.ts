// The `beschluss` command line: builds the commander program from the registered commands and maps errors to exit codes.
import { Command, CommanderError } from 'commander';
import { type CliCommand, type CliIo, type CommandContext, EXIT } from './command.ts';
import { COMMANDS } from './commands/index.ts';
import { reportError } from './report-error.ts';

export interface MainOptions extends Partial<CliIo> {
  /** Commands to offer; default: every registered command (commands/index.ts). */
  commands?: readonly CliCommand[];
}

const defaultIo: CliIo = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Commander's own outcomes that are not errors. */
const CLEAN_EXITS = new Set(['commander.helpDisplayed', 'commander.version']);

function buildProgram(commands: readonly CliCommand[], context: CommandContext): Command {
  const program = new Command('beschluss')
    .description('Question answering with exact citations (TOP, Ziffer) over published Beschlüsse')
    .exitOverride()
    .showHelpAfterError('(run "beschluss --help" for usage)')
    .configureOutput({
      writeOut: context.stdout,
      writeErr: context.stderr,
      outputError: (message, write) => write(`beschluss: ${message.replace(/^error: /, '')}`),
    });
  for (const command of commands) command.register(program, context);
  return program;
}

/**
 * Runs `beschluss` with the given arguments (without "node" and the script) and returns the exit code:
 * 0 success, 1 failure (a BeschlussError is printed as "beschluss: <message>"), 2 usage error.
 */
export async function main(argv: string[], options: MainOptions = {}): Promise<number> {
  const { commands = COMMANDS, stdout = defaultIo.stdout, stderr = defaultIo.stderr } = options;
  let exitCode: number = EXIT.ok;
  const context: CommandContext = {
    stdout,
    stderr,
    setExitCode: (code) => {
      exitCode = code;
    },
  };
  const program = buildProgram(commands, context);
  if (argv.length === 0) {
    stderr(program.helpInformation());
    return EXIT.usage;
  }
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) return CLEAN_EXITS.has(error.code) ? EXIT.ok : EXIT.usage;
    reportError(context, error);
    return EXIT.failure;
  }
}
