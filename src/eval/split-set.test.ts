import { writeFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seededRandom } from '../seeded-random.ts';
import { useTemporaryDirectory } from '../testing/temporary-directory.ts';
import { type QaEntry, type QaType, readQaSet } from './qa-set.ts';
import { shuffled, splitIntoFiles, splitStratified } from './split-set.ts';

function entry(id: number, type: QaType): QaEntry {
  const answerable = type !== 'unanswerable';
  return {
    id: `q${String(id).padStart(3, '0')}`,
    type,
    question: `Frage ${id}?`,
    gold: answerable ? [{ top: '1', para: '1' }] : [],
    must_mention: answerable ? ['Leuchtturm'] : [],
    answerable,
  };
}

/** 7 lookups, 4 paraphrases, 3 deadlines, 5 unanswerables: two odd counts after the first. */
const SET: QaEntry[] = [
  ...Array.from({ length: 7 }, (_, index) => entry(index + 1, 'lookup')),
  ...Array.from({ length: 4 }, (_, index) => entry(index + 8, 'paraphrase')),
  ...Array.from({ length: 3 }, (_, index) => entry(index + 12, 'deadline')),
  ...Array.from({ length: 5 }, (_, index) => entry(index + 15, 'unanswerable')),
];

const ids = (entries: readonly QaEntry[]) => entries.map((item) => item.id);
const countOf = (entries: readonly QaEntry[], type: QaType) =>
  entries.filter((item) => item.type === type).length;

describe('shuffled', () => {
  it('returns a permutation of a copy and leaves the input alone', () => {
    fc.assert(
      fc.property(fc.array(fc.integer()), fc.integer({ min: 0, max: 2 ** 32 - 1 }), (items, seed) => {
        const before = [...items];
        const result = shuffled(items, seededRandom(seed));
        expect(items).toEqual(before);
        expect([...result].sort((a, b) => a - b)).toEqual([...items].sort((a, b) => a - b));
      }),
    );
  });
});

describe('splitStratified', () => {
  const { dev, heldOut } = splitStratified(SET, 'test seed');

  it('puts every question into exactly one half, each half in input order', () => {
    expect([...ids(dev), ...ids(heldOut)].sort()).toEqual(ids(SET));
    expect(ids(dev).filter((id) => ids(heldOut).includes(id))).toEqual([]);
    expect(ids(dev)).toEqual([...ids(dev)].sort());
    expect(ids(heldOut)).toEqual([...ids(heldOut)].sort());
  });

  it('halves every type, the extra question of odd counts alternating between held-out and dev', () => {
    expect([countOf(dev, 'lookup'), countOf(heldOut, 'lookup')]).toEqual([3, 4]);
    expect([countOf(dev, 'paraphrase'), countOf(heldOut, 'paraphrase')]).toEqual([2, 2]);
    expect([countOf(dev, 'deadline'), countOf(heldOut, 'deadline')]).toEqual([2, 1]);
    expect([countOf(dev, 'unanswerable'), countOf(heldOut, 'unanswerable')]).toEqual([2, 3]);
  });

  it('gives the same halves for the same seed, whatever order the input comes in', () => {
    const again = splitStratified([...SET].reverse(), 'test seed');
    expect(ids(again.dev).sort()).toEqual(ids(dev));
  });

  it('draws other halves for another seed', () => {
    const seeds = ['one', 'two', 'three', 'four'].map((seed) => ids(splitStratified(SET, seed).dev).join());
    expect(new Set(seeds).size).toBeGreaterThan(1);
  });

  it('refuses an empty seed', () => {
    expect(() => splitStratified(SET, ' ')).toThrow(/needs a seed/);
  });
});

describe('splitIntoFiles', () => {
  const file = useTemporaryDirectory('beschluss-split-');
  const write = (name: string, entries: readonly QaEntry[]) =>
    writeFile(file(name), entries.map((item) => JSON.stringify(item)).join('\n'));

  it('writes both halves, then appends the halves of later questions without moving earlier ones', async () => {
    const files = { devFile: file('dev.jsonl'), heldOutFile: file('heldout.jsonl'), seed: 'seed' };
    await write('first.jsonl', SET);
    const first = await splitIntoFiles({ ...files, input: file('first.jsonl') });
    expect(ids(await readQaSet(files.devFile))).toEqual(ids(first.dev));
    expect(first.dev).toEqual(splitStratified(SET, 'seed').dev);

    const later = [entry(20, 'lookup'), entry(21, 'lookup'), entry(22, 'deadline')];
    await write('later.jsonl', later);
    const second = await splitIntoFiles({ ...files, input: file('later.jsonl') });
    expect(ids(await readQaSet(files.devFile))).toEqual([...ids(first.dev), ...ids(second.dev)]);
    expect(ids(await readQaSet(files.heldOutFile))).toEqual([...ids(first.heldOut), ...ids(second.heldOut)]);
    expect(second.dev.length + second.heldOut.length).toBe(3);
  });

  it('refuses questions whose ids are already split, and writes nothing', async () => {
    const files = { devFile: file('d.jsonl'), heldOutFile: file('h.jsonl'), seed: 'seed' };
    await write('set.jsonl', SET);
    await splitIntoFiles({ ...files, input: file('set.jsonl') });
    const before = ids(await readQaSet(files.devFile));
    await expect(splitIntoFiles({ ...files, input: file('set.jsonl') })).rejects.toMatchObject({
      code: 'EVAL_SET_INVALID',
      message: expect.stringContaining('ids already split'),
    });
    expect(ids(await readQaSet(files.devFile))).toEqual(before);
  });
});
