// Test fixture: meeting items written compactly, `item('46', 'Titel', { 1: 'Eins.', 8: 'Acht.' }, { SN: 'Sachsen.' })`.
import type { Item } from '../model.ts';

/**
 * An item with its paragraphs (para → text) and Protokollnotizen (by → text). Numeric paras come out in ascending
 * order (JavaScript orders integer keys), the notes in the order written.
 */
export function item(
  top: string,
  title: string,
  paragraphs: Record<string, string>,
  notes: Record<string, string> = {},
): Item {
  return {
    top,
    title,
    paragraphs: Object.entries(paragraphs).map(([para, text]) => ({ para, text })),
    notes: Object.entries(notes).map(([by, text]) => ({ by, text })),
  };
}
