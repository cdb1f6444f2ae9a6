// The lexical index's file format (lexical.bin): a versioned header, JSON metadata, then the BM25 arrays as they lie
// in memory, so loading reads one buffer and views into it (one copy of the index, nothing rebuilt).
//
// Layout, little-endian (the byte order of every platform Node.js 20 runs on in practice):
//   0   "BSLX"                      signature
//   4   u32 format version          LEXICAL_FORMAT_VERSION; another version is INDEX_VERSION
//   8   u32 metadata bytes          UTF-8 JSON, padded with spaces to a multiple of 8
//   12  u32 0                       reserved
//   16  metadata                    format, analyzer version, BM25 parameters, fields, boosts, counts, document ids,
//                                   the index's lexicon (src/analysis/lexicon-json.ts), corpus vocabulary
//   then, each at a multiple of 8:  termOffsets u32 × (terms + 1), postingOffsets u32 × (terms × fields + 1),
//                                   postingDocuments u32 × postings, fieldLengths u32 × (documents × fields),
//                                   documentFrequencies u32 × terms, postingFrequencies u16 × postings,
//                                   termBytes u8 × termBytes (see Bm25Data in bm25.ts)
import { z } from 'zod';
import type { VocabularyEntry } from '../../analysis/index.ts';
import { BeschlussError } from '../../errors.ts';
import { REBUILD_HINT } from '../rebuild-hint.ts';
import { type Bm25Data, compareBytes } from './bm25.ts';

export const LEXICAL_FORMAT = 'beschluss-lexical-index';
/** 1 was MiniSearch's JSON inside lexical.json; 2 is this binary layout. Bump on any change to it. */
export const LEXICAL_FORMAT_VERSION = 3;

const SIGNATURE = 'BSLX';
const HEADER_BYTES = 16;
const ALIGNMENT = 8;

/** What the file holds besides the postings: what the analysis learned from this corpus and the corpus's words. */
export interface LexicalPayload {
  bm25: Bm25Data;
  /** Version of the analyzer whose terms the index holds: another analyzer's query terms would not match them. */
  analyzer: string;
  /**
   * The lexicon the units were analysed with: the bundled one's id and the acronyms the corpus defines ("Nationales
   * Waffenregister (NWR)"), as lexiconToJson gives it.
   */
  lexicon: unknown;
  /** The corpus words with their counts, for spelling corrections (src/analysis/vocabulary.ts). */
  vocabulary: VocabularyEntry[];
}

const metadataSchema = z.object({
  format: z.literal(LEXICAL_FORMAT),
  analyzer: z.string().min(1),
  parameters: z.object({ k1: z.number().positive(), b: z.number().min(0).max(1), delta: z.number().min(0) }),
  fields: z.array(z.string().min(1)).min(1).max(255),
  boosts: z.array(z.number().nonnegative()),
  statisticsFields: z.array(z.string()),
  documentCount: z.number().int().nonnegative(),
  termCount: z.number().int().nonnegative(),
  postingCount: z.number().int().nonnegative(),
  termByteCount: z.number().int().nonnegative(),
  documentIds: z.array(z.string()),
  /** The lexicon the units were analysed with (checked by src/analysis/lexicon-json.ts when restored). */
  lexicon: z.unknown(),
  vocabulary: z.array(z.tuple([z.string(), z.number().int().nonnegative()])),
});

type Metadata = z.infer<typeof metadataSchema>;

/** The arrays in file order, each with its length in elements. */
function arrayLayout(metadata: Metadata) {
  const fields = metadata.fields.length;
  return [
    { name: 'termOffsets', type: Uint32Array, length: metadata.termCount + 1 },
    { name: 'postingOffsets', type: Uint32Array, length: metadata.termCount * fields + 1 },
    { name: 'postingDocuments', type: Uint32Array, length: metadata.postingCount },
    { name: 'fieldLengths', type: Uint32Array, length: metadata.documentCount * fields },
    { name: 'documentFrequencies', type: Uint32Array, length: metadata.termCount },
    { name: 'postingFrequencies', type: Uint16Array, length: metadata.postingCount },
    { name: 'termBytes', type: Uint8Array, length: metadata.termByteCount },
  ] as const;
}

const padded = (bytes: number) => Math.ceil(bytes / ALIGNMENT) * ALIGNMENT;

