// Resolves a written reference ("TOP 23 Ziffer 2", "TOP 6/7 Ziff. 4", "Protokollnotiz Bayern zu TOP 39") to one unit
// or one whole item, or explains in German why not — nothing named (INVALID_REFERENCE), several units named
// (AMBIGUOUS_REFERENCE), nothing that exists (UNIT_NOT_FOUND, MEETING_NOT_FOUND) — with the nearest references that
// do resolve as `details.suggestions` (labels staff can send back as they are, never unit ids).
import type { CatalogItem, UnitCatalog } from '../citation/index.ts';
import {
  findReferences,
  germanDate,
  meetingLabel,
  conferenceName as nameOfConference,
  type Reference,
  unitReference,
} from '../citation/index.ts';
import { BeschlussError } from '../errors.ts';
import type { Unit } from '../model.ts';

const LISTED_CANDIDATES = 30;
const NEAREST = 4;

export interface CiteResult {
  /** The unit named; for a whole item its first unit. */
  unit: Unit;
  /** Set when the reference names a whole item of several units ("TOP 7"). */
  item?: CatalogItem;
}

/** The unit a reference names; a reference to a whole item of several units is AMBIGUOUS_REFERENCE. */
export function citeUnit(catalog: UnitCatalog, ref: string, options: { meeting?: string } = {}): Unit {
  const result = citeReference(catalog, ref, options);
  if (result.item) throw ambiguous(catalog, ref, result.item.units);
  return result.unit;
}

/** The unit, or the whole item, a reference names. */
export function citeReference(
  catalog: UnitCatalog,
  ref: string,
  options: { meeting?: string } = {},
): CiteResult {
  const references = findReferences(ref).filter(
    (reference) => reference.top !== undefined || reference.noteBy !== undefined,
  );
  if (references.length === 0) {
    throw new BeschlussError(
      'INVALID_REFERENCE',
      `In „${ref}“ ist keine Fundstelle zu erkennen. Bitte TOP und Ziffer angeben, z. B. „TOP 46 Ziffer 8“ oder „TOP 46 Protokollnotiz SN“.`,
    );
  }
  const units = new Map<string, Unit>();
  const wholeItems = new Map<string, CatalogItem>();
  for (const reference of references) {
    const named = unitsNamed(catalog, reference, options.meeting);
    for (const unit of named.units) units.set(unit.id, unit);
    if (named.item) wholeItems.set(`${named.item.meeting}/${named.item.top}`, named.item);
  }
  const [only, ...others] = units.values();
  if (only && others.length === 0) return { unit: only };
  const [item, ...otherItems] = wholeItems.values();
  if (only && item && otherItems.length === 0 && units.size === item.units.length)
    return { unit: only, item };
  if (only) throw ambiguous(catalog, ref, [...units.values()]);
  throw notFound(catalog, references[0] as Reference, options.meeting);
}

/** A reference's label as staff write it: "TOP 46 Ziff. 8", with the meeting when more than one is loaded. */
export function referenceLabel(catalog: UnitCatalog, unit: Unit): string {
  const reference = unitReference(unit);
  return catalog.multiMeeting ? `${meetingLabel(unit)}, ${reference}` : reference;
}

function itemLabel(catalog: UnitCatalog, item: CatalogItem): string {
  const meeting = catalog.meetings.find((each) => each.id === item.meeting);
  const prefix = catalog.multiMeeting && meeting ? `${meetingName(meeting)}, ` : '';
  return `${prefix}TOP ${item.top}`;
}

function meetingName(meeting: { id: string; date: string }): string {
  return `${nameOfConference(meeting.id)} ${germanDate(meeting.date)}`;
}

function ambiguous(catalog: UnitCatalog, ref: string, units: readonly Unit[]): BeschlussError {
  const ids = units.map((unit) => unit.id);
  const suggestions = units.slice(0, LISTED_CANDIDATES).map((unit) => referenceLabel(catalog, unit));
  const more = units.length > LISTED_CANDIDATES ? ` (die ersten ${LISTED_CANDIDATES})` : '';
  return new BeschlussError(
    'AMBIGUOUS_REFERENCE',
    `„${ref}“ nennt ${units.length} Fundstellen; bitte eine davon wählen${more}: ${suggestions.join(', ')}.`,
    { details: { candidates: ids, suggestions } },
  );
}

/**
 * The units a reference names. An item reference without a paragraph stands for the item's paragraph when it has
 * only one, else for the whole item (`item`).
 */
function unitsNamed(
  catalog: UnitCatalog,
  reference: Reference,
  meeting: string | undefined,
): { units: Unit[]; item?: CatalogItem } {
  const resolved = catalog.resolve(reference, meeting === undefined ? {} : { meeting });
  if (reference.top === undefined || reference.para !== undefined || reference.noteBy !== undefined) {
    return { units: resolved };
  }
  const meetingIds = [...new Set(resolved.map((unit) => unit.meeting))];
  const items = catalog.findItems(reference.top, meetingIds);
  const units = items.flatMap((item) => {
    const paragraphs = item.units.filter((unit) => unit.kind === 'paragraph');
    return paragraphs.length === 1 ? paragraphs : item.units;
  });
  const [item, ...others] = items;
  const whole = item && others.length === 0 && units.length > 1 ? item : undefined;
  return whole ? { units, item: whole } : { units };
}

