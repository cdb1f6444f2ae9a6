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
