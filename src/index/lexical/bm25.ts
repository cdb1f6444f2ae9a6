// A fielded BM25+ index over analysed terms: postings in typed arrays, built once from the units, searched with
// weighted query terms. Our own code rather than a library's: MiniSearch (the engine before, now the test oracle of
// minisearch-oracle.test.ts) keeps its index in Maps of a radix tree, answered a query at 100k units in ~100 ms, and
// could only be made fast by reading its private serialisation; the scoring below is all this project needs of it,
// over arrays we lay out, persist (lexical-format.ts) and version ourselves. Prefix and fuzzy search are not needed: stems
// and compound parts already cover inflection and composition, and spelling is corrected before the search.
import { BeschlussError } from '../../errors.ts';

/**
 * BM25+ (Lv & Zhai 2011): BM25 with a floor `delta` for every matching term, so a long field never scores a match
 * near zero. The values are MiniSearch's defaults, which the fusion and the answerer were tuned with.
 */
export interface Bm25Parameters {
  /** Term frequency saturation. */
  k1: number;
  /** Field length normalisation (0: none, 1: full). */
  b: number;
  /** The BM25+ floor per matching term. */
  delta: number;
}

export const BM25_PARAMETERS: Readonly<Bm25Parameters> = Object.freeze({ k1: 1.2, b: 0.7, delta: 0.5 });

/** A document as the index sees it: its terms per field (repeats kept: they are the term frequencies). */
export interface TermDocument {
  id: string;
  fields: ReadonlyArray<readonly string[]>;
}

export interface WeightedQueryTerm {
  term: string;
  weight: number;
}

export interface Bm25SearchOptions {
  /** Results at most. */
  k: number;
  /** Only documents whose id passes (called only for documents that would make the top k). */
  filter?: (id: string) => boolean;
}

export interface Bm25Hit {
  id: string;
  score: number;
}

/**
 * The index's data: everything search needs, in the arrays the file format stores as they are. Terms are sorted by
 * their UTF-8 bytes and looked up by binary search, so loading builds no map of the vocabulary.
 */
export interface Bm25Data {
  parameters: Bm25Parameters;
  fields: readonly string[];
  /** Per field, in field order. */
  boosts: readonly number[];
  /** The fields whose union a term's document frequency counts (the term statistics' fields). */
  statisticsFields: readonly string[];
  documentIds: readonly string[];
  /** UTF-8 of every term, sorted; term t is termBytes[termOffsets[t], termOffsets[t + 1]). */
  termBytes: Uint8Array;
  termOffsets: Uint32Array;
  /** Postings of term t in field f: postingOffsets[t·F + f] up to postingOffsets[t·F + f + 1]. */
  postingOffsets: Uint32Array;
  /** Document ordinal of each posting, ascending within a term's field. */
  postingDocuments: Uint32Array;
  /** Occurrences of the term in the document's field, saturated at 65 535 (BM25 has long stopped growing). */
  postingFrequencies: Uint16Array;
  /**
   * Distinct terms of each document's field (document d, field f at d·F + f): the field length BM25 normalises by,
   * counted as MiniSearch counts it, so repeating a word does not lengthen a field.
   */
  fieldLengths: Uint32Array;
  /** Documents whose statistics fields hold term t. */
  documentFrequencies: Uint32Array;
}

export interface Bm25Index {
  readonly data: Bm25Data;
  readonly documentCount: number;
  /**
   * Sum over the query terms of weight × field boost × BM25+ per field that holds the term, times the number of query
   * terms the document matches (MiniSearch's coordination factor: a document matching more of the query ranks above
   * one matching a single term very well). Best first; equal scores in document order.
   */
  search(terms: readonly WeightedQueryTerm[], options: Bm25SearchOptions): Bm25Hit[];
  /** Documents whose statistics fields hold the term (0 for a term the index lacks). */
  documentFrequency(term: string): number;
}

const MAX_FREQUENCY = 0xffff;
/** A posting's field is kept in a byte while building. */
const MAX_FIELDS = 255;
const encoder = new TextEncoder();

export interface BuildBm25Options {
  fields: readonly string[];
  /** Per field name; a field without one has boost 1. */
  boosts?: Readonly<Record<string, number>>;
  /** Default: every field. */
  statisticsFields?: readonly string[];
  parameters?: Bm25Parameters;
}

