import { describe, expect, it } from 'vitest';
import { chooseMeetingFile, type MeetingCandidate } from './meeting-conflicts.ts';

const candidate = (file: string, modifiedMs: number, text = file): MeetingCandidate => ({
  file,
  modifiedMs,
  bytes: new TextEncoder().encode(text),
});

describe('chooseMeetingFile', () => {
  it.each([
    [
      'a file marked korrigiert over a newer one',
      [candidate('/c/imk-2020-12-10-korrigiert.txt', 1), candidate('/c/imk-2020-12-10.txt', 5)],
      'imk-2020-12-10-korrigiert.txt',
      'correction-marker',
    ],
    [
      'a file marked Berichtigt (any case)',
      [candidate('/c/a.pdf', 9), candidate('/c/IMK-Berichtigt.pdf', 2)],
      'IMK-Berichtigt.pdf',
      'correction-marker',
    ],
    [
      'the newest of unmarked files',
      [candidate('/c/a.txt', 1), candidate('/c/b.txt', 3)],
      'b.txt',
      'newest-modification',
    ],
    [
      'the newest of several marked files',
      [candidate('/c/korrektur-1.txt', 4), candidate('/c/korrektur-2.txt', 2), candidate('/c/z.txt', 9)],
      'korrektur-1.txt',
      'newest-modification',
    ],
    [
      'the larger content hash at the same time',
      [candidate('/c/a.txt', 7, 'eins'), candidate('/c/b.txt', 7, 'zwei')],
      // sha256("eins") = bfd6…, sha256("zwei") = 9dbe…: the larger is "eins".
      'a.txt',
      'content-hash',
    ],
  ])('keeps %s', (_name, candidates, kept, rule) => {
    for (const order of [candidates, [...candidates].reverse()]) {
      const chosen = chooseMeetingFile(order);
      expect(chosen.kept.file.endsWith(`/${kept}`)).toBe(true);
      expect(chosen.rule).toBe(rule);
    }
  });

  it('decides nothing for a single file', () => {
    const only = candidate('/c/a.txt', 1);
    expect(chooseMeetingFile([only])).toEqual({ kept: only });
  });
});
