// The embedded conversation store: one JSON file per conversation (<directory>/<id>.json), each change written whole
// through the storage stage's atomic replace (temp file, fsync, rename, fsync of the folder), so a reader or a crash
// never meets half a conversation and a saved turn is on disk; a full or read-only disk is a storage error.
// Changes to one conversation are serialised within the process; one server process owns the folder (several
// replicas share PostgreSQL instead).
import { mkdir, readdir, readFile, rm, stat, utimes } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BeschlussError, describeIssues } from '../errors.ts';
import { withStorageErrors, writeFileAtomic } from '../storage/index.ts';
import { isConversationId } from './conversation-key.ts';
import { conversationExists, conversationFull } from './limits.ts';
import type { AppendOptions, Conversation, ConversationStore, ConversationTurn } from './types.ts';

const FORMAT = 'beschluss-conversation';
const VERSION = 1;
/** What a failed write names: "Das Gespräch wurde nicht gespeichert: …". */
const SUBJECT = { de: 'das Gespräch', en: 'the conversation' };

const answerSchema = z.looseObject({ answer: z.string(), mode: z.string() });
const turnSchema = z.object({
  question: z.string(),
  answer: answerSchema,
  askedAt: z.string(),
  answeredAt: z.string(),
  mode: z.string(),
  model: z.string(),
  indexVersion: z.string(),
});
const fileSchema = z.object({
  format: z.literal(FORMAT),
  version: z.literal(VERSION),
  id: z.string(),
  title: z.string().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
  continuedFrom: z.string().optional(),
  turns: z.array(turnSchema),
});

export interface FileConversationStoreOptions {
  /** The folder of the conversation files (created on the first write). */
  directory: string;
  /** Replaces a file whole (a seam for tests that make the disk fail); default src/storage's writeFileAtomic. */
  replaceFile?: (file: string, data: string) => Promise<void>;
}

export function createFileConversationStore(options: FileConversationStoreOptions): ConversationStore {
  const { directory, replaceFile = writeFileAtomic } = options;
  const exclusive = createLocks();
  const read = (id: string) => readConversation(directory, id);
  const write = (conversation: Conversation) => writeConversation(directory, conversation, replaceFile);
  return {
    append(id: string, turn: ConversationTurn, { maxTurns }: AppendOptions) {
      return exclusive(id, async () => {
        const existing = await read(id);
        const turns = existing?.turns ?? [];
        if (turns.length >= maxTurns) throw conversationFull(maxTurns);
        const conversation: Conversation = existing
          ? { ...existing, updatedAt: turn.answeredAt, turns: [...turns, turn] }
          : { id, createdAt: turn.askedAt, updatedAt: turn.answeredAt, turns: [turn] };
        await write(conversation);
        return { turn: turns.length };
      });
    },
    create(conversation: Conversation) {
      return exclusive(conversation.id, async () => {
        if (await read(conversation.id)) throw conversationExists();
        await write(conversation);
      });
    },
    get: read,
    rename(id, title, at) {
      return exclusive(id, async () => {
        const existing = await read(id);
        if (!existing) return false;
        const { title: _old, ...rest } = existing;
        await write(title === '' ? { ...rest, updatedAt: at } : { ...rest, title, updatedAt: at });
        return true;
      });
    },
    remove(id) {
      const file = fileOf(directory, id);
      return exclusive(id, async () => {
        try {
          await rm(file);
          return true;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === 'ENOENT') return false;
          throw error;
        }
      });
    },
    removeUnchangedSince: (cutoff) => sweep(directory, cutoff, exclusive),
  };
}

type Exclusive = <T>(id: string, change: () => Promise<T>) => Promise<T>;

/** Per conversation: runs a change after every earlier change of the same conversation has settled. */
function createLocks(): Exclusive {
  const locks = new Map<string, Promise<unknown>>();
  return (id, change) => {
    const previous = locks.get(id) ?? Promise.resolve();
    const result = previous.then(change, change);
    const settled = result.catch(() => undefined);
    locks.set(id, settled);
    settled.then(() => {
      if (locks.get(id) === settled) locks.delete(id);
    });
    return result;
  };
}

function fileOf(directory: string, id: string): string {
  if (!isConversationId(id)) {
    throw new BeschlussError('INVALID_REQUEST', `Expected a conversation id of 32 hex digits; got "${id}".`);
  }
  return path.join(directory, `${id}.json`);
}

async function readConversation(directory: string, id: string): Promise<Conversation | undefined> {
  const file = fileOf(directory, id);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    // No file, or no folder (a file stands where it should be): no conversation; a write then names the folder.
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = fileSchema.safeParse(data);
  if (!parsed.success || parsed.data.id !== id) {
    const problem = parsed.success ? 'it names another id' : describeIssues(parsed.error.issues);
    throw new BeschlussError(
      'CONVERSATION_CORRUPT',
      `The conversation file ${file} is corrupt: ${problem}.`,
      {
        details: { file },
      },
    );
  }
  const { format: _format, version: _version, ...conversation } = parsed.data;
  return conversation as Conversation;
}

async function writeConversation(
  directory: string,
  conversation: Conversation,
  replaceFile: (file: string, data: string) => Promise<void>,
): Promise<void> {
  const file = fileOf(directory, conversation.id);
  await withStorageErrors({ folder: directory, subject: SUBJECT }, async () => {
    await mkdir(directory, { recursive: true });
    await replaceFile(file, `${JSON.stringify({ format: FORMAT, version: VERSION, ...conversation })}\n`);
  });
  // The file's time is the conversation's last change, so the retention sweep needs no more than a stat. Set after
  // the rename: a crash in between leaves the time of writing, which is later, so nothing is ever deleted early.
  const changed = new Date(conversation.updatedAt);
  await utimes(file, changed, changed);
}

/** Deletes the conversations unchanged since `cutoff`, and the temp files crashed writers left; how many of the first. */
async function sweep(directory: string, cutoff: Date, exclusive: Exclusive): Promise<number> {
  const names = await readdir(directory).catch(() => [] as string[]);
  let removed = 0;
  for (const name of names) {
    const conversation = /^([0-9a-f]{32})\.json$/.exec(name)?.[1];
    const temp = /^\.([0-9a-f]{32})\.json\.tmp-/.exec(name)?.[1];
    const id = conversation ?? temp;
    if (id === undefined) continue;
    const file = path.join(directory, name);
    // Under the conversation's lock, so no write of it is under way.
    const gone = await exclusive(id, async () => {
      const times = await stat(file).catch(() => undefined);
      // A conversation file's time is its updatedAt (set when written); a temp file seen while no write of its
      // conversation is under way is a crashed writer's.
      const old = times !== undefined && (conversation === undefined || times.mtimeMs < cutoff.getTime());
      if (old) await rm(file, { force: true });
      return old && conversation !== undefined;
    });
    if (gone) removed += 1;
  }
  return removed;
}
