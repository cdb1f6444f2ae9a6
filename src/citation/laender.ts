// The German Länder and the federal ministries as they are abbreviated in Protokollnotiz labels.

/** Abbreviation → names (German name first, then short and English forms staff use in questions). */
export const LABEL_NAMES: Readonly<Record<string, readonly string[]>> = {
  BW: ['Baden-Württemberg', 'Baden-Wuerttemberg'],
  BY: ['Bayern', 'Freistaat Bayern', 'Bavaria'],
  BE: ['Berlin'],
  BB: ['Brandenburg'],
  HB: ['Bremen'],
  HH: ['Hamburg'],
  HE: ['Hessen', 'Hesse'],
  MV: ['Mecklenburg-Vorpommern', 'Mecklenburg-Western Pomerania'],
  NI: ['Niedersachsen', 'Lower Saxony'],
  NW: ['Nordrhein-Westfalen', 'NRW', 'North Rhine-Westphalia'],
  RP: ['Rheinland-Pfalz', 'Rhineland-Palatinate'],
  SL: ['Saarland'],
  SN: ['Sachsen', 'Freistaat Sachsen', 'Saxony'],
  ST: ['Sachsen-Anhalt', 'Saxony-Anhalt'],
  SH: ['Schleswig-Holstein'],
  TH: ['Thüringen', 'Thuringia'],
  BMI: ['Bundesministerium des Innern', 'Bundesinnenministerium', 'Bund', 'Federal Ministry of the Interior'],
  BMJV: ['Bundesministerium der Justiz und für Verbraucherschutz', 'Bundesjustizministerium'],
  BMF: ['Bundesministerium der Finanzen', 'Bundesfinanzministerium'],
};

function fold(text: string): string {
  return text.toLocaleLowerCase('de-DE').replace(/\s+/g, ' ').trim();
}

const NAME_TO_CODE: ReadonlyMap<string, string> = new Map(
  Object.entries(LABEL_NAMES).flatMap(([code, names]) => [
    [fold(code), code] as const,
    ...names.map((name) => [fold(name), code] as const),
  ]),
);

/** "Sachsen" → "SN", "sn" → "SN", "NRW" → "NW"; undefined when the word names no Land or ministry. */
export function labelCode(word: string): string | undefined {
  return NAME_TO_CODE.get(fold(word));
}

/** The codes in a printed label: "BY, BW, BB, MV, NW, SL und BMI" → ["BY", "BW", "BB", "MV", "NW", "SL", "BMI"]. */
export function codesOfLabel(label: string): string[] {
  return label
    .split(/\s*(?:,|\bund\b|\/|&)\s*/)
    .map((part) => part.trim())
    .filter(Boolean)
    .map((part) => labelCode(part) ?? part.toUpperCase());
}

/** Names of all Länder and ministries, longest first (so "Sachsen-Anhalt" wins over "Sachsen" in a scan). */
export function allLabelNames(): string[] {
  return [...NAME_TO_CODE.keys()].sort((a, b) => b.length - a.length);
}
