// The lexical index over units: each unit's analysed terms in four fields, searched by BM25+ with the query's
// weighted terms (synonyms, translations and spelling corrections weigh less), plus the term statistics and the
// corpus vocabulary that come with it.
import {
  type Analyzer,
  computeVocabulary,
  createAnalyzer,
  lexiconToJson,
  restoreLexicon,
  type VocabularyEntry,
  type WeightedTerm,
} from '../../analysis/index.ts';
import { BeschlussError } from '../../errors.ts';
import { NOTE_PREFIX, type Unit } from '../../model.ts';
import { REBUILD_HINT } from '../rebuild-hint.ts';
import {
  type Bm25Hit,
  type Bm25SearchOptions,
  buildBm25Index,
  openBm25Index,
  type TermDocument,
  type WeightedQueryTerm,
} from './bm25.ts';
import { decodeLexicalIndex, encodeLexicalIndex, type LexicalPayload } from './lexical-format.ts';
import { type TermStatistics, termStatisticsOf } from './term-statistics.ts';

export interface LexicalSearchOptions {
  /** Results at most. Default 10. */
  k?: number;
  /** Only units for which this returns true. */
  filter?: (unitId: string) => boolean;
  /**
   * More text to look for at a weight below 1 (e.g. spelling corrections of query words): its query terms join the
   * query's, each weighed by the factor; a term in both keeps its higher weight.
   */
  alsoQuery?: ReadonlyArray<{ text: string; weight: number }>;
}

export interface LexicalHit {
  id: string;
  score: number;
}

/**
 * Built once from all units per index version (a re-index builds a new version: nothing adds to or removes from a
 * version once written), loaded from its file, or opened over its rows in PostgreSQL.
 */
export interface LexicalIndex {
  /** Best first; asynchronous, so the postings may live in a database (PostgreSQL) as well as in memory. */
  search(query: string, options?: LexicalSearchOptions): Promise<LexicalHit[]>;
  /** Units indexed. */
  readonly size: number;
  /** Document frequency and idf of terms over the units' titles, texts and compound parts. */
  readonly statistics: TermStatistics;
  /** The words of the units' titles and texts with their counts, for spelling corrections. */
  readonly vocabulary: readonly VocabularyEntry[];
  /** The analyzer over the lexicon the index was built with: queries are analysed (and embedded offline) with it. */
  readonly analyzer: Analyzer;
}

/** The index kept in memory: it also writes its versioned file format (lexical-format.ts). */
export interface EmbeddedLexicalIndex extends LexicalIndex {
  encode(): Uint8Array;
}

/** What scores weighted query terms against the postings: bm25.ts in memory, or the same BM25+ in SQL. */
export interface PostingsSearcher {
  readonly documentCount: number;
  search(terms: readonly WeightedQueryTerm[], options: Bm25SearchOptions): Bm25Hit[] | Promise<Bm25Hit[]>;
  /** Documents whose statistics fields hold the term (0 for a term the index lacks). */
  documentFrequency(term: string): number;
}

/** What an index keeps beside its postings: the analyzer version, its lexicon and the corpus vocabulary. */
export type LexicalMetadata = Pick<LexicalPayload, 'analyzer' | 'lexicon' | 'vocabulary'>;

/** Field names in the order the index stores them. */
export type LexicalField = 'title' | 'text' | 'parts' | 'label';
export const LEXICAL_FIELDS: readonly LexicalField[] = ['title', 'text', 'parts', 'label'];

/**
 * Field boosts. Title 2 (the item's title says what the whole Beschluss is about), text 1, label 1.5 (who gave a
 * Protokollnotiz), parts 0.5 (compound parts and verb roots, weaker evidence).
 */
export const DEFAULT_BOOSTS: Readonly<Record<LexicalField, number>> = {
  title: 2,
  text: 1,
  parts: 0.5,
  label: 1.5,
};

/** The fields a term's document frequency counts: what a unit says, not the label of who said it. */
const STATISTICS_FIELDS: readonly LexicalField[] = ['title', 'text', 'parts'];

export interface CreateLexicalIndexOptions {
  analyzer: Analyzer;
  units: readonly Unit[];
  /** Field boosts; defaults DEFAULT_BOOSTS. */
  boosts?: Partial<Record<LexicalField, number>>;
}

/**
 * Indexes the units with the analyzer given, whose lexicon (with the acronyms the corpus defines) the file keeps.
 */
export function createLexicalIndex(options: CreateLexicalIndexOptions): EmbeddedLexicalIndex {
  const { analyzer, units, boosts = {} } = options;
  const bm25 = buildBm25Index(lexicalDocuments(units, analyzer), {
    fields: LEXICAL_FIELDS,
    boosts: { ...DEFAULT_BOOSTS, ...boosts },
    statisticsFields: STATISTICS_FIELDS,
  });
  const payload: LexicalPayload = {
    bm25: bm25.data,
    analyzer: analyzer.version,
    lexicon: lexiconToJson(analyzer.lexicon),
    vocabulary: computeVocabulary(units.flatMap((unit) => [unit.title, unit.text])),
  };
  return { ...wrap(payload, bm25, analyzer), encode: () => encodeLexicalIndex(payload) };
}

