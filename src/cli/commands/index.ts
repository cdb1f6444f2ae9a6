// The one place where CLI commands are registered; add a command by listing its module here.
import type { CliCommand } from '../command.ts';
import { parseCommand } from './parse.ts';

export const COMMANDS: readonly CliCommand[] = [parseCommand];
