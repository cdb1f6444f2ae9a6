// Query embedding latency as a server pays it: a query not seen before (a model run), a repeated one (the LRU
// cache of query vectors that the retriever puts in front of the embedder), and queries that arrive together under
// load (they share model runs) — whose vectors must equal the ones each got alone.
import { DEFAULT_QUERY_CACHE_SIZE, withQueryCache } from '../src/embed/query-cache.ts';
import type { Embedder } from '../src/embed/types.ts';
import { measureLatency } from './latency.ts';
import { type LatencySummary, summarize } from './percentiles.ts';

/** Queries sent at once in the concurrent measurement, as a loaded server receives them. */
export const CONCURRENT_QUERIES = 40;

export interface QueryEmbeddingResult {
  /** Distinct queries available; `cold.count` of them were embedded before the budget ran out. */
  distinct: number;
  cacheCapacity: number;
  /** Each distinct query once, through an empty cache: every call runs the embedder. */
  cold: LatencySummary;
  /** The same queries again: every call is answered by the cache. */
  cached: LatencySummary;
  /** Per query, when CONCURRENT_QUERIES distinct ones arrive at once (the embedder's runs, no cache). */
  concurrent: LatencySummary;
  /** Of the concurrently embedded queries, how many got exactly the vector they got alone. */
  sameAsAlone: { identical: number; compared: number };
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
  const concurrent = await benchConcurrent(embedder, distinct.slice(0, cold.count), (text) =>
    embed(text).then(({ embeddings }) => embeddings[0] as number[]),
  );
  return { distinct: distinct.length, cacheCapacity: DEFAULT_QUERY_CACHE_SIZE, cold, cached, ...concurrent };
}

/** Groups of CONCURRENT_QUERIES queries at once straight to the embedder, timed per query and compared with `alone`. */
async function benchConcurrent(
  embedder: Embedder,
  queries: readonly string[],
  alone: (text: string) => Promise<number[]>,
): Promise<Pick<QueryEmbeddingResult, 'concurrent' | 'sameAsAlone'>> {
  const samples: number[] = [];
  let identical = 0;
  let compared = 0;
  for (let start = 0; start + CONCURRENT_QUERIES <= queries.length; start += CONCURRENT_QUERIES) {
    const group = queries.slice(start, start + CONCURRENT_QUERIES);
    const started = performance.now();
    const vectors = await Promise.all(
      group.map((text) =>
        embedder.doEmbed({ values: [text], inputType: 'query' }).then(({ embeddings }) => embeddings[0]),
      ),
    );
    const perQuery = (performance.now() - started) / group.length;
    for (let index = 0; index < group.length; index++) samples.push(perQuery);
    for (const [index, text] of group.entries()) {
      const expected = await alone(text);
      compared++;
      if (expected.every((value, position) => value === vectors[index]?.[position])) identical++;
    }
  }
  if (samples.length === 0) samples.push(Number.NaN);
  return { concurrent: summarize(samples), sameAsAlone: { identical, compared } };
}