function notFound(catalog: UnitCatalog, reference: Reference, meeting: string | undefined): BeschlussError {
  const meetings = catalog.meetings.filter(
    (each) =>
      (meeting === undefined || each.id === meeting) &&
      (reference.date === undefined || each.date === reference.date),
  );
  const meetingIds = meetings.map((each) => each.id);
  if (meetings.length === 0) {
    const loaded = catalog.meetings.map(meetingName).join(', ') || 'keine';
    // The same reference in the meetings that are loaded, where it names something.
    const { date: _date, ...undated } = reference;
    const suggestions = catalog.meetings.flatMap((each) =>
      catalog
        .resolve(undated, { meeting: each.id })
        .slice(0, 1)
        .map((unit) => `${meetingName(each)}, ${unitReference(unit)}`),
    );
    return new BeschlussError(
      'MEETING_NOT_FOUND',
      `Zu dieser Fundstelle ist keine Sitzung geladen; geladen: ${loaded}.`,
      { details: { suggestions } },
    );
  }
  const where = meetings.map(meetingName).join(', ');
  if (reference.top === undefined) {
    const notes = catalog.units.filter((unit) => meetingIds.includes(unit.meeting) && unit.kind === 'note');
    return new BeschlussError(
      'UNIT_NOT_FOUND',
      `In der ${where} gibt es keine Protokollnotiz${byWhom(reference)}.`,
      {
        details: {
          suggestions: notes.slice(0, LISTED_CANDIDATES).map((unit) => referenceLabel(catalog, unit)),
        },
      },
    );
  }
  const items = catalog.findItems(reference.top, meetingIds);
  if (items.length === 0) {
    const allItems = meetingIds.flatMap((id) => catalog.items(id));
    const tops = allItems.map((item) => item.top);
    const suggestions = nearest(allItems, (item) => topNumber(item.top), topNumber(reference.top)).map(
      (item) => itemLabel(catalog, item),
    );
    return new BeschlussError(
      'UNIT_NOT_FOUND',
      `Einen TOP ${reference.top} gibt es in der ${where} nicht. Nächstgelegen: ${suggestions.join(', ')}.`,
      { details: { tops, suggestions } },
    );
  }
  const available = items.flatMap((item) => item.units.map((unit) => unit.id));
  const itemUnits = items.flatMap((item) => item.units);
  const topText = items.map((item) => `TOP ${item.top}`).join(', ');
  if (reference.noteBy !== undefined) {
    const notes = itemUnits.filter((unit) => unit.kind === 'note');
    const suggestions = (notes.length > 0 ? notes : itemUnits.slice(0, NEAREST)).map((unit) =>
      referenceLabel(catalog, unit),
    );
    return new BeschlussError(
      'UNIT_NOT_FOUND',
      `${topText} hat keine Protokollnotiz${byWhom(reference)}. Vorhanden: ${suggestions.join(', ')}.`,
      { details: { available, suggestions } },
    );
  }
  const paragraphs = itemUnits.filter((unit) => unit.kind === 'paragraph');
  const suggestions = nearest(paragraphs, (unit) => Number(unit.para), Number(reference.para)).map((unit) =>
    referenceLabel(catalog, unit),
  );
  const paras = paragraphs.map((unit) => unit.para);
  const existing =
    paras.length > 12 ? `Ziffer ${paras[0]} bis ${paras.at(-1)}` : `Ziffer ${paras.join(', ')}`;
  return new BeschlussError(
    'UNIT_NOT_FOUND',
    `${topText} hat keine Ziffer ${reference.para}; vorhanden: ${existing}. Nächstgelegen: ${suggestions.join(', ')}.`,
    { details: { available, suggestions } },
  );
}

function byWhom(reference: Reference): string {
  const codes = reference.noteBy ?? [];
  return codes.length === 0 ? '' : ` von ${codes.join(', ')}`;
}

/** "29.2" → 29.2, "6/7" → 6. */
function topNumber(top: string): number {
  return Number.parseFloat(top.split('/')[0] ?? top);
}

/** The `NEAREST` entries closest to `target` by `numberOf`, in their own order. */
function nearest<T>(entries: readonly T[], numberOf: (entry: T) => number, target: number): T[] {
  if (!Number.isFinite(target)) return entries.slice(0, NEAREST);
  const closest = new Set(
    [...entries]
      .sort((a, b) => Math.abs(numberOf(a) - target) - Math.abs(numberOf(b) - target))
      .slice(0, NEAREST),
  );
  return entries.filter((entry) => closest.has(entry));
}
