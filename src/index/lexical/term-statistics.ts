// Document frequencies and idf of analysed terms over all units (title, text and their compound parts), read from the
// lexical index's postings, so the answerer can weigh rare question words above common ones and notice words the
// resolutions never use.

export interface TermStatistics {
  readonly documentCount: number;
  documentFrequency(term: string): number;
  /** BM25's idf: ln(1 + (N − df + 0.5) / (df + 0.5)); largest for a term no unit contains. */
  idf(term: string): number;
  /** idf of a term no unit contains: the ceiling every other idf stays below. */
  readonly maxIdf: number;
}

/** The statistics of an index that counts its documents and their terms. */
export function termStatisticsOf(source: {
  readonly documentCount: number;
  documentFrequency(term: string): number;
}): TermStatistics {
  const { documentCount } = source;
  const idfOf = (frequency: number) => Math.log(1 + (documentCount - frequency + 0.5) / (frequency + 0.5));
  return {
    documentCount,
    documentFrequency: (term) => source.documentFrequency(term),
    idf: (term) => idfOf(source.documentFrequency(term)),
    maxIdf: idfOf(0),
  };
}
