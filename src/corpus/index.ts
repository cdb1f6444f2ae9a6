// Public surface of the corpus stage: reading and parsing collections of Beschlüsse.

export { CONFERENCES, type Conference, conferenceLabel, DEFAULT_CONFERENCE_ID } from './conferences.ts';
export { decodeText } from './decode-text.ts';
export { defaultExtractors, type TextExtractor, type TextExtractors } from './extractors.ts';
export { joinLines } from './join-lines.ts';
export {
  type ConflictRule,
  chooseMeetingFile,
  type MeetingConflict,
  RULE_TEXT,
} from './meeting-conflicts.ts';
export { findMeetingDate, formatGermanDate } from './meeting-date.ts';
export { type ParseOptions, parseCollection } from './parse.ts';
export { createPdfExtractor, type PdfExtractorOptions } from './pdf-extractor.ts';
export {
  type CorpusReadResult,
  listCollectionFiles,
  type ReadOptions,
  readCollectionFile,
  readCorpusDir,
} from './read.ts';
