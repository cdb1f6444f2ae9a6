// Types of citation.js (the page's modules are plain JavaScript; the tests import them with these types).
export interface UnitAddress {
  meeting: string;
  top: string;
  para: string;
}
export interface MarkerCitation {
  text: string;
  top: string;
  para?: string;
  conference?: string;
  date?: string;
}
export interface Marker {
  text: string;
  start: number;
  end: number;
  citations: MarkerCitation[];
}
export const NOTE_PREFIX: string;
export function conferenceName(meetingId: string): string;
export function germanDate(isoDate: string): string;
export function meetingDateOf(meetingId: string): string | undefined;
export function meetingLabel(meetingId: string, date?: string): string;
export function isNote(para: string): boolean;
export function unitReference(unit: { top: string; para: string; paragraphCount?: number }): string;
export function fullCitation(unit: UnitAddress & { paragraphCount?: number }): string;
export function paraLabel(unit: { para: string; paragraphCount?: number }): string;
export function parseUnitId(id: string): UnitAddress | undefined;
export function unitId(unit: UnitAddress): string;
export function unitApiPath(unit: UnitAddress): string;
export function parseCitationText(text: string): MarkerCitation | undefined;
export function parseMarkers(text: string): Marker[];
export function citationNames(parsed: MarkerCitation, unit: UnitAddress): boolean;
