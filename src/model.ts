// The data model of DESIGN.md: meetings, items (TOP), units (what is cited), citations and sources.

/** One numbered (or the single unnumbered) paragraph of a Beschluss. */
export interface Paragraph {
  /** "1", "2", …; an unnumbered single paragraph is "1". */
  para: string;
  text: string;
}

/** A Protokollnotiz: a note given to the record by one or more Länder. */
export interface Note {
  /** The label exactly as printed after the word "Protokollnotiz", e.g. "SN" or "BY, BW, BB, MV, NW, SL und BMI". */
  by: string;
  text: string;
}

/** One agenda item (TOP) with its Beschluss. */
export interface Item {
  /** "46", "29.2", or "6/7" for "TOP 6 … in Verbindung mit TOP 7". */
  top: string;
  title: string;
  paragraphs: Paragraph[];
  notes: Note[];
}

/** One meeting of a conference and the resolutions published from it. */
export interface Meeting {
  /** "<conference>-<date>", e.g. "imk-2020-12-10". */
  id: string;
  /** ISO date "2020-12-10". */
  date: string;
  /** Ordinal number of the meeting (e.g. 213) when the document states it. */
  number?: number;
  title: string;
  items: Item[];
}

/** A parsed collection file. */
export interface Collection {
  /** Path of the file it came from (as given). */
  file: string;
  meeting: Meeting;
}

/** Where a statement comes from: meeting, TOP and paragraph (or "Protokollnotiz <label>"). */
export interface Citation {
  meeting: string;
  top: string;
  para: string;
}

/** A citable unit: one paragraph or one Protokollnotiz of one item. */
export interface Unit extends Citation {
  /** "<meeting>/<top>/<para>", e.g. "imk-2020-12-10/46/8". */
  id: string;
  kind: 'paragraph' | 'note';
  /** Title of the item the unit belongs to. */
  title: string;
  text: string;
  /** Date of the meeting (ISO), carried for citation markers and date filters. */
  date: string;
  /** Number of units of the item that are paragraphs; 1 means the item has a single paragraph. */
  itemParagraphCount: number;
}

/** A unit returned by search or used by an answer. */
export interface Source extends Citation {
  id: string;
  title: string;
  text: string;
  score?: number;
}

export const NOTE_PREFIX = 'Protokollnotiz ';

/** The unit id of DESIGN.md: "<meeting>/<top>/<para>". */
export function unitId(citation: Citation): string {
  return `${citation.meeting}/${citation.top}/${citation.para}`;
}

/** Flattens meetings into citable units in document order. */
export function unitsOf(meeting: Meeting): Unit[] {
  const units: Unit[] = [];
  for (const item of meeting.items) {
    const base = {
      meeting: meeting.id,
      top: item.top,
      title: item.title,
      date: meeting.date,
      itemParagraphCount: item.paragraphs.length,
    };
    for (const paragraph of item.paragraphs) {
      const citation = { meeting: meeting.id, top: item.top, para: paragraph.para };
      units.push({ ...base, ...citation, id: unitId(citation), kind: 'paragraph', text: paragraph.text });
    }
    for (const note of item.notes) {
      const citation = { meeting: meeting.id, top: item.top, para: `${NOTE_PREFIX}${note.by}` };
      units.push({ ...base, ...citation, id: unitId(citation), kind: 'note', text: note.text });
    }
  }
  return units;
}

export function toSource(unit: Unit, score?: number): Source {
  const source: Source = {
    meeting: unit.meeting,
    top: unit.top,
    para: unit.para,
    id: unit.id,
    title: unit.title,
    text: unit.text,
  };
  if (score !== undefined) source.score = score;
  return source;
}

/** What gets embedded: a whole unit, or a piece of a unit longer than the embedder window. */
export interface Chunk {
  /** "<unitId>#<n>", n counting from 0 within the unit. */
  id: string;
  unitId: string;
  text: string;
  /** Character offsets of the piece within the unit's text: text === unit.text.slice(start, end). */
  start: number;
  end: number;
}
