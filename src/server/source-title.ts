// The title of a source as a chat page shows it: its citation and item title, e.g. "TOP 46 Ziff. 8 – Sicherheit …".
import type { UnitCatalog } from '../citation/index.ts';
import { meetingLabel, unitReference } from '../citation/index.ts';
import type { Source } from '../model.ts';

export function sourceTitle(source: Source, catalog: UnitCatalog): string {
  const unit = catalog.get(source.id);
  if (!unit) return `TOP ${source.top} ${source.para} – ${source.title}`;
  const prefix = catalog.multiMeeting ? `${meetingLabel(unit)}, ` : '';
  return `${prefix}${unitReference(unit)} – ${unit.title}`;
}
