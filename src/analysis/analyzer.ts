// The German analyzer: tokens → stems, compound parts, abbreviations, synonyms and English → German terms.
import path from 'node:path';
import { stemmer as germanStemmer } from '@orama/stemmers/german';
import { readBundledFile } from '../bundled-file.ts';
import { DATA_DIR } from '../paths.ts';
import { type Abbreviation, findDefinitions, loadAbbreviations } from './abbreviations.ts';
import { BoundedCache } from './bounded-cache.ts';
import { createDecompounder, type Decompounder } from './decompound.ts';
import { type EnglishLexicon, loadEnglishLexicon } from './english.ts';
import { bundledFunctionWords } from './function-words.ts';
import { loadThesaurus, type Thesaurus } from './thesaurus.ts';
import { type Elision, type Token, tokenize } from './tokenize.ts';
import { loadGermanWordList, WORD_STANDALONE, type WordList } from './word-list.ts';

/** Bumped whenever terms change for the same text, so that persisted indexes know they are stale. */
export const ANALYZER_VERSION = 'de-analysis-2';

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

export interface WeightedTerm {
  term: string;
  /** 1 for the text's own terms; lower for expansions. */
  weight: number;
  kind: TermKind | 'synonym' | 'translation';
}

export interface Analyzer {
  readonly version: string;
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
  /** Stems of the synonyms of a word (OpenThesaurus), each with a weight below 1; the word's own stem excluded. */
  expand(word: string): WeightedTerm[];
  /** Ids of the synonym sets a word belongs to (a compound without its own falls back to its head). */
  synonymSets(word: string): readonly number[];
  /**
   * Whether a lower-cased word is German as the dictionary knows it: a word form of its own, a form of a verb it lists
   * ("berichtet"), or a function word. Compounds are not checked (see `decompound`).
   */
  isKnownWord(word: string): boolean;
  /** True when the text reads as English (function words and dictionary hits), not German. */
  isEnglish(text: string): boolean;
  /** German terms for the English words and phrases of a text, best translation weighted highest. */
  translate(text: string): WeightedTerm[];
  /**
   * Terms of a search query: its own terms (weight 1, compound parts lower), synonyms of its words, and for an
   * English query German translations; a term listed once with its highest weight.
   */
  queryTerms(text: string): WeightedTerm[];
  /**
   * Learns acronyms that the texts define ("Nationales Waffenregister (NWR)") and uses them from then on in both
   * directions; returns those it did not know yet.
   */
  learnAbbreviations(texts: Iterable<string>): Abbreviation[];
  /** Adds abbreviations (e.g. learned ones restored from a persisted index). */
  addAbbreviations(abbreviations: Iterable<Abbreviation>): void;
  /** The abbreviations learned or added since start-up (not those of the glossary file). */
  learnedAbbreviations(): Abbreviation[];
  /** Long forms of an abbreviation, glossary or learned ("SN" → "Sachsen", "sächsisch"); empty when unknown. */
  longForms(short: string): string[];
}

export interface GermanAnalyzerOptions {
  /** Default data/thesaurus/openthesaurus-de.txt. */
  thesaurusFile?: string;
  /** Default data/lexicon/abkuerzungen.tsv. */
  abbreviationsFile?: string;
  /** Default data/lexicon/en-de.tsv.gz; null disables English queries. */
  englishLexiconFile?: string | null;
  /** Words missing from the 2016 dictionary (one a line). Default data/lexicon/zusatzwoerter.txt. */
  extraWordsFile?: string;
  /** Entries of each per-word cache (decompositions, expansions). Default 50 000. */
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

interface LongForm {
  stems: string[];
  short: string;
}

const MAX_PHRASE_WORDS = 4;

/** Verb prefixes and particles (Duden, "Verbzusätze"), longest first. */
const VERB_PREFIXES = [
  'zurück',
  'voran',
  'hinzu',
  'herbei',
  'durch',
  'unter',
  'wider',
  'miss',
  'nach',
  'über',
  'ent',
  'ver',
  'zer',
  'auf',
  'aus',
  'ein',
  'mit',
  'vor',
  'weg',
  'ab',
  'an',
  'be',
  'er',
  'ge',
  'um',
  'zu',
];

/** Endings of finite verb forms and participles ("berichtet", "prüfst", "räumte", "geprüft" needs its prefix). */
const VERB_ENDINGS = ['est', 'et', 'st', 't', 'ten', 'tet', 'te', 'e'];

async function readWordLines(file: string): Promise<string[]> {
  const text = (await readBundledFile(file, 'a word list')).toString('utf8');
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith('#'));
}

