// Splits an evaluation set into a dev half (tuned on) and a held-out half (reported only): stratified by question
// type, seeded, deterministic.
import { access, readFile } from 'node:fs/promises';
import { BeschlussError } from '../errors.ts';
import { hashSeed, seededRandom } from '../seeded-random.ts';
import { writeFileAtomic } from '../storage/index.ts';
import { parseQaSet, QA_TYPES, type QaEntry, readQaSet } from './qa-set.ts';

/** Fisher–Yates shuffle of a copy. */
export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const copy = [...items];
  for (let index = copy.length - 1; index > 0; index--) {
    const other = Math.floor(random() * (index + 1));
    [copy[index], copy[other]] = [copy[other] as T, copy[index] as T];
  }
  return copy;
}

export interface SplitResult {
  dev: QaEntry[];
  heldOut: QaEntry[];
}

/**
 * Each type's questions are shuffled with a generator seeded by `${seed}/${type}` (so adding a type does not move
 * the others) and cut in half. Where a type has an odd count, the extra question goes alternately to held-out and
 * to dev, in the order of QA_TYPES, so both halves stay about the same size. Both halves keep the input order.
 */
export function splitStratified(entries: readonly QaEntry[], seed: string): SplitResult {
  if (seed.trim() === '') {
    throw new BeschlussError('INVALID_REQUEST', 'a split needs a seed; received an empty one');
  }
  const devIds = new Set<string>();
  let extraToHeldOut = true;
  for (const type of QA_TYPES) {
    // Sorted by id first, so the halves depend on the seed and the ids, not on the order of the file.
    const ofType = entries
      .filter((entry) => entry.type === type)
      .sort((a, b) => a.id.localeCompare(b.id, 'en', { numeric: true }));
    if (ofType.length === 0) continue;
    const order = shuffled(ofType, seededRandom(hashSeed(`${seed}/${type}`)));
    let devCount = Math.floor(ofType.length / 2);
    if (ofType.length % 2 === 1) {
      if (!extraToHeldOut) devCount += 1;
      extraToHeldOut = !extraToHeldOut;
    }
    for (const entry of order.slice(0, devCount)) devIds.add(entry.id);
  }
  return {
    dev: entries.filter((entry) => devIds.has(entry.id)),
    heldOut: entries.filter((entry) => !devIds.has(entry.id)),
  };
}

export interface SplitIntoFilesOptions {
  /** The questions to split (JSON Lines). */
  input: string;
  seed: string;
  devFile: string;
  heldOutFile: string;
}

async function readIfPresent(file: string): Promise<QaEntry[]> {
  const present = await access(file).then(
    () => true,
    () => false,
  );
  return present ? parseQaSet(await readFile(file, 'utf8'), file) : [];
}

const toLines = (entries: readonly QaEntry[]) =>
  entries.map((entry) => `${JSON.stringify(entry)}\n`).join('');

/**
 * Splits the input's questions and appends each half to its file (creating it when missing), so questions written
 * later are split the same way without moving the ones split before. An input id that either file already holds is
 * an error, and nothing is written.
 */
export async function splitIntoFiles(options: SplitIntoFilesOptions): Promise<SplitResult> {
  const entries = await readQaSet(options.input);
  const dev = await readIfPresent(options.devFile);
  const heldOut = await readIfPresent(options.heldOutFile);
  const taken = new Set([...dev, ...heldOut].map((entry) => entry.id));
  const repeated = entries.filter((entry) => taken.has(entry.id)).map((entry) => entry.id);
  if (repeated.length > 0) {
    throw new BeschlussError(
      'EVAL_SET_INVALID',
      `${options.input}: ids already split into ${options.devFile} or ${options.heldOutFile}: ${repeated.join(', ')}; ` +
        'expected only new questions',
      { details: { file: options.input, repeated } },
    );
  }
  const split = splitStratified(entries, options.seed);
  await writeFileAtomic(options.devFile, toLines([...dev, ...split.dev]));
  await writeFileAtomic(options.heldOutFile, toLines([...heldOut, ...split.heldOut]));
  return split;
}
