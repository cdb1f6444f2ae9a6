// Public surface of the lexical stage: the BM25 index over units, its file format, the postings searcher seam a
// database implements, and the term statistics that come with it.
export {
  BM25_PARAMETERS,
  type Bm25Hit,
  type Bm25SearchOptions,
  buildBm25Index,
  type TermDocument,
  type WeightedQueryTerm,
} from './bm25.ts';
export { decodeLexicalIndex } from './lexical-format.ts';
export {
  type CreateLexicalIndexOptions,
  createLexicalIndex,
  type EmbeddedLexicalIndex,
  type LexicalField,
  type LexicalHit,
  type LexicalIndex,
  type LexicalMetadata,
  type LexicalSearchOptions,
  lexicalDocuments,
  loadLexicalIndex,
  openLexicalIndex,
  type PostingsSearcher,
} from './lexical-index.ts';
export type { TermStatistics } from './term-statistics.ts';
