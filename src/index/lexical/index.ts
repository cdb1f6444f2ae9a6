// Public surface of the lexical stage: the BM25 index over units, and the term statistics that come with it.
export {
  type CreateLexicalIndexOptions,
  createLexicalIndex,
  type LexicalField,
  type LexicalHit,
  type LexicalIndex,
  type LexicalSearchOptions,
  loadLexicalIndex,
} from './lexical-index.ts';
export type { TermStatistics } from './term-statistics.ts';
