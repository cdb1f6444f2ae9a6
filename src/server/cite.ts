// Resolves a written reference ("TOP 46 Ziffer 8", "Protokollnotiz Sachsen zu TOP 46") to exactly one unit, or
// explains why not: nothing named (INVALID_REFERENCE), several units named (AMBIGUOUS_REFERENCE), nothing that exists
// (UNIT_NOT_FOUND, naming what does).
import type { UnitCatalog } from '../citation/catalog.ts';
import { findReferences, type Reference } from '../citation/reference.ts';
import { BeschlussError } from '../errors.ts';
import type { Unit } from '../model.ts';
import { quote } from './quote.ts';

const LISTED_CANDIDATES = 30;

export function citeUnit(catalog: UnitCatalog, ref: string, options: { meeting?: string } = {}): Unit {
  const references = findReferences(ref).filter(
    (reference) => reference.top !== undefined || reference.noteBy !== undefined,
  );
  if (references.length === 0) {
    throw new BeschlussError(
      'INVALID_REFERENCE',
      `Expected a reference naming a TOP, e.g. "TOP 46 Ziffer 8" or "Protokollnotiz SN zu TOP 46"; got ${quote(ref)}.`,
    );
  }
  const units = new Map<string, Unit>();
  for (const reference of references) {
    for (const unit of unitsNamed(catalog, reference, options.meeting)) units.set(unit.id, unit);
  }
  const [only, ...others] = units.values();
  if (only && others.length === 0) return only;
  if (only) {
    const ids = [...units.keys()];
    const listed = ids.slice(0, LISTED_CANDIDATES).join(', ');
    const more = ids.length > LISTED_CANDIDATES ? ` and ${ids.length - LISTED_CANDIDATES} more` : '';
    throw new BeschlussError(
      'AMBIGUOUS_REFERENCE',
      `${quote(ref)} names ${ids.length} units; name one paragraph (e.g. "TOP ${only.top} Ziffer ${only.kind === 'paragraph' ? only.para : '1'}"): ${listed}${more}.`,
      { details: { candidates: ids } },
    );
  }
  throw notFound(catalog, references[0] as Reference, options.meeting);
}

/** An item reference without a paragraph stands for the item's paragraph when it has only one. */
function unitsNamed(catalog: UnitCatalog, reference: Reference, meeting: string | undefined): Unit[] {
  const resolved = catalog.resolve(reference, meeting === undefined ? {} : { meeting });
  if (reference.top === undefined || reference.para !== undefined || reference.noteBy !== undefined) {
    return resolved;
  }
  const byItem = new Map<string, Unit[]>();
  for (const unit of resolved) {
    const key = `${unit.meeting}/${unit.top}`;
    byItem.set(key, [...(byItem.get(key) ?? []), unit]);
  }
  return [...byItem.values()].flatMap((itemUnits) => {
    const paragraphs = itemUnits.filter((unit) => unit.kind === 'paragraph');
    return paragraphs.length === 1 ? paragraphs : itemUnits;
  });
}

function notFound(catalog: UnitCatalog, reference: Reference, meeting: string | undefined): BeschlussError {
  const meetingIds = catalog.meetings
    .filter(
      (each) =>
        (meeting === undefined || each.id === meeting) &&
        (reference.date === undefined || each.date === reference.date),
    )
    .map((each) => each.id);
  if (meetingIds.length === 0) {
    const loaded = catalog.meetings.map((each) => `${each.id} (${each.date})`).join(', ') || '(none)';
    return new BeschlussError(
      'MEETING_NOT_FOUND',
      `No loaded meeting matches the reference; loaded: ${loaded}.`,
    );
  }
  if (reference.top === undefined) {
    return new BeschlussError(
      'UNIT_NOT_FOUND',
      `No Protokollnotiz of ${(reference.noteBy ?? []).join(', ') || 'anyone'} exists in ${meetingIds.join(', ')}.`,
    );
  }
  const items = catalog.findItems(reference.top, meetingIds);
  if (items.length === 0) {
    const tops = meetingIds.flatMap((id) => catalog.items(id).map((item) => item.top));
    return new BeschlussError(
      'UNIT_NOT_FOUND',
      `There is no TOP ${reference.top} in ${meetingIds.join(', ')}; the items are TOP ${tops.join(', ')}.`,
      { details: { tops } },
    );
  }
  const wanted =
    reference.noteBy !== undefined
      ? `Protokollnotiz of ${reference.noteBy.join(', ') || 'anyone'}`
      : `Ziffer ${reference.para}`;
  const available = items.flatMap((item) => item.units.map((unit) => unit.id));
  return new BeschlussError(
    'UNIT_NOT_FOUND',
    `TOP ${items.map((item) => item.top).join(', ')} has no ${wanted}; it has: ${items
      .flatMap((item) => item.units.map((unit) => unit.para))
      .join(', ')}.`,
    { details: { available } },
  );
}
