// BM25 lexical index over units (MiniSearch) with German analysis; query synonyms and translations weigh less.
import MiniSearch, { type Options, type SearchOptions } from 'minisearch';
import { z } from 'zod';
import type { Analyzer, WeightedTerm } from '../../analysis/analyzer.ts';
import { BeschlussError } from '../../errors.ts';
import { NOTE_PREFIX, type Unit } from '../../model.ts';
import { buildPostings, type MiniSearchJson, type PostingsIndex } from './lexical-postings.ts';

export const LEXICAL_INDEX_FORMAT = 'beschluss-lexical-index';
export const LEXICAL_INDEX_VERSION = 1;

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
  /**
   * Who answers: the typed-array copy of the index (default, fast) or MiniSearch itself (the reference the copy is
   * tested against; same results).
   */
  engine?: 'postings' | 'minisearch';
}

export interface LexicalHit {
  id: string;
  score: number;
}

export interface LexicalIndex {
  /** Indexes units (a unit already present is replaced); acronyms the units define are learned first. */
  add(units: readonly Unit[]): void;
  /** Removes units by id; unknown ids are ignored. */
  remove(unitIds: readonly string[]): void;
  search(query: string, options?: LexicalSearchOptions): LexicalHit[];
  /** Builds the fast query structures now (a server does this at start, not on its first question). */
  prepare(): void;
  has(unitId: string): boolean;
  readonly size: number;
  /** A plain object for JSON.stringify: format, version, analyzer version, learned abbreviations, index. */
  toJSON(): LexicalIndexJson;
}

export interface CreateLexicalIndexOptions {
  analyzer: Analyzer;
  units?: readonly Unit[];
  /**
   * Field boosts. Defaults: title 2 (the item's title says what the whole Beschluss is about), text 1,
   * label 1.5 (who gave a Protokollnotiz), parts 0.5 (compound parts and verb roots, weaker evidence).
   */
  boosts?: Partial<Record<Field, number>>;
}

type Field = 'title' | 'text' | 'parts' | 'label';
const FIELDS: Field[] = ['title', 'text', 'parts', 'label'];
const DEFAULT_BOOSTS: Record<Field, number> = { title: 2, text: 1, parts: 0.5, label: 1.5 };

/** What MiniSearch stores per unit: each field as its analyzed terms joined by spaces. */
type IndexedDocument = { id: string } & Record<Field, string>;

const lexicalIndexJsonSchema = z.object({
  format: z.literal(LEXICAL_INDEX_FORMAT),
  version: z.number(),
  analyzer: z.string(),
  boosts: z.record(z.string(), z.number()),
  abbreviations: z.array(z.object({ short: z.string(), long: z.array(z.string()) })),
  minisearch: z.record(z.string(), z.unknown()),
});

export type LexicalIndexJson = z.infer<typeof lexicalIndexJsonSchema>;

// Terms never contain spaces, so the analyzed fields can be stored as space-joined strings.
const splitTerms = (text: string): string[] => (text.length === 0 ? [] : text.split(' '));

function miniSearchOptions(): Options<IndexedDocument> {
  return {
    idField: 'id',
    fields: FIELDS,
    storeFields: [],
    tokenize: splitTerms,
    processTerm: (term) => term,
  };
}

function documentOf(
  unit: Unit,
  analyzer: Analyzer,
  titleTerms: Map<string, [string, string]>,
): IndexedDocument {
  const own: string[] = [];
  const parts: string[] = [];
  for (const term of analyzer.analyze(unit.text)) {
    (term.kind === 'part' || term.kind === 'root' ? parts : own).push(term.term);
  }
  let title = titleTerms.get(unit.title);
  if (title === undefined) {
    const titleOwn: string[] = [];
    const titleParts: string[] = [];
    for (const term of analyzer.analyze(unit.title)) {
      (term.kind === 'part' || term.kind === 'root' ? titleParts : titleOwn).push(term.term);
    }
    title = [titleOwn.join(' '), titleParts.join(' ')];
    titleTerms.set(unit.title, title);
  }
  let label = '';
  if (unit.kind === 'note') {
    // "Protokollnotiz SN" is also found as "Sachsen" and "sächsisch".
    const by = unit.para.startsWith(NOTE_PREFIX) ? unit.para.slice(NOTE_PREFIX.length) : unit.para;
    const expanded = analyzer
      .tokenize(by)
      .filter((token) => token.kind === 'acronym')
      .flatMap((token) => analyzer.longForms(token.text));
    label = analyzer.terms(`${unit.para} ${expanded.join(' ')}`).join(' ');
  }
  const allParts = title[1].length > 0 ? [...parts, title[1]] : parts;
  return { id: unit.id, title: title[0], text: own.join(' '), parts: allParts.join(' '), label };
}