/** Builds the index from scratch; documents keep their order (ordinals 0, 1, …), which also breaks score ties. */
export function buildBm25Index(documents: readonly TermDocument[], options: BuildBm25Options): Bm25Index {
  const { fields, boosts = {}, statisticsFields = fields, parameters = BM25_PARAMETERS } = options;
  if (fields.length < 1 || fields.length > MAX_FIELDS) {
    throw new BeschlussError(
      'INTERNAL',
      `A BM25 index needs 1 to ${MAX_FIELDS} fields, got ${fields.length}.`,
    );
  }
  const collected = collectPostings(documents, fields.length, (field) =>
    statisticsFields.includes(fields[field] as string),
  );
  return openBm25Index({
    parameters: { ...parameters },
    fields: [...fields],
    boosts: fields.map((field) => boosts[field] ?? 1),
    statisticsFields: [...statisticsFields],
    documentIds: documents.map((document) => document.id),
    fieldLengths: collected.fieldLengths,
    ...layOutPostings(collected, fields.length),
  });
}

interface CollectedPostings {
  /** Terms in order of first sight (their ids). */
  terms: string[];
  /** Documents whose statistics fields hold each term, by id. */
  documentFrequencies: number[];
  /** One row per (term id, field, document), appended in document order. */
  postings: GrowableColumns;
  fieldLengths: Uint32Array;
}

/** Pass 1: terms get ids in order of first sight; a posting per term, field and document, with its frequency. */
function collectPostings(
  documents: readonly TermDocument[],
  fieldCount: number,
  isStatisticsField: (field: number) => boolean,
): CollectedPostings {
  const termIds = new Map<string, number>();
  const terms: string[] = [];
  const documentFrequencies: number[] = [];
  const postings = new GrowableColumns();
  const fieldLengths = new Uint32Array(documents.length * fieldCount);
  documents.forEach((document, ordinal) => {
    if (document.fields.length !== fieldCount) {
      throw new BeschlussError(
        'INTERNAL',
        `Document ${document.id} has ${document.fields.length} fields, the index ${fieldCount}.`,
      );
    }
    const counted = new Set<number>();
    document.fields.forEach((fieldTerms, field) => {
      const frequencies = new Map<number, number>();
      for (const term of fieldTerms) {
        let id = termIds.get(term);
        if (id === undefined) {
          id = terms.length;
          termIds.set(term, id);
          terms.push(term);
          documentFrequencies.push(0);
        }
        frequencies.set(id, (frequencies.get(id) ?? 0) + 1);
      }
      fieldLengths[ordinal * fieldCount + field] = frequencies.size;
      for (const [id, frequency] of frequencies) {
        postings.push(id, field, ordinal, Math.min(frequency, MAX_FREQUENCY));
        if (isStatisticsField(field)) counted.add(id);
      }
    });
    for (const id of counted) documentFrequencies[id] = (documentFrequencies[id] as number) + 1;
  });
  return { terms, documentFrequencies, postings, fieldLengths };
}

/**
 * Pass 2: terms sorted by their bytes, postings placed by a counting sort on (term, field), which keeps them in
 * document order within each run since pass 1 appended them in document order.
 */
function layOutPostings(
  collected: CollectedPostings,
  fieldCount: number,
): Pick<
  Bm25Data,
  | 'termBytes'
  | 'termOffsets'
  | 'postingOffsets'
  | 'postingDocuments'
  | 'postingFrequencies'
  | 'documentFrequencies'