/**
 * Opens an index from its file's bytes (the arrays stay views into them), with a fresh analyzer over the lexicon it
 * was built with, restored on the bundled lexicon of `base` (another bundled lexicon or analyzer version is
 * INDEX_MISMATCH: rebuild).
 */
export function loadLexicalIndex(
  bytes: Uint8Array,
  options: { base: Analyzer; file?: string },
): EmbeddedLexicalIndex {
  const payload = decodeLexicalIndex(bytes, options.file === undefined ? {} : { file: options.file });
  const bm25 = openBm25Index(payload.bm25);
  return {
    ...openLexicalIndex(payload, bm25, options.base),
    encode: () => encodeLexicalIndex(payload),
  };
}

/**
 * The index over any postings searcher, with a fresh analyzer over the lexicon it was built with, restored on the
 * bundled lexicon of `base` (another bundled lexicon or analyzer version is INDEX_MISMATCH: rebuild).
 */
export function openLexicalIndex(
  metadata: LexicalMetadata,
  searcher: PostingsSearcher,
  base: Analyzer,
): LexicalIndex {
  const { version } = base;
  if (metadata.analyzer !== version) {
    throw new BeschlussError(
      'INDEX_MISMATCH',
      `The lexical index was built with analyzer ${metadata.analyzer}, the analyzer in use is ${version}; ` +
        `${REBUILD_HINT}.`,
      { details: { expected: version, received: metadata.analyzer } },
    );
  }
  const analyzer = createAnalyzer(restoreLexicon(metadata.lexicon, base.lexicon));
  return wrap(metadata, searcher, analyzer);
}

function wrap(metadata: LexicalMetadata, bm25: PostingsSearcher, analyzer: Analyzer): LexicalIndex {
  return {
    async search(query, options = {}) {
      const { k = 10, filter, alsoQuery = [] } = options;
      if (k <= 0) return [];
      const terms = withExtraTerms(analyzer.queryTerms(query), alsoQuery, analyzer);
      return bm25.search(terms, { k, ...(filter ? { filter } : {}) });
    },
    size: bm25.documentCount,
    statistics: termStatisticsOf(bm25),
    vocabulary: metadata.vocabulary,
    analyzer,
  };
}

/**
 * What the index holds of each unit: its own terms (stems, abbreviations, entities, numbers) as text, compound parts
 * and verb roots of text and title as parts, the title's own terms as title, and for a Protokollnotiz its label with
 * the Land spelled out. Units of one item share their title: it is analysed once.
 */
export function lexicalDocuments(units: readonly Unit[], analyzer: Analyzer): TermDocument[] {
  const titles = new Map<string, { own: string[]; parts: string[] }>();
  const split = (text: string) => {
    const own: string[] = [];
    const parts: string[] = [];
    for (const term of analyzer.analyze(text)) {
      (term.kind === 'part' || term.kind === 'root' ? parts : own).push(term.term);
    }
    return { own, parts };
  };
  return units.map((unit) => {
    const text = split(unit.text);
    let title = titles.get(unit.title);
    if (title === undefined) {
      title = split(unit.title);
      titles.set(unit.title, title);
    }
    let label: string[] = [];
    if (unit.kind === 'note') {
      // "Protokollnotiz SN" is also found as "Sachsen" and "sächsisch".
      const by = unit.para.startsWith(NOTE_PREFIX) ? unit.para.slice(NOTE_PREFIX.length) : unit.para;
      const expanded = analyzer
        .tokenize(by)
        .filter((token) => token.kind === 'acronym')
        .flatMap((token) => analyzer.longForms(token.text));
      label = analyzer.terms(`${unit.para} ${expanded.join(' ')}`);
    }
    return { id: unit.id, fields: [title.own, text.own, [...text.parts, ...title.parts], label] };
  });
}

function withExtraTerms(
  terms: WeightedTerm[],
  extra: ReadonlyArray<{ text: string; weight: number }>,
  analyzer: Analyzer,
): WeightedTerm[] {
  if (extra.length === 0) return terms;
  const byTerm = new Map(terms.map((term) => [term.term, term]));
  for (const { text, weight } of extra) {
    for (const term of analyzer.queryTerms(text)) {
      const weighed = { ...term, weight: term.weight * weight };
      const known = byTerm.get(term.term);
      if (!known || known.weight < weighed.weight) byTerm.set(term.term, weighed);
    }
  }
  return [...byTerm.values()];
}