function wrap(
  miniSearch: MiniSearch<IndexedDocument>,
  analyzer: Analyzer,
  boosts: Record<Field, number>,
  loadedJson?: MiniSearchJson,
): LexicalIndex {
  // Queries are answered from a typed-array copy of the MiniSearch index (same scores, same order; built on the first
  // query, dropped when the index changes); `engine: 'minisearch'` asks the library itself.
  let postings: PostingsIndex | undefined;
  let postingsSource = loadedJson;
  const fastIndex = () => {
    postings ??= buildPostings(
      postingsSource ?? (miniSearch.toJSON() as unknown as MiniSearchJson),
      FIELDS,
      boosts,
    );
    postingsSource = undefined;
    return postings;
  };
  const changed = () => {
    postings = undefined;
    postingsSource = undefined;
  };

  function searchOptions(terms: WeightedTerm[], options: LexicalSearchOptions): SearchOptions {
    const weights = new Map(terms.map((term) => [term.term, term.weight]));
    const { filter } = options;
    return {
      fields: FIELDS,
      boost: boosts,
      combineWith: 'OR',
      // Stems and compound parts already cover German inflection and composition; prefix or fuzzy matching of
      // stems would let short stems ("bund") swamp exact matches, so both stay off.
      prefix: false,
      fuzzy: false,
      tokenize: splitTerms,
      processTerm: (term) => term,
      boostTerm: (term) => weights.get(term) ?? 1,
      ...(filter === undefined ? {} : { filter: (result) => filter(String(result.id)) }),
    };
  }

  return {
    add(units: readonly Unit[]): void {
      analyzer.learnAbbreviations(units.flatMap((unit) => [unit.title, unit.text]));
      // Units of one item share its title: analyze it once per call.
      const titleTerms = new Map<string, [string, string]>();
      for (const unit of units) {
        if (miniSearch.has(unit.id)) miniSearch.discard(unit.id);
        miniSearch.add(documentOf(unit, analyzer, titleTerms));
      }
      changed();
    },
    remove(unitIds: readonly string[]): void {
      for (const id of unitIds) if (miniSearch.has(id)) miniSearch.discard(id);
      changed();
    },
    search(query: string, options: LexicalSearchOptions = {}): LexicalHit[] {
      const { k = 10, engine = 'postings' } = options;
      const terms = withExtraTerms(analyzer.queryTerms(query), options.alsoQuery ?? [], analyzer);
      if (terms.length === 0 || k <= 0) return [];
      if (engine === 'postings') {
        return fastIndex().search(terms, { k, ...(options.filter ? { filter: options.filter } : {}) });
      }
      const results = miniSearch.search(
        terms.map((term) => term.term).join(' '),
        searchOptions(terms, options),
      );
      return results.slice(0, k).map((result) => ({ id: String(result.id), score: result.score }));
    },
    prepare(): void {
      fastIndex();
    },
    has: (unitId) => miniSearch.has(unitId),
    get size() {
      return miniSearch.documentCount;
    },
    toJSON(): LexicalIndexJson {
      return {
        format: LEXICAL_INDEX_FORMAT,
        version: LEXICAL_INDEX_VERSION,
        analyzer: analyzer.version,
        boosts,
        abbreviations: analyzer.learnedAbbreviations(),
        minisearch: miniSearch.toJSON() as unknown as Record<string, unknown>,
      };
    },
  };
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

export function createLexicalIndex(options: CreateLexicalIndexOptions): LexicalIndex {
  const { analyzer, units = [], boosts = {} } = options;
  const index = wrap(new MiniSearch<IndexedDocument>(miniSearchOptions()), analyzer, {
    ...DEFAULT_BOOSTS,
    ...boosts,
  });
  if (units.length > 0) index.add(units);
  return index;
}

/**
 * Restores an index from `toJSON()` output (an object, or its JSON text). The analyzer must be of the version
 * that built it; the abbreviations learned then are added to it.
 */
export function loadLexicalIndex(json: unknown, options: { analyzer: Analyzer }): LexicalIndex {
  const { analyzer } = options;
  let value = json;
  if (typeof json === 'string') {
    try {
      value = JSON.parse(json);
    } catch (error) {
      throw new BeschlussError('INDEX_CORRUPT', 'Expected the lexical index as JSON, but it does not parse', {
        cause: error,
      });
    }
  }
  const parsed = lexicalIndexJsonSchema.safeParse(value);
  if (!parsed.success) {
    throw new BeschlussError(
      'INDEX_CORRUPT',
      `Expected a ${LEXICAL_INDEX_FORMAT} object: ${parsed.error.message}`,
      {
        details: { issues: parsed.error.issues },
      },
    );
  }
  const data = parsed.data;
  if (data.version !== LEXICAL_INDEX_VERSION) {
    throw new BeschlussError(
      'INDEX_MISMATCH',
      `Expected lexical index version ${LEXICAL_INDEX_VERSION}, got ${data.version}; rebuild the index`,
      { details: { expected: LEXICAL_INDEX_VERSION, received: data.version } },
    );
  }
  if (data.analyzer !== analyzer.version) {
    throw new BeschlussError(
      'INDEX_MISMATCH',
      `Expected a lexical index built with analyzer ${analyzer.version}, got ${data.analyzer}; rebuild the index`,
      { details: { expected: analyzer.version, received: data.analyzer } },
    );
  }
  analyzer.addAbbreviations(data.abbreviations);
  let miniSearch: MiniSearch<IndexedDocument>;
  try {
    miniSearch = MiniSearch.loadJS<IndexedDocument>(
      data.minisearch as unknown as Parameters<typeof MiniSearch.loadJS>[0],
      miniSearchOptions(),
    );
  } catch (error) {
    throw new BeschlussError(
      'INDEX_CORRUPT',
      `Expected a MiniSearch index inside the lexical index: ${String(error)}`,
      {
        cause: error,
      },
    );
  }
  const boosts = { ...DEFAULT_BOOSTS };
  for (const field of FIELDS) {
    const boost = data.boosts[field];
    if (boost !== undefined) boosts[field] = boost;
  }
  return wrap(miniSearch, analyzer, boosts, data.minisearch as unknown as MiniSearchJson);
}
