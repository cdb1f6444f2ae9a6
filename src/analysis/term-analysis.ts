// Term analysis of a text over a lexicon: tokens → stems, compound parts, verb roots, acronyms both ways.
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { createAbbreviationForms, type PositionedStem } from './abbreviation-forms.ts';
import { BoundedCache } from './bounded-cache.ts';
import { createDecompounder, type Decompounder } from './decompound.ts';
import { createKnownWords } from './known-words.ts';
import type { Lexicon } from './lexicon.ts';
import { type Elision, type Token, tokenize } from './tokenize.ts';

export type TermKind =
  /** The stem of a word as written. */
  | 'stem'
  /** A compound part or a sub-compound ("feuerwerk" in "Silvesterfeuerwerk"), or a hyphen compound joined. */
  | 'part'
  /** The verb root of an -ung noun ("impf" for "Impfung"). */
  | 'root'
  /** An acronym as written ("nwr"), or the short form of a long form found in the text ("sn" for "Sachsen"). */
  | 'abbreviation'
  /** A committee with its number ("ak_ii"). */
  | 'entity'
  | 'number';

export interface AnalyzedTerm {
  term: string;
  kind: TermKind;
  /** Index of the token the term came from. */
  position: number;
  /** For a stem: the lower-cased word it was made from (what the thesaurus is looked up by). */
  word?: string;
}

export interface TermAnalysis {
  /** Tokens in reading order; an elided word ("Finanz-" in "Finanz- und Gewerbebehörden") has its completions. */
  tokenize(text: string): Token[];
  /** The German Snowball stem of one lower-cased word. */
  stem(word: string): string;
  /** Compound parts of one word, linking elements removed; empty when it is no compound. */
  decompound(word: string): string[];
  /** The text's own terms with their kinds, in order (repeats kept, so counts are term frequencies). */
  analyze(text: string): AnalyzedTerm[];
  /** Index terms of a text: `analyze(text)` without the kinds. */
  terms(text: string): string[];
  /**
   * Whether a lower-cased word is German as the dictionary knows it: a word form of its own, a form of a verb it lists
   * ("berichtet"), or a function word. Compounds are not checked (see `decompound`).
   */
  isKnownWord(word: string): boolean;
  /** Long forms of an acronym, glossary or learned ("SN" → "Sachsen", "sächsisch"); empty when unknown. */
  longForms(short: string): string[];
}

/** What query expansion and language detection need besides the public surface. */
export interface TermAnalysisInternals extends TermAnalysis {
  decompounder: Decompounder;
  isStopWord(word: string): boolean;
}

export interface TermAnalysisOptions {
  /** Entries of each per-word cache (stems, decompositions). Default 50 000. */
  cacheSize?: number;
}

