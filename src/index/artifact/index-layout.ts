// The index folder's layout: builds/<name>/ folders, the CURRENT pointer to the live one, and cleaning up the rest.
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { BeschlussError } from '../../errors.ts';
import { writeFileAtomic } from '../../storage/index.ts';
import { REBUILD_HINT } from '../rebuild-hint.ts';

export const CURRENT_FILE = 'CURRENT';
export const BUILDS_DIRECTORY = 'builds';
export const MANIFEST_FILE = 'manifest.json';
export const EMBEDDINGS_FILE = 'embeddings.f32';
export const LEXICAL_FILE = 'lexical.bin';
export const SENTENCES_FILE = 'sentences.i8';

/** The vector store's file in a build: named after its kind, so a foreign file is never mistaken for the default. */
export function vectorFileName(kind: string): string {
  return `vectors.${kind}`;
}

const BUILD_NAME = /^\d{8}T\d{9}Z-[0-9a-f]{8}$/;

const pointerSchema = z.object({
  build: z.string().regex(BUILD_NAME),
  /** The manifest is checked against this, so even a change that keeps it valid JSON is noticed. */
  manifestSha256: z.string().regex(/^[0-9a-f]{64}$/),
});

export type CurrentPointer = z.infer<typeof pointerSchema>;

/** Sortable by time, unique by the random suffix. */
export function newBuildName(now: Date): string {
  const stamp = now.toISOString().replace(/[-:.]/g, '');
  return `${stamp}-${randomBytes(4).toString('hex')}`;
}

export function buildDirectory(indexDirectory: string, build: string): string {
  return path.join(indexDirectory, BUILDS_DIRECTORY, build);
}

/** The live build, or undefined when the folder holds no index. */
export async function readCurrentPointer(indexDirectory: string): Promise<CurrentPointer | undefined> {
  const file = path.join(indexDirectory, CURRENT_FILE);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    // No folder (or a file in its place) holds no index either; writing there fails with a storage error.
    if (['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) return undefined;
    throw error;
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    data = undefined;
  }
  const parsed = pointerSchema.safeParse(data);
  if (!parsed.success) {
    throw new BeschlussError(
      'INDEX_CORRUPT',
      `The index pointer ${file} is corrupt: expected {"build","manifestSha256"}, found ${JSON.stringify(text.slice(0, 120))}; ` +
        `${REBUILD_HINT}.`,
      { details: { file } },
    );
  }
  return parsed.data;
}

/** The switch from one build to the next: a single atomic rename. */
export async function writeCurrentPointer(indexDirectory: string, pointer: CurrentPointer): Promise<void> {
  await writeFileAtomic(path.join(indexDirectory, CURRENT_FILE), `${JSON.stringify(pointer)}\n`);
}

/**
 * Removes every build folder but `keep`, and temp files a crashed writer left beside CURRENT. Only called while
 * holding the index lock, so no other writer's build is in progress.
 */
export async function removeOtherBuilds(indexDirectory: string, keep: string | undefined): Promise<void> {
  const buildsDirectory = path.join(indexDirectory, BUILDS_DIRECTORY);
  const builds = await readdir(buildsDirectory).catch(() => [] as string[]);
  for (const build of builds) {
    if (build !== keep) await rm(path.join(buildsDirectory, build), { recursive: true, force: true });
  }
  const entries = await readdir(indexDirectory).catch(() => [] as string[]);
  for (const entry of entries) {
    if (entry.startsWith(`.${CURRENT_FILE}.tmp-`))
      await rm(path.join(indexDirectory, entry), { force: true });
  }
}