> {
  const { terms, postings } = collected;
  const encoded = terms.map((term) => encoder.encode(term));
  const order = terms
    .map((_, id) => id)
    .sort((left, right) => compareBytes(encoded[left] as Uint8Array, encoded[right] as Uint8Array));
  const rank = new Uint32Array(terms.length);
  const termOffsets = new Uint32Array(terms.length + 1);
  const documentFrequencies = new Uint32Array(terms.length);
  order.forEach((id, position) => {
    rank[id] = position;
    termOffsets[position + 1] = (termOffsets[position] as number) + (encoded[id] as Uint8Array).length;
    documentFrequencies[position] = collected.documentFrequencies[id] as number;
  });
  const termBytes = new Uint8Array(termOffsets[terms.length] as number);
  order.forEach((id, position) => {
    termBytes.set(encoded[id] as Uint8Array, termOffsets[position] as number);
  });
  const runOf = (index: number) =>
    (rank[postings.terms[index] as number] as number) * fieldCount + (postings.fields[index] as number);
  const runs = terms.length * fieldCount;
  const postingOffsets = new Uint32Array(runs + 1);
  for (let index = 0; index < postings.length; index++) {
    const run = runOf(index);
    postingOffsets[run + 1] = (postingOffsets[run + 1] as number) + 1;
  }
  for (let run = 0; run < runs; run++) {
    postingOffsets[run + 1] = (postingOffsets[run + 1] as number) + (postingOffsets[run] as number);
  }
  const next = postingOffsets.slice(0, runs);
  const postingDocuments = new Uint32Array(postings.length);
  const postingFrequencies = new Uint16Array(postings.length);
  for (let index = 0; index < postings.length; index++) {
    const run = runOf(index);
    const position = next[run] as number;
    next[run] = position + 1;
    postingDocuments[position] = postings.documents[index] as number;
    postingFrequencies[position] = postings.frequencies[index] as number;
  }
  return {
    termBytes,
    termOffsets,
    postingOffsets,
    postingDocuments,
    postingFrequencies,
    documentFrequencies,
  };
}

/** An index over data already checked (built above, or decoded and validated by lexical-format.ts). */
export function openBm25Index(data: Bm25Data): Bm25Index {
  const { parameters, boosts, documentIds, termOffsets, postingOffsets, postingDocuments, fieldLengths } =
    data;
  const { postingFrequencies, documentFrequencies } = data;
  const { k1, b, delta } = parameters;
  const fieldCount = data.fields.length;
  const documentCount = documentIds.length;
  const averageLengths = new Float64Array(fieldCount);
  for (let index = 0; index < fieldLengths.length; index++) {
    const field = index % fieldCount;
    averageLengths[field] = (averageLengths[field] as number) + (fieldLengths[index] as number);
  }
  for (let field = 0; field < fieldCount; field++) {
    averageLengths[field] = documentCount === 0 ? 0 : (averageLengths[field] as number) / documentCount;
  }

  const lookup = (term: string): number => findTerm(data.termBytes, termOffsets, encoder.encode(term));
  // Scratch space of a search, made on the first one and reused (searches are synchronous): a slot per document.
  let scratch: Scratch | undefined;

  function search(terms: readonly WeightedQueryTerm[], options: Bm25SearchOptions): Bm25Hit[] {
    const { k, filter } = options;
    if (k <= 0 || terms.length === 0 || documentCount === 0) return [];
    scratch ??= new Scratch(documentCount);
    const { scores, matched, stamps, seen } = scratch;
    let seenCount = 0;
    for (const { term, weight } of terms) {
      const position = lookup(term);
      if (position < 0) continue;
      const stamp = scratch.nextStamp();
      for (let field = 0; field < fieldCount; field++) {
        const start = postingOffsets[position * fieldCount + field] as number;
        const end = postingOffsets[position * fieldCount + field + 1] as number;
        if (start === end) continue;
        const matching = end - start;
        const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
        const factor = weight * (boosts[field] as number) * idf;
        const average = averageLengths[field] as number;
        for (let index = start; index < end; index++) {
          const document = postingDocuments[index] as number;
          const frequency = postingFrequencies[index] as number;
          const length = fieldLengths[document * fieldCount + field] as number;
          const norm = k1 * (1 - b + (b * length) / average);
          scores[document] =
            (scores[document] as number) + factor * (delta + (frequency * (k1 + 1)) / (frequency + norm));
          if (stamps[document] !== stamp) {
            stamps[document] = stamp;
            if (matched[document] === 0) seen[seenCount++] = document;
            matched[document] = (matched[document] as number) + 1;
          }
        }
      }
    }
    for (let index = 0; index < seenCount; index++) {
      const document = seen[index] as number;
      scores[document] = (scores[document] as number) * (matched[document] as number);
    }
    const passes = filter && ((document: number) => filter(documentIds[document] as string));
    const best = bestOf(seen.subarray(0, seenCount), scores, k, passes);
    const hits = best.map((document) => ({
      id: documentIds[document] as string,
      score: scores[document] as number,
    }));
    for (let index = 0; index < seenCount; index++) {
      const document = seen[index] as number;
      scores[document] = 0;
      matched[document] = 0;
    }
    return hits;
  }

  return {
    data,
    documentCount,
    search,
    documentFrequency(term) {
      const position = lookup(term);
      return position < 0 ? 0 : (documentFrequencies[position] as number);
    },
  };
}