export function encodeLexicalIndex(payload: LexicalPayload): Uint8Array {
  const { bm25 } = payload;
  const metadata: Metadata = {
    format: LEXICAL_FORMAT,
    analyzer: payload.analyzer,
    parameters: { ...bm25.parameters },
    fields: [...bm25.fields],
    boosts: [...bm25.boosts],
    statisticsFields: [...bm25.statisticsFields],
    documentCount: bm25.documentIds.length,
    termCount: bm25.termOffsets.length - 1,
    postingCount: bm25.postingDocuments.length,
    termByteCount: bm25.termBytes.length,
    documentIds: [...bm25.documentIds],
    lexicon: payload.lexicon,
    vocabulary: payload.vocabulary.map(([surface, count]) => [surface, count]),
  };
  const json = new TextEncoder().encode(JSON.stringify(metadata));
  const metadataBytes = padded(json.length);
  const layout = arrayLayout(metadata);
  let size = HEADER_BYTES + metadataBytes;
  for (const array of layout) size = padded(size) + array.length * array.type.BYTES_PER_ELEMENT;
  const bytes = new Uint8Array(size);
  bytes.set(new TextEncoder().encode(SIGNATURE), 0);
  const header = new DataView(bytes.buffer, 0, HEADER_BYTES);
  header.setUint32(4, LEXICAL_FORMAT_VERSION, true);
  header.setUint32(8, metadataBytes, true);
  bytes.fill(0x20, HEADER_BYTES, HEADER_BYTES + metadataBytes);
  bytes.set(json, HEADER_BYTES);
  let offset = HEADER_BYTES + metadataBytes;
  for (const array of layout) {
    offset = padded(offset);
    const source = bm25[array.name];
    bytes.set(new Uint8Array(source.buffer, source.byteOffset, source.byteLength), offset);
    offset += source.byteLength;
  }
  return bytes;
}

/**
 * Reads the format, checking everything search relies on; the arrays are views into `bytes` (copied once only when
 * `bytes` does not start at a multiple of 8, as a small Buffer from Node's pool may not).
 * Throws INDEX_VERSION for another format version, INDEX_CORRUPT for anything else that does not fit.
 */
export function decodeLexicalIndex(input: Uint8Array, options: { file?: string } = {}): LexicalPayload {
  const where = options.file ?? 'the lexical index';
  const corrupt = (problem: string) =>
    new BeschlussError(
      'INDEX_CORRUPT',
      `The lexical index ${where} is corrupt: ${problem}; ${REBUILD_HINT}.`,
      {
        details: { file: where },
      },
    );
  if (input.length < HEADER_BYTES || new TextDecoder().decode(input.subarray(0, 4)) !== SIGNATURE) {
    throw corrupt(`it does not start with the signature ${SIGNATURE}`);
  }
  const bytes = input.byteOffset % ALIGNMENT === 0 ? input : new Uint8Array(input);
  const header = new DataView(bytes.buffer, bytes.byteOffset, HEADER_BYTES);
  const version = header.getUint32(4, true);
  if (version !== LEXICAL_FORMAT_VERSION) {
    throw new BeschlussError(
      'INDEX_VERSION',
      `The lexical index ${where} has format version ${version}, this program reads version ${LEXICAL_FORMAT_VERSION}; ` +
        `${REBUILD_HINT}.`,
      { details: { file: where, expected: LEXICAL_FORMAT_VERSION, received: version } },
    );
  }
  const metadataBytes = header.getUint32(8, true);
  if (metadataBytes % ALIGNMENT !== 0 || HEADER_BYTES + metadataBytes > bytes.length) {
    throw corrupt(`its metadata of ${metadataBytes} bytes does not fit the file of ${bytes.length}`);
  }
  let metadata: Metadata;
  try {
    const json = new TextDecoder('utf-8', { fatal: true }).decode(
      bytes.subarray(HEADER_BYTES, HEADER_BYTES + metadataBytes),
    );
    metadata = metadataSchema.parse(JSON.parse(json));
  } catch (error) {
    throw corrupt(
      `its metadata does not read (${error instanceof Error ? error.message.slice(0, 200) : error})`,
    );
  }
  const { documentCount, termCount, postingCount } = metadata;
  const fieldCount = metadata.fields.length;
  if (
    metadata.boosts.length !== fieldCount ||
    metadata.documentIds.length !== documentCount ||
    !metadata.statisticsFields.every((field) => metadata.fields.includes(field))
  ) {
    throw corrupt('its fields, boosts or document ids do not match its counts');
  }
  const layout = arrayLayout(metadata);
  const arrays: Record<string, Uint8Array | Uint16Array | Uint32Array> = {};
  let offset = HEADER_BYTES + metadataBytes;
  for (const array of layout) {
    offset = padded(offset);
    const byteLength = array.length * array.type.BYTES_PER_ELEMENT;
    if (offset + byteLength > bytes.length) {
      throw corrupt(`it ends inside its ${array.name} (${bytes.length} bytes)`);
    }
    arrays[array.name] = new array.type(bytes.buffer as ArrayBuffer, bytes.byteOffset + offset, array.length);
    offset += byteLength;
  }
  if (offset !== bytes.length) throw corrupt(`it has ${bytes.length - offset} bytes more than its arrays`);
  const bm25: Bm25Data = {
    parameters: metadata.parameters,
    fields: metadata.fields,
    boosts: metadata.boosts,
    statisticsFields: metadata.statisticsFields,
    documentIds: metadata.documentIds,
    termOffsets: arrays.termOffsets as Uint32Array,
    postingOffsets: arrays.postingOffsets as Uint32Array,
    postingDocuments: arrays.postingDocuments as Uint32Array,
    fieldLengths: arrays.fieldLengths as Uint32Array,
    documentFrequencies: arrays.documentFrequencies as Uint32Array,
    postingFrequencies: arrays.postingFrequencies as Uint16Array,
    termBytes: arrays.termBytes as Uint8Array,
  };
  const problem = findInconsistency(bm25, { documentCount, termCount, postingCount });
  if (problem) throw corrupt(problem);
  return {
    bm25,
    analyzer: metadata.analyzer,
    lexicon: metadata.lexicon,
    vocabulary: metadata.vocabulary,
  };
}

