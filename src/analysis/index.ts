// Public surface of German text analysis: an immutable lexicon, the pure analyzer over it, the one language detector.
export type { Abbreviation } from './abbreviations.ts';
export {
  ANALYZER_VERSION,
  type Analyzer,
  type AnalyzerOptions,
  createAnalyzer,
  createGermanAnalyzer,
} from './analyzer.ts';
export { type BaseLexiconOptions, loadBaseLexicon } from './base-lexicon.ts';
export { bundledFunctionWords, type FunctionWords } from './function-words.ts';
export { detectLanguage, type Language, type LanguageDictionary } from './language.ts';
export { type BaseLexicon, buildLexicon, type Lexicon } from './lexicon.ts';
export { type LexiconJson, lexiconToJson, restoreLexicon } from './lexicon-json.ts';
export type { QueryExpansion, WeightedTerm } from './query-expansion.ts';
export type { AnalyzedTerm, TermAnalysis, TermKind } from './term-analysis.ts';
export type { Elision, Token, TokenKind } from './tokenize.ts';
export { tokenize } from './tokenize.ts';
export { computeVocabulary, type VocabularyEntry } from './vocabulary.ts';
