// All citable units of the loaded meetings, looked up by id, by item, by reference or by citation marker.
import { BeschlussError } from '../errors.ts';
import type { Meeting, Unit } from '../model.ts';
import { codesOfLabel } from './laender.ts';
import type { ParsedCitation } from './marker.ts';
import type { Reference } from './reference.ts';

export type MeetingSummary = Omit<Meeting, 'items'>;

export interface CatalogItem {
  meeting: string;
  top: string;
  title: string;
  units: Unit[];
}

export interface TableOfContents {
  meetings: Array<
    MeetingSummary & {
      items: Array<{
        top: string;
        title: string;
        units: Array<{ id: string; para: string; kind: Unit['kind'] }>;
      }>;
    }
  >;
}

export class UnitCatalog {
  readonly units: readonly Unit[];
  readonly meetings: readonly MeetingSummary[];
  private readonly byId: Map<string, Unit>;
  private readonly itemsByMeeting: Map<string, CatalogItem[]>;

  constructor(units: Unit[], meetings: MeetingSummary[]) {
    this.units = units;
    this.meetings = [...meetings].sort((a, b) => a.date.localeCompare(b.date));
    this.byId = new Map(units.map((unit) => [unit.id, unit]));
    this.itemsByMeeting = new Map();
    for (const unit of units) {
      let items = this.itemsByMeeting.get(unit.meeting);
      if (!items) {
        items = [];
        this.itemsByMeeting.set(unit.meeting, items);
      }
      let item = items.find((candidate) => candidate.top === unit.top);
      if (!item) {
        item = { meeting: unit.meeting, top: unit.top, title: unit.title, units: [] };
        items.push(item);
      }
      item.units.push(unit);
    }
  }

  get size(): number {
    return this.units.length;
  }

  /** True when answers must name the meeting in their markers. */
  get multiMeeting(): boolean {
    return this.meetings.length > 1;
  }

  get(id: string): Unit | undefined {
    return this.byId.get(id);
  }

  hasMeeting(meetingId: string): boolean {
    return this.itemsByMeeting.has(meetingId);
  }

  /** Items in document order; all meetings (oldest first) unless one is named. */
  items(meetingId?: string): CatalogItem[] {
    if (meetingId !== undefined) return this.itemsByMeeting.get(meetingId) ?? [];
    return this.meetings.flatMap((meeting) => this.itemsByMeeting.get(meeting.id) ?? []);
  }

  /**
   * The item a TOP number names: "7" finds the combined item "6/7"; "6/7" (or "7/6") finds it too, and where the two
   * were not treated together, the items 6 and 7.
   */
  findItems(top: string, meetingIds: readonly string[]): CatalogItem[] {
    const wanted = top.replace(/\s+/g, '');
    const parts = wanted.split('/');
    return meetingIds.flatMap((meetingId) => {
      const items = this.items(meetingId);
      const named = (item: CatalogItem) => {
        const itemParts = item.top.split('/');
        return item.top === wanted || parts.every((part) => itemParts.includes(part));
      };
      const exact = items.filter(named);
      if (exact.length > 0 || parts.length === 1) return exact;
      return items.filter((item) => item.top.split('/').some((part) => parts.includes(part)));
    });
  }

  /** Units an explicit reference names; empty when it names nothing that exists. */
  resolve(reference: Reference, options: { meeting?: string } = {}): Unit[] {
    const meetingIds = this.meetingIdsFor(reference.date, options.meeting);
    if (reference.top === undefined) {
      if (reference.noteBy === undefined) return [];
      return this.units.filter(
        (unit) => meetingIds.includes(unit.meeting) && noteMatches(unit, reference.noteBy),
      );
    }
    const items = this.findItems(reference.top, meetingIds);
    return items.flatMap((item) => {
      if (reference.noteBy !== undefined)
        return item.units.filter((unit) => noteMatches(unit, reference.noteBy));
      if (reference.para !== undefined) {
        return item.units.filter((unit) => unit.kind === 'paragraph' && unit.para === reference.para);
      }
      return item.units;
    });
  }

  /** The unit a marker in answer text points to, or undefined when it does not exist. */
  resolveCitation(citation: ParsedCitation, options: { meeting?: string } = {}): Unit | undefined {
    const meetingIds = this.meetingIdsFor(citation.date, options.meeting);
    for (const item of this.findItems(citation.top, meetingIds)) {
      if (item.top !== citation.top.replace(/\s+/g, '')) continue;
      const para = citation.para ?? '1';
      if (citation.para === undefined && item.units.filter((unit) => unit.kind === 'paragraph').length !== 1)
        continue;
      const unit = item.units.find((candidate) => candidate.para === para);
      if (unit) return unit;
    }
    return undefined;
  }

  /** One unit by meeting, TOP and para; UNIT_NOT_FOUND names what exists instead. */
  require(meeting: string, top: string, para: string): Unit {
    const unit = this.byId.get(`${meeting}/${top}/${para}`);
    if (unit) return unit;
    if (!this.hasMeeting(meeting)) {
      throw new BeschlussError(
        'MEETING_NOT_FOUND',
        `Eine Sitzung „${meeting}“ ist nicht geladen; geladen: ${this.meetingList()}.`,
      );
    }
    const [item] = this.findItems(top, [meeting]);
    if (!item)
      throw new BeschlussError('UNIT_NOT_FOUND', `Einen TOP ${top} gibt es in dieser Sitzung nicht.`);
    const available = item.units.map((candidate) => candidate.para).join(', ');
    throw new BeschlussError(
      'UNIT_NOT_FOUND',
      `TOP ${item.top} hat keine Fundstelle „${para}“; vorhanden: ${available}.`,
    );
  }

  tableOfContents(): TableOfContents {
    return {
      meetings: this.meetings.map((meeting) => ({
        ...meeting,
        items: this.items(meeting.id).map((item) => ({
          top: item.top,
          title: item.title,
          units: item.units.map((unit) => ({ id: unit.id, para: unit.para, kind: unit.kind })),
        })),
      })),
    };
  }

  private meetingIdsFor(date: string | undefined, meeting: string | undefined): string[] {
    let ids = this.meetings.map((candidate) => candidate.id);
    if (meeting !== undefined) ids = ids.filter((id) => id === meeting);
    if (date !== undefined) {
      const dated = this.meetings
        .filter((candidate) => candidate.date === date)
        .map((candidate) => candidate.id);
      ids = ids.filter((id) => dated.includes(id));
    }
    return ids;
  }

  private meetingList(): string {
    return this.meetings.map((meeting) => meeting.id).join(', ') || '(none)';
  }
}

function noteMatches(unit: Unit, codes: readonly string[] | undefined): boolean {
  if (unit.kind !== 'note') return false;
  if (!codes || codes.length === 0) return true;
  const label = unit.para.replace(/^Protokollnotiz\s+/, '');
  const labelCodes = codesOfLabel(label);
  return codes.some((code) => labelCodes.includes(code));
}
