// Hybrid retrieval: explicit references resolved exactly and ranked first, then BM25 and HNSW vector results fused
// by reciprocal rank fusion; meetings a question names by time are preferred.
import type { UnitCatalog } from '../citation/index.ts';
import { findReferences } from '../citation/index.ts';
import type { Embedder } from '../embed/types.ts';
import type { LexicalIndex, VectorStore } from '../index/index.ts';
import { type Source, toSource, type Unit } from '../model.ts';
import { type FusionSettings, fuse } from './fusion.ts';
import { meetingsNamedByTime } from './meeting-time.ts';
import type { SpellingCorrector } from './spelling.ts';
import type { Retriever, SearchOptions } from './types.ts';

export interface RankedUnit {
  unit: Unit;
  /** Fused score; exact references score above every fused result. */
  score: number;
  /** Named by an explicit reference in the query ("TOP 21 Ziffer 2"). */
  exact: boolean;
  lexicalRank?: number;
  lexicalScore?: number;
  vectorRank?: number;
  /** Cosine similarity of the best chunk of the unit. */
  vectorScore?: number;
}

/**
 * Fusion for a model embedder, chosen on the eval dev split with multilingual-e5-small (scripts/tune-fusion.ts,
 * answerable dev questions, hit@5/MRR): lexical only 0.913/0.816, vector only 0.924/0.815, RRF k60 1:1
 * 0.978/0.840, relative score fusion lexical 0.4 : vector 0.6 0.978/0.868 — the best MRR of the settings whose hit@5
 * is at least that of both single lists on every question type.
 */
export const DEFAULT_FUSION: FusionSettings = {
  method: 'relative-score',
  weights: { lexical: 0.4, vector: 0.6 },
};

/**
 * Fusion for the offline embedder, whose hashed vectors are weaker than BM25 (same sweep: lexical only 0.913/0.816,
 * vector only 0.837/0.658, RRF k60 1:1 0.902/0.802, relative lexical 0.7 : vector 0.3 0.935/0.837).
 */
export const OFFLINE_FUSION: FusionSettings = {
  method: 'relative-score',
  weights: { lexical: 0.7, vector: 0.3 },
};

export interface HybridRetriever extends Retriever {
  /** Ranked units with the evidence of each part, for the answerer and the evaluation. */
  rank(query: string, options?: SearchOptions): Promise<RankedUnit[]>;
}

export interface HybridRetrieverOptions {
  catalog: UnitCatalog;
  lexical: LexicalIndex;
  vectors: VectorStore;
  /** Unit id of each vector label (chunks of one unit share it). */
  unitIdOfLabel: (label: number) => string | undefined;
  embedder: Embedder;
  /** Candidates taken from each list before fusion (default 40). */
  candidates?: number;
  /** How the lexical and vector rankings are fused (default DEFAULT_FUSION). */
  fusion?: FusionSettings;
  /**
   * Factor on the fused score of units from meetings the question does not name by time (default 0.5); they are
   * ranked after the named meetings' units in any case.
   */
  otherMeetingFactor?: number;
  /**
   * Corrects misspelt query words against the corpus; the corrections are searched at `correctionWeight` beside the
   * words as typed, and the corrected query is what is embedded. Default: none.
   */
  spelling?: SpellingCorrector;
  /** Weight of a corrected word's terms in the lexical search (default 0.7: a guess weighs less than a match). */
  correctionWeight?: number;
}

