// Generated from src/citation/marker-grammar.ts by scripts/generate-web-modules.ts; do not edit by hand.

/** One citation inside a marker ("IMK 10.12.2020, TOP 46 Ziff. 8"); named groups as in marker-grammar.ts. */
export const ONE_CITATION =
  /^(?:(?<conference>[A-Za-zÄÖÜäöü]+)\s+(?<day>\d{1,2})\.(?<month>\d{1,2})\.(?<year>\d{4})\s*,\s*)?TOP\s+(?<top>\d+(?:\.\d+)*(?:\s*\/\s*\d+)?)(?:\s*,?\s*(?:(?:Ziff\.|Ziffer|Nr\.|Abs\.)\s*(?<para>\d+)|(?<note>Protokollnotiz\s+[^;\]]+?)))?\s*$/u;

/** A bracket that may hold citations separated by ";"; group 1 is its inside. */
export const BRACKET = /\[([^[\]\n]{3,200})\]/g;
