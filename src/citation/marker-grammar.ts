// The grammar of a citation marker ("[TOP 46 Ziff. 8]", "[IMK 10.12.2020, TOP 46 Protokollnotiz SN]"): one source
// for the server's parser (marker.ts) and the page's (web/js/marker-grammar.js, generated from this module).

const TOP_NUMBER = String.raw`\d+(?:\.\d+)*(?:\s*\/\s*\d+)?`;

/**
 * One citation inside a marker: an optional "<conference> <d.m.yyyy>, ", "TOP <number>", then a paragraph
 * ("Ziff. 8", "Ziffer 8", "Nr. 8", "Abs. 8") or a Protokollnotiz; named groups conference, day, month, year, top,
 * para, note. Flag "u".
 */
export const ONE_CITATION_SOURCE =
  String.raw`^(?:(?<conference>[A-Za-zÄÖÜäöü]+)\s+(?<day>\d{1,2})\.(?<month>\d{1,2})\.(?<year>\d{4})\s*,\s*)?` +
  String.raw`TOP\s+(?<top>${TOP_NUMBER})` +
  String.raw`(?:\s*,?\s*(?:(?:Ziff\.|Ziffer|Nr\.|Abs\.)\s*(?<para>\d+)|(?<note>Protokollnotiz\s+[^;\]]+?)))?\s*$`;

/** A bracket that may hold citations separated by ";"; group 1 is its inside. Flag "g". */
export const BRACKET_SOURCE = String.raw`\[([^[\]\n]{3,200})\]`;

/**
 * The page's copy of the grammar (web/js/marker-grammar.js; the browser cannot import this module): written by
 * `node --import tsx scripts/generate-web-modules.ts`, checked equal by web/js/generated-modules.test.ts.
 */
export function webMarkerGrammarModule(): string {
  return [
    '// Generated from src/citation/marker-grammar.ts by scripts/generate-web-modules.ts; do not edit by hand.',
    '',
    '/** One citation inside a marker ("IMK 10.12.2020, TOP 46 Ziff. 8"); named groups as in marker-grammar.ts. */',
    // As regular expression literals: every "/" of the sources is escaped.
    `export const ONE_CITATION =\n  /${ONE_CITATION_SOURCE}/u;`,
    '',
    '/** A bracket that may hold citations separated by ";"; group 1 is its inside. */',
    `export const BRACKET = /${BRACKET_SOURCE}/g;`,
    '',
  ].join('\n');
}