export function createHybridRetriever(options: HybridRetrieverOptions): HybridRetriever {
  const {
    catalog,
    lexical,
    vectors,
    unitIdOfLabel,
    embedder,
    candidates = 40,
    fusion = DEFAULT_FUSION,
    otherMeetingFactor = 0.5,
    spelling,
    correctionWeight = 0.7,
  } = options;

  async function vectorRanking(query: string, meeting: string | undefined, limit: number) {
    const {
      embeddings: [vector],
    } = await embedder.doEmbed({ values: [query], inputType: 'query' });
    if (!vector || vectors.size === 0) return [];
    // A filter makes hnswlib call back into JavaScript for every candidate: only pass one when there is a restriction.
    const filter =
      meeting === undefined
        ? undefined
        : (label: number) => catalog.get(unitIdOfLabel(label) ?? '')?.meeting === meeting;
    // Several chunks may belong to one unit: fetch more than needed, keep each unit's best chunk.
    const matches = await vectors.search(vector, Math.min(vectors.size, limit * 2), filter);
    const best = new Map<string, number>();
    for (const match of matches) {
      const id = unitIdOfLabel(match.label);
      if (id !== undefined && !best.has(id)) best.set(id, match.score);
    }
    return [...best.entries()].slice(0, limit).map(([id, score]) => ({ id, score }));
  }

  async function rank(query: string, searchOptions: SearchOptions = {}): Promise<RankedUnit[]> {
    const { k = 5, meeting, mode = 'hybrid' } = searchOptions;
    const accepts = (unit: Unit) => meeting === undefined || unit.meeting === meeting;
    const exactUnits = (searchOptions.references ?? findReferences(query))
      .flatMap((reference) => catalog.resolve(reference, meeting === undefined ? {} : { meeting }))
      .filter(accepts);
    const limit = Math.max(candidates, k);
    const suggestion =
      searchOptions.spelling === undefined ? spelling?.suggest(query) : (searchOptions.spelling ?? undefined);
    const lexicalHits: Array<{ id: string; score: number }> =
      mode === 'vector'
        ? []
        : await lexical.search(query, {
            k: limit,
            ...(suggestion
              ? {
                  alsoQuery: suggestion.corrections.map((correction) => ({
                    text: correction.to,
                    weight: correctionWeight,
                  })),
                }
              : {}),
            ...(meeting === undefined
              ? {}
              : { filter: (id: string) => catalog.get(id)?.meeting === meeting }),
          });
    const vectorHits =
      mode === 'lexical' ? [] : await vectorRanking(suggestion?.text ?? query, meeting, limit);

    const fused = fuse(fusion, lexicalHits, vectorHits);

    const preferred = new Set(catalog.multiMeeting ? meetingsNamedByTime(query, catalog.meetings) : []);
    const lexicalInfo = new Map(
      lexicalHits.map((hit, index) => [hit.id, { rank: index + 1, score: hit.score }]),
    );
    const vectorInfo = new Map(
      vectorHits.map((hit, index) => [hit.id, { rank: index + 1, score: hit.score }]),
    );

    const ranked: RankedUnit[] = [];
    const seen = new Set<string>();
    const push = (unit: Unit, score: number, exact: boolean) => {
      if (seen.has(unit.id)) return;
      seen.add(unit.id);
      const entry: RankedUnit = { unit, score, exact };
      const lexicalEntry = lexicalInfo.get(unit.id);
      if (lexicalEntry) {
        entry.lexicalRank = lexicalEntry.rank;
        entry.lexicalScore = lexicalEntry.score;
      }
      const vectorEntry = vectorInfo.get(unit.id);
      if (vectorEntry) {
        entry.vectorRank = vectorEntry.rank;
        entry.vectorScore = vectorEntry.score;
      }
      ranked.push(entry);
    };
    // Exact references come first, in the order the query names them, above any fused score.
    const top = fused[0]?.score ?? 0;
    exactUnits.forEach((unit, index) => {
      push(unit, 1 + top + (exactUnits.length - index) * 1e-6, true);
    });
    const rescored = fused
      .map((hit) => {
        const unit = catalog.get(hit.id);
        if (!unit) return undefined;
        const other = preferred.size > 0 && !preferred.has(unit.meeting);
        return { unit, score: hit.score * (other ? otherMeetingFactor : 1), other };
      })
      .filter((entry): entry is { unit: Unit; score: number; other: boolean } => entry !== undefined)
      // The meetings a question names by time come first, whatever the scale of the fused scores.
      .sort((a, b) => Number(a.other) - Number(b.other) || b.score - a.score);
    for (const entry of rescored) push(entry.unit, entry.score, false);
    return ranked.slice(0, Math.max(k, exactUnits.length));
  }

  return {
    rank,
    spell: (query: string) => spelling?.suggest(query),
    async search(query: string, searchOptions: SearchOptions = {}): Promise<Source[]> {
      const ranked = await rank(query, searchOptions);
      return ranked
        .slice(0, Math.max(searchOptions.k ?? 5, 0))
        .map((entry) => toSource(entry.unit, round(entry.score)));
    },
  };
}

function round(score: number): number {
  return Math.round(score * 1e6) / 1e6;
}
