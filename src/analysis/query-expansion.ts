// Query expansion over a lexicon: synonyms (OpenThesaurus), English → German translations, weighted query terms.
import type { Language } from '../text/index.ts';
import { BoundedCache } from './bounded-cache.ts';
import type { Lexicon } from './lexicon.ts';
import type { TermAnalysisInternals, TermKind } from './term-analysis.ts';
import { tokenize } from './tokenize.ts';

export interface WeightedTerm {
  term: string;
  /** 1 for the text's own terms; lower for expansions. */
  weight: number;
  kind: TermKind | 'synonym' | 'translation';
}

export interface QueryExpansion {
  /** Stems of the synonyms of a word (OpenThesaurus), each with a weight below 1; the word's own stem excluded. */
  expand(word: string): WeightedTerm[];
  /** Ids of the synonym sets a word belongs to (a compound without its own falls back to its head). */
  synonymSets(word: string): readonly number[];
  /** German terms for the English words and phrases of a text, best translation weighted highest. */
  translate(text: string): WeightedTerm[];
  /**
   * Terms of a search query: its own terms (weight 1, compound parts lower), synonyms of its words, and for an
   * English query German translations; a term listed once with its highest weight.
   */
  queryTerms(text: string): WeightedTerm[];
}

export interface QueryExpansionOptions {
  /** Entries of the expansion cache. Default 50 000. */
  cacheSize?: number;
  /** Weight of a synonym relative to the word itself. Default 0.4. */
  synonymWeight?: number;
  /** Weight of the first German translation of an English word; later ones get less. Default 0.8. */
  translationWeight?: number;
  /** Weight of a compound part or verb root of a query word. Default 0.6. */
  partWeight?: number;
  /** Synonyms taken per word at most. Default 12. */
  maxSynonyms?: number;
}

const MAX_PHRASE_WORDS = 4;

export function createQueryExpansion(
  lexicon: Lexicon,
  terms: TermAnalysisInternals,
  language: (text: string) => Language,
  options: QueryExpansionOptions = {},
): QueryExpansion {
  const {
    cacheSize = 50_000,
    synonymWeight = 0.4,
    translationWeight = 0.8,
    partWeight = 0.6,
    maxSynonyms = 12,
  } = options;
  const { thesaurus, english, functionWords } = lexicon.base;
  const { analyze, stem, decompounder } = terms;
  const englishStopWords = functionWords.en.stop;
  const keyOf = (word: string): string => word.toLowerCase().replace(/-/g, '');

  function synonymSets(word: string): readonly number[] {
    const key = keyOf(word);
    const own = thesaurus.setsOf(key);
    if (own.length > 0) return own;
    const parts = decompounder.decompound(key).parts;
    const head = parts[parts.length - 1];
    return head === undefined ? own : thesaurus.setsOf(head);
  }

  function computeExpansion(word: string): WeightedTerm[] {
    const ownStem = stem(word);
    const sets = synonymSets(word);
    if (sets.length === 0) return [];
    const weights = new Map<string, number>();
    // A word in several sets spreads its weight over them: each sense is less certain.
    const setWeight = synonymWeight / Math.sqrt(sets.length);
    for (const setId of sets) {
      for (const member of thesaurus.members(setId)) {
        const memberTerms = analyze(member);
        const wordCount = memberTerms.filter((term) => term.kind === 'stem').length;
        if (wordCount === 0 || wordCount > MAX_PHRASE_WORDS) continue;
        // A synonym's compound parts count too: "Böller" ~ "Feuerwerkskörper" reaches "Feuerwerk".
        for (const memberTerm of memberTerms) {
          if (memberTerm.term === ownStem || memberTerm.term.length < 3) continue;
          const weight = (setWeight / wordCount) * (memberTerm.kind === 'stem' ? 1 : partWeight);
          weights.set(memberTerm.term, Math.max(weights.get(memberTerm.term) ?? 0, weight));
        }
      }
    }
    return [...weights.entries()]
      .sort((left, right) => right[1] - left[1] || left[0].localeCompare(right[0]))
      .slice(0, maxSynonyms)
      .map(([synonym, weight]) => ({ term: synonym, weight, kind: 'synonym' as const }));
  }
  const expansionCache = new BoundedCache<string, WeightedTerm[]>(cacheSize);
  const expand = (word: string): WeightedTerm[] => expansionCache.getOrCompute(keyOf(word), computeExpansion);

  function translate(text: string): WeightedTerm[] {
    const tokens = tokenize(text).filter((token) => token.kind === 'word');
    const weights = new Map<string, number>();
    const add = (germans: readonly string[]) => {
      germans.forEach((german, rank) => {
        const weight = translationWeight / (1 + 0.25 * rank);
        for (const term of analyze(german)) {
          const termWeight = term.kind === 'stem' ? weight : weight * partWeight;
          weights.set(term.term, Math.max(weights.get(term.term) ?? 0, termWeight));
        }
      });
    };
    for (let index = 0; index < tokens.length; ) {
      let matched = 0;
      // Longest phrase first ("weapons register" before "weapons"); a phrase neither starts nor ends in "of".
      for (let length = Math.min(MAX_PHRASE_WORDS, tokens.length - index); length >= 1; length -= 1) {
        const phrase = tokens.slice(index, index + length).map((token) => token.text);
        if (englishStopWords.has(phrase[0] as string) || englishStopWords.has(phrase[length - 1] as string))
          continue;
        const germans = english.lookup(phrase.join(' '));
        if (germans === undefined) continue;
        add(germans);
        matched = length;
        break;
      }
      index += Math.max(matched, 1);
    }
    return [...weights.entries()].map(([term, weight]) => ({ term, weight, kind: 'translation' as const }));
  }

  function queryTerms(text: string): WeightedTerm[] {
    const weights = new Map<string, WeightedTerm>();
    const add = (term: WeightedTerm) => {
      const previous = weights.get(term.term);
      if (previous === undefined || previous.weight < term.weight) weights.set(term.term, term);
    };
    const englishQuery = language(text) === 'en';
    for (const term of analyze(text)) {
      const own = term.kind === 'part' || term.kind === 'root' ? partWeight : 1;
      // English words rarely mean anything to a German index; their translations carry the query.
      const weight = englishQuery && (term.kind === 'stem' || term.kind === 'part') ? own * 0.5 : own;
      add({ term: term.term, weight, kind: term.kind });
      if (term.word !== undefined && !englishQuery) {
        for (const synonym of expand(term.word)) add(synonym);
      }
    }
    if (englishQuery) for (const translation of translate(text)) add(translation);
    return [...weights.values()];
  }

  return { expand, synonymSets, translate, queryTerms };
}
