// Public surface of the lexical stage: the BM25 index over units and the term statistics derived from it.
export {
  type CreateLexicalIndexOptions,
  createLexicalIndex,
  type LexicalHit,
  type LexicalIndex,
  type LexicalSearchOptions,
  loadLexicalIndex,
} from './lexical.ts';
export {
  computeTermStatistics,
  loadTermStatistics,
  type TermStatistics,
} from './term-statistics.ts';
