// German ministerial conferences: how a document names them and the short id used in meeting ids ("imk-2020-12-10").

export interface Conference {
  /** Lower-case id, the prefix of meeting ids. */
  id: string;
  /** Abbreviations as printed ("IMK", "JuMiKo"). */
  abbreviations: readonly string[];
  /** Word stems that name the conference in a title ("Innenminister" in "Konferenz der Innenminister"). */
  names: readonly RegExp[];
}

export const CONFERENCES: readonly Conference[] = [
  { id: 'imk', abbreviations: ['IMK'], names: [/Innenminister/i, /Innensenator/i] },
  { id: 'jumiko', abbreviations: ['JuMiKo', 'JuMiK', 'JMK'], names: [/Justizminister/i] },
  { id: 'gmk', abbreviations: ['GMK'], names: [/Gesundheitsminister/i] },
  { id: 'kmk', abbreviations: ['KMK'], names: [/Kultusminister/i] },
  { id: 'fmk', abbreviations: ['FMK'], names: [/Finanzminister/i] },
  { id: 'wmk', abbreviations: ['WMK'], names: [/Wirtschaftsminister/i] },
  { id: 'vmk', abbreviations: ['VMK'], names: [/Verkehrsminister/i] },
  { id: 'asmk', abbreviations: ['ASMK'], names: [/Arbeits-\s*und\s*Sozialminister/i, /Sozialminister/i] },
  { id: 'umk', abbreviations: ['UMK'], names: [/Umweltminister/i] },
];

/** The conference when nothing in the document names one: the first corpus is the IMK's. */
export const DEFAULT_CONFERENCE_ID = 'imk';

function abbreviationPattern(abbreviation: string): RegExp {
  return new RegExp(`(?<![\\p{L}\\d])${abbreviation}(?![\\p{L}\\d])`, 'gu');
}

/** The conference named first in a title or header, by name or abbreviation. */
export function conferenceInTitle(title: string): Conference | undefined {
  let best: { conference: Conference; index: number } | undefined;
  for (const conference of CONFERENCES) {
    const patterns = [...conference.names, ...conference.abbreviations.map(abbreviationPattern)];
    for (const pattern of patterns) {
      const index = title.search(pattern);
      if (index >= 0 && (best === undefined || index < best.index)) best = { conference, index };
    }
  }
  return best?.conference;
}

/**
 * The conference whose abbreviation the resolutions use most ("Die IMK bittet …"). A resolution mentions other
 * conferences ("bittet die GMK"), but its own name is by far the most frequent.
 */
export function conferenceInBody(body: string): Conference | undefined {
  let best: { conference: Conference; count: number } | undefined;
  for (const conference of CONFERENCES) {
    const count = conference.abbreviations.reduce(
      (sum, abbreviation) => sum + (body.match(abbreviationPattern(abbreviation))?.length ?? 0),
      0,
    );
    if (count > 0 && (best === undefined || count > best.count)) best = { conference, count };
  }
  return best?.conference;
}

/** The abbreviation a conference is cited by ("IMK", "JuMiKo"): its first as printed. */
export function conferenceLabel(id: string): string | undefined {
  return CONFERENCES.find((conference) => conference.id === id)?.abbreviations[0];
}

/**
 * The page's copy of the labels (web/js/conferences.js; the browser cannot import this module): written by
 * `node --import tsx scripts/generate-web-modules.ts`, checked equal by web/js/generated-modules.test.ts.
 */
export function webConferencesModule(): string {
  const entries = CONFERENCES.map((conference) => `  ${conference.id}: '${conference.abbreviations[0]}',`);
  return [
    '// Generated from src/corpus/conferences.ts by scripts/generate-web-modules.ts; do not edit by hand.',
    '',
    '/** Meeting id prefix → the abbreviation a conference is cited by. */',
    'export const CONFERENCE_LABELS = {',
    ...entries,
    '};',
    '',
  ].join('\n');
}