export function createTermAnalysis(
  lexicon: Lexicon,
  options: TermAnalysisOptions = {},
): TermAnalysisInternals {
  const { cacheSize = 50_000 } = options;
  const { words, functionWords } = lexicon.base;
  const stemCache = new BoundedCache<string, string>(cacheSize);
  const stem = (word: string): string => stemCache.getOrCompute(word, germanStemmer);
  const decompounder = createDecompounder({ words, cacheSize });
  const isStopWord = (word: string) => functionWords.stop.has(word);

  /** Content-word stems of a phrase, in order (hyphen compounds as their parts, as the text side sees them). */
  const phraseStems = (phrase: string): string[] =>
    tokenize(phrase)
      .filter((token) => token.kind === 'word' && !isStopWord(token.text) && token.text.length > 1)
      .map((token) => stem(token.text));
  const abbreviations = createAbbreviationForms(lexicon.abbreviations, phraseStems);

  /** The word's stem, compound parts and verb roots; `asPart` when the word is only the fragment of one. */
  function wordTerms(word: string, position: number, into: AnalyzedTerm[], asPart = false): void {
    into.push(
      asPart
        ? { term: stem(word), kind: 'part', position }
        : { term: stem(word), kind: 'stem', position, word },
    );
    const { parts, spans } = decompounder.decompound(word);
    for (const part of [...parts, ...spans]) into.push({ term: stem(part), kind: 'part', position });
    const lastPart = parts[parts.length - 1];
    for (const source of lastPart === undefined ? [word] : [word, lastPart]) {
      const root = decompounder.derivationRoot(source);
      if (root !== undefined) into.push({ term: stem(root), kind: 'root', position });
    }
  }

  /**
   * The compounds an elided word stands for. The shared part is the partner's head ("Gewerbe|behörden") or
   * modifier ("Personal|gewinnung"); a partner of three or more parts is read both ways, since the elided part
   * may be one part or two: "Arbeits- und Sozialministerkonferenz" is the Arbeitsministerkonferenz, but
   * "Kooperations- und Rücknahmebereitschaft" the Kooperationsbereitschaft.
   */
  function completionsOf(fragment: string, elision: Elision): string[] {
    const { partner, missing } = elision;
    const last = partner[partner.length - 1];
    if (last === undefined || !/^\p{L}+$/u.test(fragment)) return [];
    // A hyphenated partner ("Cyber-Sicherheit", "Bund-Länder-Gremien") shares its last segment or the others.
    if (partner.length > 1) {
      return [missing === 'head' ? fragment + last : partner.slice(0, -1).join('') + fragment];
    }
    const starts = decompounder.partStarts(last);
    const lastStart = starts[starts.length - 1];
    if (lastStart === undefined) return [];
    const cuts = starts.length > 1 ? [lastStart, starts[0] as number] : [lastStart];
    return cuts.map((cut) =>
      missing === 'head' ? fragment + last.slice(cut) : last.slice(0, cut) + fragment,
    );
  }

  function tokenizeText(text: string): Token[] {
    const tokens = tokenize(text);
    for (const token of tokens) {
      if (token.elision === undefined) continue;
      const completions = completionsOf(token.text, token.elision);
      if (completions.length > 0) token.completions = completions;
    }
    return tokens;
  }

  /** Terms of an elided word: the fragment as a part, each completed compound as a word, no term twice. */
  function completionTerms(token: Token, position: number, into: AnalyzedTerm[]): void {
    const terms: AnalyzedTerm[] = [];
    if (token.kind === 'acronym') terms.push({ term: token.text, kind: 'abbreviation', position });
    else if (token.text.length > 1 && !isStopWord(token.text)) wordTerms(token.text, position, terms, true);
    for (const completion of token.completions ?? []) wordTerms(completion, position, terms);
    const seen = new Set<string>();
    for (const term of terms) {
      if (seen.has(term.term)) continue;
      seen.add(term.term);
      into.push(term);
    }
  }

  function analyze(text: string): AnalyzedTerm[] {
    const result: AnalyzedTerm[] = [];
    const contentStems: PositionedStem[] = [];
    tokenizeText(text).forEach((token, position) => {
      if (token.completions !== undefined) {
        completionTerms(token, position, result);
        if (token.kind === 'word' && !isStopWord(token.text))
          contentStems.push({ stem: stem(token.text), position });
        return;
      }
      switch (token.kind) {
        case 'number':
          result.push({ term: token.text, kind: 'number', position });
          break;
        case 'roman':
          // A lone "I" is no topic; "AK I" survives as the entity "ak_i".
          if (token.text.length > 1) result.push({ term: token.text, kind: 'number', position });
          break;
        case 'acronym':
          result.push({ term: token.text, kind: 'abbreviation', position });
          break;
        case 'entity':
          result.push({ term: token.text, kind: 'entity', position });
          break;
        case 'compound':
          result.push({ term: stem(token.text), kind: 'part', position });
          break;
        case 'word': {
          if (token.text.length < 2 || isStopWord(token.text)) break;
          wordTerms(token.text, position, result);
          contentStems.push({ stem: stem(token.text), position });
          break;
        }
      }
    });
    // Long forms of acronyms ("Bundesministerium des Innern") add their short form ("bmi").
    for (const { short, position } of abbreviations.shortFormsIn(contentStems)) {
      result.push({ term: short, kind: 'abbreviation', position });
    }
    return result;
  }

  return {
    tokenize: tokenizeText,
    stem,
    decompound: (word) => decompounder.decompound(word).parts,
    analyze,
    terms: (text) => analyze(text).map((term) => term.term),
    isKnownWord: createKnownWords({ words, stem, isStopWord }),
    longForms: abbreviations.longForms,
    decompounder,
    isStopWord,
  };
}
