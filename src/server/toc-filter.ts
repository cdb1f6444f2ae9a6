// Filters the table of contents by words: an item stays when every word occurs in its TOP, its title or the text of
// one of its units (substrings, so that "Gewahrsam" also finds "Präventivgewahrsam"); units whose text holds a word
// are named, so the page can say where the item matched.
import type { TableOfContents, UnitCatalog } from '../citation/index.ts';

export type FilteredTableOfContents = {
  meetings: Array<
    Omit<TableOfContents['meetings'][number], 'items'> & {
      items: Array<TableOfContents['meetings'][number]['items'][number] & { textMatches: string[] }>;
    }
  >;
};

/** Lower case without soft hyphens and with one kind of quote and dash, as staff type it. */
export function foldForFilter(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\u00ad/gu, '')
    .replace(/[„“”»«‚‘’]/gu, '"')
    .replace(/[‐‑‒–—―−]/gu, '-')
    .replace(/\s+/gu, ' ')
    .toLocaleLowerCase('de-DE');
}

export function filterWords(query: string): string[] {
  return foldForFilter(query).split(' ').filter(Boolean);
}

export function filterTableOfContents(catalog: UnitCatalog, query: string): FilteredTableOfContents {
  const words = filterWords(query);
  const toc = catalog.tableOfContents();
  const meetings = toc.meetings.map((meeting) => {
    const items = catalog.items(meeting.id).flatMap((item) => {
      const heading = foldForFilter(`TOP ${item.top} ${item.title}`);
      const texts = item.units.map((unit) => ({ para: unit.para, text: foldForFilter(unit.text) }));
      const everyWord = words.every(
        (word) => heading.includes(word) || texts.some((unit) => unit.text.includes(word)),
      );
      if (!everyWord) return [];
      const textMatches = texts
        .filter((unit) => words.some((word) => !heading.includes(word) && unit.text.includes(word)))
        .map((unit) => unit.para);
      return [
        {
          top: item.top,
          title: item.title,
          units: item.units.map((unit) => ({ id: unit.id, para: unit.para, kind: unit.kind })),
          textMatches,
        },
      ];
    });
    return { ...meeting, items };
  });
  return { meetings: meetings.filter((meeting) => meeting.items.length > 0) };
}
