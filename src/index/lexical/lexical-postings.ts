// A read-only, typed-array copy of a MiniSearch index for fast BM25 queries. MiniSearch stays the index (built,
// serialised and loaded by the library); this copy answers the same OR query with the same scores and the same order
// (contract test: lexical-postings.test.ts) without building a result object per posting — at 100k units a query
// touches ~50k postings, which MiniSearch answers in ~100 ms and this in ~1 ms (see bench/).

/** The parts of MiniSearch's `toJSON()` output the copy reads (serialisation version 2). */
export interface MiniSearchJson {
  documentCount: number;
  documentIds: Record<string, string | number>;
  fieldIds: Record<string, number>;
  fieldLength: Record<string, number[]>;
  averageFieldLength: number[];
  index: Array<[string, Record<string, Record<string, number>>]>;
}

export interface PostingsSearchOptions {
  /** Results at most. */
  k: number;
  /** Only documents whose id passes. */
  filter?: (id: string) => boolean;
}

export interface PostingsIndex {
  /** MiniSearch's OR query over the given terms with `boostTerm` = their weight, best first. */
  search(
    terms: ReadonlyArray<{ term: string; weight: number }>,
    options: PostingsSearchOptions,
  ): Array<{ id: string; score: number }>;
}

interface TermPostings {
  docs: Int32Array;
  /** Position of the posting's field in the field order (its boost is boosts[field]). */
  fields: Uint8Array;
  /** BM25+ score of the posting. */
  scores: Float64Array;
}

/** MiniSearch's defaults (BM25+). */
const K = 1.2;
const B = 0.7;
const D = 0.5;

/**
 * Builds the copy. `fields` in the order MiniSearch's search iterates them (the `fields` option), `boosts` per field.
 * Postings keep MiniSearch's iteration order (field by field, documents in ascending internal id), so sums are added
 * in the same order and ties break the same way.
 */
export function buildPostings(
  json: MiniSearchJson,
  fields: readonly string[],
  boosts: Readonly<Record<string, number>>,
): PostingsIndex {
  const ids: Array<string | undefined> = [];
  for (const [shortId, id] of Object.entries(json.documentIds)) ids[Number(shortId)] = String(id);
  const documentCount = json.documentCount;
  const fieldIds = fields.map((field) => json.fieldIds[field]);
  const postings = new Map<string, TermPostings>();
  for (const [term, byField] of json.index) {
    const docs: number[] = [];
    const positions: number[] = [];
    const scores: number[] = [];
    fieldIds.forEach((fieldId, position) => {
      if (fieldId === undefined) return;
      const frequencies = byField[String(fieldId)];
      if (!frequencies) return;
      const live = Object.entries(frequencies).filter(([shortId]) => ids[Number(shortId)] !== undefined);
      const matching = live.length;
      const average = json.averageFieldLength[fieldId] ?? 1;
      const idf = Math.log(1 + (documentCount - matching + 0.5) / (matching + 0.5));
      // Object keys that are integers come in ascending order — MiniSearch's order after loading, and its insertion
      // order when built (internal ids only grow).
      for (const [shortId, termFrequency] of live) {
        const length = json.fieldLength[shortId]?.[fieldId] ?? 0;
        const bm25 =
          idf * (D + (termFrequency * (K + 1)) / (termFrequency + K * (1 - B + (B * length) / average)));
        docs.push(Number(shortId));
        positions.push(position);
        scores.push(bm25);
      }
    });
    if (docs.length > 0) {
      postings.set(term, {
        docs: Int32Array.from(docs),
        fields: Uint8Array.from(positions),
        scores: Float64Array.from(scores),
      });
    }
  }

  const fieldBoosts = Float64Array.from(fields.map((field) => boosts[field] ?? 1));
  const size = ids.length;
  const total = new Float64Array(size);
  const termScore = new Float64Array(size);
  const matchedTerms = new Uint16Array(size);
  const seen = new Int32Array(size);
  const termSeen = new Int32Array(size);
  // Which term last touched a document: a growing stamp instead of clearing an array per term.
  const termStamp = new Uint32Array(size);
  let stamp = 0;

  return {
    search(terms, options) {
      const { k, filter } = options;
      if (k <= 0) return [];
      let seenCount = 0;
      for (const { term, weight } of terms) {
        const entry = postings.get(term);
        if (!entry) continue;
        let termCount = 0;
        if (stamp === 0xffff_ffff) {
          termStamp.fill(0);
          stamp = 0;
        }
        stamp++;
        const { docs, fields: positions, scores } = entry;
        for (let index = 0; index < docs.length; index++) {
          const doc = docs[index] as number;
          if (termStamp[doc] !== stamp) {
            termStamp[doc] = stamp;
            termSeen[termCount++] = doc;
          }
          // MiniSearch: termWeight (1) × termBoost × fieldBoost × docBoost (1) × bm25, summed field by field, in this
          // order of operations so the sums agree to the last bit.
          const boost = fieldBoosts[positions[index] as number] as number;
          termScore[doc] = (termScore[doc] as number) + weight * boost * (scores[index] as number);
        }
        for (let index = 0; index < termCount; index++) {
          const doc = termSeen[index] as number;
          if (matchedTerms[doc] === 0) {
            seen[seenCount++] = doc;
            total[doc] = termScore[doc] as number;
          } else {
            total[doc] = (total[doc] as number) + (termScore[doc] as number);
          }
          matchedTerms[doc] = (matchedTerms[doc] as number) + 1;
          termScore[doc] = 0;
        }
      }
      // Keep the best k (score, then first seen — MiniSearch's stable sort of its insertion-ordered results).
      const best: Array<{ doc: number; order: number; score: number }> = [];
      for (let order = 0; order < seenCount; order++) {
        const doc = seen[order] as number;
        const score = (total[doc] as number) * (matchedTerms[doc] as number);
        total[doc] = 0;
        matchedTerms[doc] = 0;
        if (best.length === k && score <= (best[k - 1] as { score: number }).score) continue;
        const id = ids[doc] as string;
        if (filter && !filter(id)) continue;
        let position = best.length;
        while (position > 0 && (best[position - 1] as { score: number }).score < score) position--;
        best.splice(position, 0, { doc, order, score });
        if (best.length > k) best.pop();
      }
      return best.map((entry) => ({ id: ids[entry.doc] as string, score: entry.score }));
    },
  };
}
