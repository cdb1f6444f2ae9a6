// Public surface of German text analysis.
export type { Abbreviation } from './abbreviations.ts';
export { findDefinitions, parseAbbreviations } from './abbreviations.ts';
export type { AnalyzedTerm, Analyzer, GermanAnalyzerOptions, TermKind, WeightedTerm } from './analyzer.ts';
export { ANALYZER_VERSION, createGermanAnalyzer } from './analyzer.ts';
export type { Elision, Token, TokenKind } from './tokenize.ts';
export { tokenize } from './tokenize.ts';
