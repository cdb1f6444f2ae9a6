// Two files of the corpus folder for the same meeting: one is indexed, by a documented rule, and the conflict is
// reported (build report, `beschluss index`, /api/health) — never decided by the order of file names.
//
// The rule, in this order:
//   1. a file marked as the corrected version in its name ("korrigiert", "berichtigt", "Korrektur") wins;
//   2. else the file modified last (its modification time) wins;
//   3. else (same time) the file whose bytes have the larger sha256: arbitrary, but the same on every machine.
import { createHash } from 'node:crypto';
import path from 'node:path';

export type ConflictRule = 'correction-marker' | 'newest-modification' | 'content-hash';

export interface MeetingConflict {
  meeting: string;
  /** The file indexed. */
  kept: string;
  /** The other files of the meeting, not indexed. */
  ignored: string[];
  /** Which step of the rule decided. */
  rule: ConflictRule;
}

export interface MeetingCandidate {
  file: string;
  /** Modification time in milliseconds. */
  modifiedMs: number;
  bytes: Uint8Array;
}

const CORRECTION_MARKER = /korrigiert|berichtigt|korrektur/i;

/** What the rule says in words (for the CLI and the log). */
export const RULE_TEXT: Record<ConflictRule, string> = {
  'correction-marker': 'its name marks it as the corrected version',
  'newest-modification': 'it was modified last',
  'content-hash': 'same modification time: the larger sha256 of the content',
};

/** The candidate the rule keeps, and which step decided (undefined for a single candidate). */
export function chooseMeetingFile(candidates: readonly MeetingCandidate[]): {
  kept: MeetingCandidate;
  rule?: ConflictRule;
} {
  if (candidates.length === 0) throw new RangeError('chooseMeetingFile needs at least one candidate');
  if (candidates.length === 1) return { kept: candidates[0] as MeetingCandidate };
  const marked = candidates.filter((candidate) => CORRECTION_MARKER.test(path.basename(candidate.file)));
  if (marked.length === 1) return { kept: marked[0] as MeetingCandidate, rule: 'correction-marker' };
  const pool = marked.length > 1 ? marked : [...candidates];
  const newest = Math.max(...pool.map((candidate) => candidate.modifiedMs));
  const latest = pool.filter((candidate) => candidate.modifiedMs === newest);
  if (latest.length === 1) return { kept: latest[0] as MeetingCandidate, rule: 'newest-modification' };
  const hashed = latest.map((candidate) => ({ candidate, sha256: sha256(candidate.bytes) }));
  hashed.sort((a, b) => (a.sha256 < b.sha256 ? 1 : a.sha256 > b.sha256 ? -1 : 0));
  return { kept: (hashed[0] as (typeof hashed)[number]).candidate, rule: 'content-hash' };
}

function sha256(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}
