// Query embedding latency as a server pays it: a query not seen before (a model run) and a repeated one (the LRU
// cache of query vectors that the retriever puts in front of the embedder).
import { DEFAULT_QUERY_CACHE_SIZE, withQueryCache } from '../src/embed/query-cache.ts';
import type { Embedder } from '../src/embed/types.ts';
import { measureLatency } from './latency.ts';
import type { LatencySummary } from './percentiles.ts';

export interface QueryEmbeddingResult {
  /** Distinct queries available; `cold.count` of them were embedded before the budget ran out. */
  distinct: number;
  cacheCapacity: number;
  /** Each distinct query once, through an empty cache: every call runs the embedder. */
  cold: LatencySummary;
  /** The same queries again: every call is answered by the cache. */
  cached: LatencySummary;
}

/** Texts that warm the inference runtime first (its first runs allocate), none of them among the queries. */
const WARM_UP_TEXTS = ['Aufwärmen des Modells', 'Probe eins', 'Probe zwei', 'Probe drei', 'Probe vier'];

export async function benchQueryEmbedding(
  embedder: Embedder,
  queries: readonly string[],
  options: { runs: number; budgetMs: number },
): Promise<QueryEmbeddingResult> {
  const distinct = [...new Set(queries)].filter((text) => !WARM_UP_TEXTS.includes(text));
  for (const text of WARM_UP_TEXTS) await embedder.doEmbed({ values: [text], inputType: 'query' });
  const cache = withQueryCache(embedder, DEFAULT_QUERY_CACHE_SIZE);
  const embed = (text: string) => cache.doEmbed({ values: [text], inputType: 'query' });
  const cold = await measureLatency(distinct, embed, {
    runs: Math.min(distinct.length, DEFAULT_QUERY_CACHE_SIZE),
    warmup: 0,
    budgetMs: options.budgetMs,
  });
  const cached = await measureLatency(distinct.slice(0, cold.count), embed, {
    runs: Math.max(options.runs, cold.count),
    warmup: 0,
    budgetMs: options.budgetMs,
  });
  return { distinct: distinct.length, cacheCapacity: DEFAULT_QUERY_CACHE_SIZE, cold, cached };
}