/**
 * What a search would trip over: offsets that run backwards or past their arrays, unsorted terms (binary search
 * would miss them), postings naming documents that do not exist or out of order, empty postings, impossible counts.
 */
function findInconsistency(
  data: Bm25Data,
  counts: { documentCount: number; termCount: number; postingCount: number },
): string | undefined {
  const { termOffsets, postingOffsets, postingDocuments, postingFrequencies, termBytes } = data;
  const { documentCount, postingCount } = counts;
  if (termOffsets[0] !== 0 || termOffsets[counts.termCount] !== termBytes.length) {
    return 'its term offsets do not span its term bytes';
  }
  for (let term = 0; term < counts.termCount; term++) {
    const start = termOffsets[term] as number;
    const end = termOffsets[term + 1] as number;
    if (end <= start) return `term ${term} is empty or its offsets run backwards`;
    if (term > 0) {
      const previous = termBytes.subarray(termOffsets[term - 1] as number, start);
      if (compareBytes(previous, termBytes.subarray(start, end)) >= 0) return `term ${term} is out of order`;
    }
  }
  if (postingOffsets[0] !== 0 || postingOffsets[postingOffsets.length - 1] !== postingCount) {
    return 'its posting offsets do not span its postings';
  }
  for (let run = 0; run + 1 < postingOffsets.length; run++) {
    const start = postingOffsets[run] as number;
    const end = postingOffsets[run + 1] as number;
    if (end < start) return `the posting offsets run backwards at ${run}`;
    const field = run % data.fields.length;
    for (let index = start; index < end; index++) {
      const document = postingDocuments[index] as number;
      if (document >= documentCount) return `a posting names document ${document} of ${documentCount}`;
      if (data.fieldLengths[document * data.fields.length + field] === 0) {
        return `document ${document} has a posting in field ${field} but no terms there`;
      }
      if (index > start && document <= (postingDocuments[index - 1] as number)) {
        return `the postings of run ${run} are not in document order`;
      }
      if (postingFrequencies[index] === 0) return `a posting of run ${run} has frequency 0`;
    }
  }
  for (const frequency of data.documentFrequencies) {
    if (frequency > documentCount)
      return `a document frequency of ${frequency} exceeds ${documentCount} documents`;
  }
  return undefined;
}