/** Loads the word list, thesaurus, glossary and English lexicon once; the returned analyzer keeps them. */
export async function createGermanAnalyzer(options: GermanAnalyzerOptions = {}): Promise<Analyzer> {
  const {
    thesaurusFile = path.join(DATA_DIR, 'thesaurus', 'openthesaurus-de.txt'),
    abbreviationsFile = path.join(DATA_DIR, 'lexicon', 'abkuerzungen.tsv'),
    englishLexiconFile = path.join(DATA_DIR, 'lexicon', 'en-de.tsv.gz'),
    extraWordsFile = path.join(DATA_DIR, 'lexicon', 'zusatzwoerter.txt'),
    cacheSize = 50_000,
    synonymWeight = 0.4,
    translationWeight = 0.8,
    partWeight = 0.6,
    maxSynonyms = 12,
  } = options;

  // The English lexicon decompresses on a worker thread while this thread builds the word list.
  const englishLoading: Promise<EnglishLexicon | undefined> =
    englishLexiconFile === null ? Promise.resolve(undefined) : loadEnglishLexicon(englishLexiconFile);
  englishLoading.catch(() => undefined);
  const [extraWords, glossary] = await Promise.all([
    readWordLines(extraWordsFile),
    loadAbbreviations(abbreviationsFile),
  ]);
  const words: WordList = await loadGermanWordList(extraWords);
  const stemCache = new BoundedCache<string, string>(cacheSize);
  const stem = (word: string): string => stemCache.getOrCompute(word, germanStemmer);
  const thesaurus: Thesaurus = await loadThesaurus(thesaurusFile, {});
  const english = await englishLoading;
  const decompounder: Decompounder = createDecompounder({ words, cacheSize });
  const functionWords = bundledFunctionWords();
  const germanStopWords = functionWords.de.stop;
  const englishStopWords = functionWords.en.stop;
  const isStopWord = (word: string) => germanStopWords.has(word) || englishStopWords.has(word);

  /** Stems of every word of the list, built on the first isKnownWord call (about 150 ms). */
  let dictionaryStems: Set<string> | undefined;

  const shortForms = new Map<string, string[]>();
  const longForms = new Map<string, LongForm[]>();
  const learned: Abbreviation[] = [];

  /** Content-word stems of a phrase, in order (hyphen compounds as their parts, as the text side sees them). */
  function phraseStems(phrase: string): string[] {
    return tokenize(phrase)
      .filter((token) => token.kind === 'word' && !isStopWord(token.text) && token.text.length > 1)
      .map((token) => stem(token.text));
  }

  function addAbbreviation(abbreviation: Abbreviation): void {
    const short = abbreviation.short.toLowerCase();
    const written = shortForms.get(short) ?? [];
    for (const long of abbreviation.long) if (!written.includes(long)) written.push(long);
    shortForms.set(short, written);
    for (const long of abbreviation.long) {
      const stems = phraseStems(long);
      const first = stems[0];
      if (first === undefined) continue;
      const list = longForms.get(first) ?? [];
      if (list.some((entry) => entry.short === short && entry.stems.join(' ') === stems.join(' '))) continue;
      list.push({ stems, short });
      // Longest first, so that "Sachsen-Anhalt" is ST before "Sachsen" can be SN.
      list.sort((left, right) => right.stems.length - left.stems.length);
      longForms.set(first, list);
    }
  }
  for (const abbreviation of glossary) addAbbreviation(abbreviation);

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
    const contentStems: Array<{ stem: string; position: number }> = [];
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
    // Long forms of abbreviations ("Bundesministerium des Innern") add their short form ("bmi").
    for (let index = 0; index < contentStems.length; index += 1) {
      const start = contentStems[index] as { stem: string; position: number };
      const candidates = longForms.get(start.stem);
      if (candidates === undefined) continue;
      const found = candidates.find((candidate) =>
        candidate.stems.every((expected, offset) => contentStems[index + offset]?.stem === expected),
      );
      if (found === undefined) continue;
      result.push({ term: found.short, kind: 'abbreviation', position: start.position });
      index += found.stems.length - 1;
    }
    return result;
  }

  const keyOf = (word: string): string => word.toLowerCase().replace(/-/g, '');

  function synonymSets(word: string): readonly number[] {
    const key = keyOf(word);
    const own = thesaurus.setsOf(key);
    if (own.length > 0) return own;
    const parts = decompounder.decompound(key).parts;
    const head = parts[parts.length - 1];
    return head === undefined ? own : thesaurus.setsOf(head);
  }

  const expansionCache = new BoundedCache<string, WeightedTerm[]>(cacheSize);
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
  const expand = (word: string): WeightedTerm[] => expansionCache.getOrCompute(keyOf(word), computeExpansion);

  function isKnownGerman(word: string): boolean {
    if ((words.get(word) ?? 0) & WORD_STANDALONE) return true;
    if (germanStopWords.has(word)) return true;
    return decompounder.decompound(word).parts.length > 0;
  }

  function isEnglish(text: string): boolean {
    if (english === undefined) return false;
    let englishScore = 0;
    let germanScore = 0;
    for (const token of tokenize(text)) {
      if (token.kind !== 'word') continue;
      const word = token.text;
      const englishStop = englishStopWords.has(word);
      const germanStop = germanStopWords.has(word);
      if (englishStop || germanStop) {
        // Function words are the strongest evidence; those both languages share ("in", "so") count for neither.
        if (englishStop && !germanStop) englishScore += 2;
        if (germanStop && !englishStop) germanScore += 2;
        continue;
      }
      const inEnglish = english.lookup(word) !== undefined;
      const inGerman = isKnownGerman(word);
      if (inEnglish && !inGerman) englishScore += 1;
      if (inGerman && !inEnglish) germanScore += 1;
    }
    return englishScore > germanScore;
  }

  function translate(text: string): WeightedTerm[] {
    if (english === undefined) return [];
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
    const englishQuery = isEnglish(text);
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

  const definitionContext = {
    partsOf: (word: string) => decompounder.decompound(word).parts,
    isStopWord,
  };

  return {
    version: ANALYZER_VERSION,
    tokenize: tokenizeText,
    stem,
    decompound: (word) => decompounder.decompound(word).parts,
    isKnownWord(word: string): boolean {
      const standalone = (form: string) => ((words.get(form) ?? 0) & WORD_STANDALONE) !== 0;
      if (isStopWord(word) || standalone(word)) return true;
      // Inflected forms the list lacks ("Beschlüsse", "neues") share their Snowball stem with a listed word.
      dictionaryStems ??= new Set(
        [...words].filter(([, flags]) => (flags & WORD_STANDALONE) !== 0).map(([form]) => stem(form)),
      );
      if (dictionaryStems.has(stem(word))) return true;
      // The list gives verbs by their infinitive: "steht", "berichtet", "räumt" are forms of "-en" verbs.
      const isVerbForm = (form: string) =>
        standalone(form) ||
        VERB_ENDINGS.some((ending) => {
          if (!form.endsWith(ending) || form.length - ending.length < 3) return false;
          const verbStem = form.slice(0, -ending.length);
          return standalone(`${verbStem}en`) || standalone(`${verbStem}n`);
        });
      if (isVerbForm(word)) return true;
      // It has few prefixed verbs: "verbieten" is "bieten" with "ver-".
      const prefix = VERB_PREFIXES.find(
        (candidate) => word.startsWith(candidate) && word.length - candidate.length >= 4,
      );
      return prefix !== undefined && isVerbForm(word.slice(prefix.length));
    },
    analyze,
    terms: (text) => analyze(text).map((term) => term.term),
    expand,
    synonymSets,
    isEnglish,
    translate,
    queryTerms,
    learnAbbreviations(texts: Iterable<string>): Abbreviation[] {
      const fresh: Abbreviation[] = [];
      for (const text of texts) {
        for (const definition of findDefinitions(text, definitionContext)) {
          if (shortForms.has(definition.short.toLowerCase())) continue;
          addAbbreviation(definition);
          learned.push(definition);
          fresh.push(definition);
        }
      }
      return fresh;
    },
    addAbbreviations(abbreviations: Iterable<Abbreviation>): void {
      for (const abbreviation of abbreviations) {
        const known = learned.some(
          (entry) =>
            entry.short === abbreviation.short && entry.long.join(';') === abbreviation.long.join(';'),
        );
        if (known) continue;
        addAbbreviation(abbreviation);
        learned.push({ short: abbreviation.short, long: [...abbreviation.long] });
      }
    },
    learnedAbbreviations: () => learned.map((entry) => ({ short: entry.short, long: [...entry.long] })),
    longForms: (short) => [...(shortForms.get(short.toLowerCase()) ?? [])],
  };
}
