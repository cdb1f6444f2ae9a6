// The LLM answerer's prompts: read from prompts/ at start-up (versioned file names), and the user message rendered
// from the numbered sources, the short history and the question.
import path from 'node:path';
import { readBundledFile } from '../bundled-file.ts';
import { formatMarker } from '../citation/index.ts';
import { BeschlussError } from '../errors.ts';
import type { Unit } from '../model.ts';
import { PROMPTS_DIR } from '../paths.ts';
import type { ChatMessage } from './types.ts';

export interface AnswerPrompts {
  /** "1" for prompts/answer-system.v1.md and prompts/answer-user.v1.md. */
  version: string;
  system: string;
  /** The user message template with {{sources}}, {{history}} and {{question}}. */
  userTemplate: string;
}

export interface LoadAnswerPromptsOptions {
  /** Folder of the prompt files (default: the project's prompts/). */
  directory?: string;
  /** Version in the file names (default "1"). */
  version?: string;
}

const PLACEHOLDERS = ['sources', 'history', 'question'] as const;
type Placeholder = (typeof PLACEHOLDERS)[number];
/** The header line naming the prompt and its version; not sent to the model. */
const HEADER = /^\s*<!--[\s\S]*?-->\s*\n/;

export async function loadAnswerPrompts(options: LoadAnswerPromptsOptions = {}): Promise<AnswerPrompts> {
  const { directory = PROMPTS_DIR, version = '1' } = options;
  const read = async (name: string) => {
    const file = path.join(directory, `${name}.v${version}.md`);
    const text = (await readBundledFile(file, 'a prompt of the LLM answerer')).toString('utf8');
    const body = text.replace(HEADER, '').trim();
    if (body === '') {
      throw new BeschlussError('FILE_EMPTY', `The prompt file ${file} holds no prompt.`, {
        details: { file },
      });
    }
    return { file, body };
  };
  const system = await read('answer-system');
  const user = await read('answer-user');
  const found = new Set([...user.body.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]));
  const missing = PLACEHOLDERS.filter((name) => !found.has(name));
  const unknown = [...found].filter((name) => !PLACEHOLDERS.includes(name as Placeholder));
  if (missing.length > 0 || unknown.length > 0) {
    throw new BeschlussError(
      'FILE_UNSUPPORTED',
      `The prompt template ${user.file} must use exactly {{sources}}, {{history}} and {{question}}; ` +
        `missing: ${missing.join(', ') || 'none'}, unknown: ${unknown.join(', ') || 'none'}.`,
      { details: { file: user.file, missing, unknown } },
    );
  }
  return { version, system: system.body, userTemplate: user.body };
}

export interface UserMessageInput {
  question: string;
  /** The numbered sources, in the order the model sees them. */
  units: readonly Unit[];
  history?: readonly ChatMessage[];
  /** Name the meeting in the markers (several meetings loaded). */
  withMeeting: boolean;
  /** Earlier messages shown at most (default 4), each cut to maxHistoryCharacters (default 600). */
  maxHistoryMessages?: number;
  maxHistoryCharacters?: number;
}

/** One numbered source: its number, its exact marker, its item title and its text. */
export function renderSource(unit: Unit, number: number, withMeeting: boolean): string {
  return `(${number}) ${formatMarker(unit, { withMeeting })} – TOP ${unit.top}: ${unit.title}\n${unit.text}`;
}

export function renderUserMessage(prompts: AnswerPrompts, input: UserMessageInput): string {
  const { maxHistoryMessages = 4, maxHistoryCharacters = 600 } = input;
  const sources = input.units
    .map((unit, index) => renderSource(unit, index + 1, input.withMeeting))
    .join('\n\n');
  const turns = (input.history ?? [])
    .filter((message) => message.role !== 'system')
    .slice(-maxHistoryMessages)
    .map((message) => {
      const speaker = message.role === 'user' ? 'Nutzer' : 'Assistent';
      const content = message.content.replace(/\s+/g, ' ').trim();
      const shortened =
        content.length > maxHistoryCharacters ? `${content.slice(0, maxHistoryCharacters)} …` : content;
      return `${speaker}: ${shortened}`;
    });
  const history =
    turns.length === 0
      ? ''
      : `Bisheriger Gesprächsverlauf (nur zum Verständnis der Frage, keine Quelle):\n${turns.join('\n')}\n\n`;
  const values: Record<Placeholder, string> = {
    sources: sources === '' ? '(keine Quellen gefunden)' : sources,
    history,
    question: input.question.trim(),
  };
  // One pass, so that braces inside sources or the question are never read as placeholders.
  return prompts.userTemplate.replace(/\{\{(\w+)\}\}/g, (_, name: Placeholder) => values[name]);
}
