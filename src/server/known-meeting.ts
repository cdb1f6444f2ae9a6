// Checks that a meeting a caller names is loaded, so a typo is a clear 404 rather than an empty result.
import type { UnitCatalog } from '../citation/index.ts';
import { BeschlussError } from '../errors.ts';
import { quote } from './quote.ts';

export function requireMeeting(catalog: UnitCatalog, meeting: string | undefined): void {
  if (meeting === undefined || catalog.hasMeeting(meeting)) return;
  const loaded = catalog.meetings.map((each) => each.id).join(', ') || '(none)';
  throw new BeschlussError(
    'MEETING_NOT_FOUND',
    `No meeting ${quote(meeting)} is loaded; loaded: ${loaded}.`,
    {
      details: { meeting, loaded: catalog.meetings.map((each) => each.id) },
    },
  );
}
