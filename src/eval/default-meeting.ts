// Which meeting the gold units without a meeting belong to, checked against the units the target knows.
import { BeschlussError } from '../errors.ts';
import { unitId } from '../model.ts';
import type { QaEntry } from './qa-set.ts';

/**
 * The meeting every meeting-less gold unit of the set exists in: the only meeting when there is one, else the one
 * meeting in which all of them resolve. Throws EVAL_SET_INVALID, naming the set file, when none or several fit, or
 * when a gold unit (with or without a meeting) is not in the corpus — the set and the corpus do not belong together.
 */
export function resolveDefaultMeeting(
  entries: readonly QaEntry[],
  context: { meetings: readonly string[]; knownUnitIds: ReadonlySet<string>; file: string },
): string {
  const { meetings, knownUnitIds, file } = context;
  const meetingless = entries.flatMap((entry) =>
    entry.gold.filter((gold) => gold.meeting === undefined).map((gold) => ({ entry: entry.id, gold })),
  );
  const fitting = meetings.filter((meeting) =>
    meetingless.every(({ gold }) => knownUnitIds.has(unitId({ meeting, top: gold.top, para: gold.para }))),
  );
  const chosen = meetings.length === 1 ? meetings[0] : fitting.length === 1 ? fitting[0] : undefined;
  if (chosen === undefined) {
    throw new BeschlussError(
      'EVAL_SET_INVALID',
      `${file}: gold units without a meeting must all belong to one meeting of the corpus; ` +
        `${fitting.length} of the loaded meetings (${meetings.join(', ') || 'none'}) hold them all.`,
      { details: { file, meetings: [...meetings], fitting } },
    );
  }
  const missing = entries.flatMap((entry) =>
    entry.gold
      .map((gold) => unitId({ meeting: gold.meeting ?? chosen, top: gold.top, para: gold.para }))
      .filter((id) => !knownUnitIds.has(id))
      .map((id) => `${entry.id}: ${id}`),
  );
  if (missing.length > 0) {
    throw new BeschlussError(
      'EVAL_SET_INVALID',
      `${file}: ${missing.length} gold unit(s) are not in the corpus (${missing.slice(0, 5).join('; ')}` +
        `${missing.length > 5 ? '; …' : ''}); expected every gold unit to exist.`,
      { details: { file, missing } },
    );
  }
  return chosen;
}
