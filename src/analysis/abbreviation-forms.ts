// Both directions of a lexicon's acronyms: the long forms of a short one, and the short form a long form in a text has.
import type { Abbreviation } from './abbreviations.ts';

export interface PositionedStem {
  stem: string;
  /** Index of the token it came from. */
  position: number;
}

export interface AbbreviationForms {
  /** Long forms of an acronym as written in the lexicon ("SN" → "Sachsen", "sächsisch"); empty when unknown. */
  longForms(short: string): string[];
  /**
   * The acronyms whose long form a text spells out ("Bundesministerium des Innern" → "bmi"), at the position of the
   * long form's first word; the longest long form wins where several start at one word.
   */
  shortFormsIn(contentStems: readonly PositionedStem[]): Array<{ short: string; position: number }>;
}

interface LongForm {
  stems: string[];
  short: string;
}

/** `phraseStems` gives the content-word stems of a long form, in order, as the text side sees them. */
export function createAbbreviationForms(
  abbreviations: readonly Abbreviation[],
  phraseStems: (phrase: string) => string[],
): AbbreviationForms {
  const shortForms = new Map<string, string[]>();
  const longFormsByFirstStem = new Map<string, LongForm[]>();
  for (const abbreviation of abbreviations) {
    const short = abbreviation.short.toLowerCase();
    const written = shortForms.get(short) ?? [];
    for (const long of abbreviation.long) if (!written.includes(long)) written.push(long);
    shortForms.set(short, written);
    for (const long of abbreviation.long) {
      const stems = phraseStems(long);
      const first = stems[0];
      if (first === undefined) continue;
      const list = longFormsByFirstStem.get(first) ?? [];
      if (list.some((entry) => entry.short === short && entry.stems.join(' ') === stems.join(' '))) continue;
      list.push({ stems, short });
      // Longest first, so that "Sachsen-Anhalt" is ST before "Sachsen" can be SN.
      list.sort((left, right) => right.stems.length - left.stems.length);
      longFormsByFirstStem.set(first, list);
    }
  }
  return {
    longForms: (short) => [...(shortForms.get(short.toLowerCase()) ?? [])],
    shortFormsIn(contentStems) {
      const found: Array<{ short: string; position: number }> = [];
      for (let index = 0; index < contentStems.length; index += 1) {
        const start = contentStems[index] as PositionedStem;
        const candidates = longFormsByFirstStem.get(start.stem);
        if (candidates === undefined) continue;
        const match = candidates.find((candidate) =>
          candidate.stems.every((expected, offset) => contentStems[index + offset]?.stem === expected),
        );
        if (match === undefined) continue;
        found.push({ short: match.short, position: start.position });
        index += match.stems.length - 1;
      }
      return found;
    },
  };
}
