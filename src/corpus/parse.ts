// Parses the text of a published collection of Beschlüsse into a meeting with items, paragraphs and notes.
import { BeschlussError } from '../errors.ts';
import type { Collection, Item } from '../model.ts';
import { splitDecisionBody } from './decision-body.ts';
import { splitItems } from './items.ts';
import { readMeetingInfo } from './meeting-info.ts';
import { removePageFurniture } from './page-furniture.ts';

export interface ParseOptions {
  /** The file the text came from; named in errors and kept in the collection. */
  file: string;
}

/** Lines of the text, trimmed, without the blank lines the extraction puts after every line. */
function textLines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r\n|\r|\n|\f/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** No two items may share a TOP number, counting each part of a combined "6/7". */
function assertUniqueTops(items: readonly Item[], file: string): void {
  const seen = new Map<string, string>();
  for (const item of items) {
    for (const part of item.top.split('/')) {
      const earlier = seen.get(part);
      if (earlier !== undefined) {
        throw new BeschlussError(
          'FILE_DUPLICATE_ITEM',
          `${file}: TOP ${part} appears twice (items "${earlier}" and "${item.top}"); expected each TOP once per collection`,
          { details: { file, top: part } },
        );
      }
      seen.set(part, item.top);
    }
  }
}

/**
 * Parses a collection such as data/corpus/imk-2020-12-10.txt. Structure comes from the layout, not from one file:
 * page furniture is removed first, items are "TOP n:" lines that reach a "Beschluss:" line, and each Beschluss is
 * split into numbered paragraphs and Protokollnotizen (see decision-body.ts, join-lines.ts, meeting-info.ts).
 */
export function parseCollection(text: string, options: ParseOptions): Collection {
  const { file } = options;
  const lines = textLines(text);
  if (lines.length === 0) {
    throw new BeschlussError(
      'FILE_EMPTY',
      `${file}: the file has no text; expected a collection of Beschlüsse`,
      {
        details: { file },
      },
    );
  }
  const content = removePageFurniture(lines);
  const { preamble, items: itemLines } = splitItems(content.lines);
  if (itemLines.length === 0) {
    throw new BeschlussError(
      'FILE_NO_ITEMS',
      `${file}: no agenda item found in ${lines.length} lines; expected item headers like "TOP 3: <title>" followed by a "Beschluss:" line`,
      { details: { file, lines: lines.length } },
    );
  }
  const items: Item[] = itemLines.map((item) => ({
    top: item.top,
    title: item.title,
    ...splitDecisionBody(item.bodyLines),
  }));
  assertUniqueTops(items, file);
  const body = itemLines.flatMap((item) => item.bodyLines).join('\n');
  const info = readMeetingInfo({ headers: content.headers, preamble, body });
  if (!info) {
    throw new BeschlussError(
      'FILE_NO_MEETING_DATE',
      `${file}: no meeting date found; expected a header or title line such as "Sammlung der … Beschlüsse … am 10.12.20" before or between the items`,
      { details: { file } },
    );
  }
  return { file, meeting: { ...info, items } };
}
