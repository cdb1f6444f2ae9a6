// Generated from src/corpus/conferences.ts by scripts/generate-web-modules.ts; do not edit by hand.

/** Meeting id prefix → the abbreviation a conference is cited by. */
export const CONFERENCE_LABELS = {
  imk: 'IMK',
  jumiko: 'JuMiKo',
  gmk: 'GMK',
  kmk: 'KMK',
  fmk: 'FMK',
  wmk: 'WMK',
  vmk: 'VMK',
  asmk: 'ASMK',
  umk: 'UMK',
};
