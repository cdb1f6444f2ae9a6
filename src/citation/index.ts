// Public surface of src/citation: what other stages use of it.
export { type CatalogItem, type MeetingSummary, type TableOfContents, UnitCatalog } from './catalog.ts';
export { LABEL_NAMES } from './laender.ts';
export {
  conferenceName,
  formatMarker,
  formatMarkers,
  germanDate,
  meetingLabel,
  type ParsedCitation,
  parseCitationText,
  parseMarkers,
  unitReference,
} from './marker.ts';
export { findReferences, type Reference } from './reference.ts';
