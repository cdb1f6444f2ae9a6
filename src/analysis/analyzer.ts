// The German analyzer: a pure function of an immutable lexicon — term analysis, query expansion, language detection.
import type { Language } from '../text/index.ts';
import { type BaseLexiconOptions, loadBaseLexicon } from './base-lexicon.ts';
import { detectLanguage, type LanguageDictionary } from './language.ts';
import type { Lexicon } from './lexicon.ts';
import { createQueryExpansion, type QueryExpansion, type QueryExpansionOptions } from './query-expansion.ts';
import { createTermAnalysis, type TermAnalysis } from './term-analysis.ts';
import { WORD_STANDALONE } from './word-list.ts';

export type { WeightedTerm } from './query-expansion.ts';
export type { AnalyzedTerm, TermKind } from './term-analysis.ts';

/** Bumped whenever terms change for the same text and lexicon, so that persisted indexes know they are stale. */
export const ANALYZER_VERSION = 'de-analysis-2';

export interface Analyzer extends TermAnalysis, QueryExpansion {
  readonly version: string;
  /** What it analyses with; analysing a text twice, or with another analyzer of the same lexicon, gives the same. */
  readonly lexicon: Lexicon;
  /** The text's language, by the one detector (src/analysis/language.ts) with this lexicon's dictionaries. */
  language(text: string): Language;
}

export type AnalyzerOptions = QueryExpansionOptions;

/** An analyzer of the lexicon; it keeps only caches of its own, so any number may share one lexicon. */
export function createAnalyzer(lexicon: Lexicon, options: AnalyzerOptions = {}): Analyzer {
  const terms = createTermAnalysis(
    lexicon,
    options.cacheSize === undefined ? {} : { cacheSize: options.cacheSize },
  );
  const { words, english } = lexicon.base;
  const dictionary: LanguageDictionary = {
    isEnglishWord: (word) => english.lookup(word) !== undefined,
    isGermanWord: (word) =>
      ((words.get(word) ?? 0) & WORD_STANDALONE) !== 0 ||
      terms.decompounder.decompound(word).parts.length > 0,
  };
  const language = (text: string): Language => detectLanguage(text, dictionary, lexicon.base.functionWords);
  const expansion = createQueryExpansion(lexicon, terms, language, options);
  return {
    version: ANALYZER_VERSION,
    lexicon,
    tokenize: terms.tokenize,
    stem: terms.stem,
    decompound: terms.decompound,
    analyze: terms.analyze,
    terms: terms.terms,
    isKnownWord: terms.isKnownWord,
    longForms: terms.longForms,
    language,
    ...expansion,
  };
}

/** An analyzer of the bundled lexicon alone (no corpus acronyms): for scripts and tests; loads in about a second. */
export async function createGermanAnalyzer(
  options: BaseLexiconOptions & AnalyzerOptions = {},
): Promise<Analyzer> {
  return createAnalyzer(await loadBaseLexicon(options), options);
}