/** Position of a term in the sorted term bytes, or -1. */
function findTerm(termBytes: Uint8Array, termOffsets: Uint32Array, term: Uint8Array): number {
  let low = 0;
  let high = termOffsets.length - 2;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const order = compareBytes(
      termBytes.subarray(termOffsets[middle] as number, termOffsets[middle + 1] as number),
      term,
    );
    if (order === 0) return middle;
    if (order < 0) low = middle + 1;
    else high = middle - 1;
  }
  return -1;
}

/** Byte order of two UTF-8 strings (negative, zero or positive). */
export function compareBytes(left: Uint8Array, right: Uint8Array): number {
  const length = Math.min(left.length, right.length);
  for (let index = 0; index < length; index++) {
    const difference = (left[index] as number) - (right[index] as number);
    if (difference !== 0) return difference;
  }
  return left.length - right.length;
}

/**
 * The best k of the documents by score, then ordinal; the filter is asked only about documents that would make the
 * top k. With few wanted of many (the usual 40 of tens of thousands), a short sorted list that most documents never
 * enter beats sorting them all.
 */
function bestOf(
  documents: Uint32Array,
  scores: Float64Array,
  k: number,
  passes: ((document: number) => boolean) | undefined,
): number[] {
  const ranks = (left: number, right: number) =>
    (scores[right] as number) - (scores[left] as number) || left - right;
  if (k >= documents.length) {
    const all = Array.from(documents);
    return (passes ? all.filter(passes) : all).sort(ranks);
  }
  const best: number[] = [];
  for (const document of documents) {
    if (best.length === k && ranks(document, best[k - 1] as number) >= 0) continue;
    if (passes && !passes(document)) continue;
    let position = best.length;
    while (position > 0 && ranks(document, best[position - 1] as number) < 0) position--;
    best.splice(position, 0, document);
    if (best.length > k) best.pop();
  }
  return best;
}

/** Per-document accumulators of a search, and the stamp telling which query term last touched a document. */
class Scratch {
  readonly scores: Float64Array;
  readonly matched: Uint16Array;
  readonly stamps: Uint32Array;
  readonly seen: Uint32Array;
  #stamp = 0;

  constructor(documentCount: number) {
    this.scores = new Float64Array(documentCount);
    this.matched = new Uint16Array(documentCount);
    this.stamps = new Uint32Array(documentCount);
    this.seen = new Uint32Array(documentCount);
  }

  /** A stamp no document carries yet: a growing number instead of clearing an array per query term. */
  nextStamp(): number {
    if (this.#stamp === 0xffff_ffff) {
      this.stamps.fill(0);
      this.#stamp = 0;
    }
    this.#stamp++;
    return this.#stamp;
  }
}

/** Four number columns that grow by doubling (a posting list of 100k units holds millions of rows). */
class GrowableColumns {
  terms = new Uint32Array(1024);
  fields = new Uint8Array(1024);
  documents = new Uint32Array(1024);
  frequencies = new Uint16Array(1024);
  length = 0;

  push(term: number, field: number, document: number, frequency: number): void {
    if (this.length === this.terms.length) {
      const grow = <T extends Uint32Array | Uint8Array | Uint16Array>(column: T): T => {
        const larger = new (column.constructor as new (length: number) => T)(column.length * 2);
        larger.set(column);
        return larger;
      };
      this.terms = grow(this.terms);
      this.fields = grow(this.fields);
      this.documents = grow(this.documents);
      this.frequencies = grow(this.frequencies);
    }
    this.terms[this.length] = term;
    this.fields[this.length] = field;
    this.documents[this.length] = document;
    this.frequencies[this.length] = frequency;
    this.length++;
  }
}
