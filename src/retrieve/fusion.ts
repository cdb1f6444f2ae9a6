// Reciprocal rank fusion of several ranked lists into one (Cormack et al. 2009), with a weight per list.

export interface RankedList {
  /** Ids best first. */
  ids: readonly string[];
  weight: number;
}

export interface FusedHit {
  id: string;
  score: number;
}

/**
 * score(id) = Σ weight / (k + rank), rank counting from 1. k (default 60) flattens the advantage of the very top
 * ranks, so a unit ranked well by both lists beats one ranked first by only one. Ties keep first-seen order.
 */
export function reciprocalRankFusion(lists: readonly RankedList[], k = 60): FusedHit[] {
  const scores = new Map<string, number>();
  for (const list of lists) {
    const seen = new Set<string>();
    list.ids.forEach((id, index) => {
      if (seen.has(id)) return;
      seen.add(id);
      scores.set(id, (scores.get(id) ?? 0) + list.weight / (k + index + 1));
    });
  }
  return [...scores.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

export interface ScoredList {
  /** Hits best first, each with the list's own score (BM25, cosine …). */
  hits: ReadonlyArray<{ id: string; score: number }>;
  weight: number;
}

/**
 * Relative score fusion: each list's scores are scaled to 0..1 between its lowest and highest hit, then summed with
 * the weights (an id a list lacks adds 0 from it). Unlike RRF it keeps how far apart the hits of a list are: a
 * clear winner of one list stays ahead of hits both lists find only weakly. A list whose hits all score the same
 * gives each of them 1.
 */
export function relativeScoreFusion(lists: readonly ScoredList[]): FusedHit[] {
  const scores = new Map<string, number>();
  for (const list of lists) {
    if (list.hits.length === 0) continue;
    let low = Number.POSITIVE_INFINITY;
    let high = Number.NEGATIVE_INFINITY;
    for (const hit of list.hits) {
      low = Math.min(low, hit.score);
      high = Math.max(high, hit.score);
    }
    const span = high - low;
    const seen = new Set<string>();
    for (const hit of list.hits) {
      if (seen.has(hit.id)) continue;
      seen.add(hit.id);
      const normalised = span > 0 ? (hit.score - low) / span : 1;
      scores.set(hit.id, (scores.get(hit.id) ?? 0) + list.weight * normalised);
    }
  }
  return [...scores.entries()].map(([id, score]) => ({ id, score })).sort((a, b) => b.score - a.score);
}

/** How the lexical and the vector ranking become one. */
export type FusionSettings =
  | { method: 'rrf'; k: number; weights: { lexical: number; vector: number } }
  | { method: 'relative-score'; weights: { lexical: number; vector: number } };

/** Fuses a lexical and a vector ranking by the settings' method. */
export function fuse(
  settings: FusionSettings,
  lexical: ReadonlyArray<{ id: string; score: number }>,
  vector: ReadonlyArray<{ id: string; score: number }>,
): FusedHit[] {
  if (settings.method === 'rrf') {
    const lists: RankedList[] = [];
    if (lexical.length > 0)
      lists.push({ ids: lexical.map((hit) => hit.id), weight: settings.weights.lexical });
    if (vector.length > 0) lists.push({ ids: vector.map((hit) => hit.id), weight: settings.weights.vector });
    return reciprocalRankFusion(lists, settings.k);
  }
  return relativeScoreFusion([
    { hits: lexical, weight: settings.weights.lexical },
    { hits: vector, weight: settings.weights.vector },
  ]);
}
