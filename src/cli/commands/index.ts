// The one place where CLI commands are registered; add a command by listing its module here.
import type { CliCommand } from '../command.ts';
import { askCommand } from './ask.ts';
import { evalCommand } from './eval.ts';
import { feedbackCommand } from './feedback.ts';
import { indexCommand } from './index-command.ts';
import { parseCommand } from './parse.ts';
import { searchCommand } from './search.ts';
import { serveCommand } from './serve.ts';

export const COMMANDS: readonly CliCommand[] = [
  parseCommand,
  indexCommand,
  searchCommand,
  askCommand,
  serveCommand,
  evalCommand,
  feedbackCommand,
];
