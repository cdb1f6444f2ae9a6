// Query latency over one search state: each retrieval mode end to end, hybrid per query kind, and the parts of a
// hybrid query timed alone (embedding the query, BM25, HNSW with and without the retriever's filter, lookups).
import type { SearchState } from '../src/assistant/search-state.ts';
import { findReferences } from '../src/citation/reference.ts';
import { meetingsNamedByTime } from '../src/retrieve/meeting-time.ts';
import type { RetrievalMode } from '../src/retrieve/types.ts';
import { measureLatency } from './latency.ts';
import { type LatencySummary, summarize } from './percentiles.ts';
import type { BenchQuery, QueryKind } from './query-set.ts';

export interface QueryBenchOptions {
  runs: number;
  warmup: number;
  /** Results per query, as /api/search's default (default 5). */
  k?: number;
  /** Candidates per list, as the hybrid retriever's default (default 40; HNSW is asked for twice as many). */
  candidates?: number;
  /** Time budget of each measurement (see measureLatency; default none). */
  budgetMs?: number;
}

/** Queries the match counts are taken over at most: counting all matches is as slow as a query. */
const COUNT_SAMPLE = 60;

export interface NamedLatency {
  name: string;
  latency: LatencySummary;
}

export interface QueryBenchResult {
  queries: number;
  /** Weighted terms per query after analysis (own terms, compound parts, synonyms, translations). */
  termsPerQuery: LatencySummary;
  /** Units BM25 matches per query (all of them are scored before the top k are taken). */
  lexicalMatchesPerQuery: LatencySummary;
  modes: NamedLatency[];
  /** Hybrid latency per kind of query. */
  kinds: NamedLatency[];
  /** Parts of a hybrid query, each timed alone. */
  components: NamedLatency[];
}

const MODES: RetrievalMode[] = ['lexical', 'vector', 'hybrid'];

export async function benchQueries(
  state: SearchState,
  queries: readonly BenchQuery[],
  options: QueryBenchOptions,
): Promise<QueryBenchResult> {
  const { runs, warmup, k = 5, candidates = 40, budgetMs } = options;
  // The index's own analyzer and query embedder (the offline one over that analyzer), unweighted and uncached.
  const { analyzer, embedder } = state;
  const measure = { runs, warmup, ...(budgetMs === undefined ? {} : { budgetMs }) };
  const texts = queries.map((query) => query.text);
  // Before anything else: each query once, as a new user query meets the analyzer's per-word caches cold.
  const firstSight = await measureLatency(
    texts,
    (text) => state.retriever.search(text, { k, mode: 'hybrid' }),
    {
      ...measure,
      runs: texts.length,
      warmup: 0,
    },
  );
  const modes: NamedLatency[] = [];
  for (const mode of MODES) {
    const latency = await measureLatency(texts, (text) => state.retriever.search(text, { k, mode }), measure);
    modes.push({ name: mode, latency });
  }

  const kinds: NamedLatency[] = [];
  for (const kind of [...new Set(queries.map((query) => query.kind))] as QueryKind[]) {
    const ofKind = texts.filter((_, index) => queries[index]?.kind === kind);
    const kindRuns = Math.max(ofKind.length, Math.ceil(runs / 4));
    const latency = await measureLatency(
      ofKind,
      (text) => state.retriever.search(text, { k, mode: 'hybrid' }),
      {
        ...measure,
        runs: kindRuns,
        warmup: Math.min(warmup, ofKind.length),
      },
    );
    kinds.push({ name: `${kind} (${ofKind.length} queries)`, latency });
  }

  const { catalog, lexical, index } = state;
  const vectors = await Promise.all(
    texts.map(
      async (text) => (await embedder.doEmbed({ values: [text], inputType: 'query' })).embeddings[0] ?? [],
    ),
  );
  const positions = texts.map((_, position) => position);
  const vectorK = Math.min(index.vectorStore.size, candidates * 2);
  const unitFilter = (label: number) => catalog.get(index.chunks[label]?.unitId ?? '') !== undefined;
  const components: NamedLatency[] = [
    {
      name: 'embed query',
      latency: await measureLatency(
        texts,
        (text) => embedder.doEmbed({ values: [text], inputType: 'query' }),
        measure,
      ),
    },
    {
      name: 'query analysis (analyzer.queryTerms)',
      latency: await measureLatency(texts, (text) => analyzer.queryTerms(text), measure),
    },
    {
      name: `lexical search (k ${candidates}, filter; analysis included)`,
      latency: await measureLatency(
        texts,
        (text) => lexical.search(text, { k: candidates, filter: (id) => catalog.get(id) !== undefined }),
        measure,
      ),
    },
    {
      name: `hnsw search (k ${vectorK}, filter)`,
      latency: await measureLatency(
        positions,
        (position) => index.vectorStore.search(vectors[position] as number[], vectorK, unitFilter),
        measure,
      ),
    },
    {
      name: `hnsw search (k ${vectorK}, no filter)`,
      latency: await measureLatency(
        positions,
        (position) => index.vectorStore.search(vectors[position] as number[], vectorK),
        measure,
      ),
    },
    {
      name: 'references + meeting times',
      latency: await measureLatency(
        texts,
        (text) => {
          for (const reference of findReferences(text)) catalog.resolve(reference);
          if (catalog.multiMeeting) meetingsNamedByTime(text, catalog.meetings);
        },
        measure,
      ),
    },
  ];
  modes.push({ name: 'hybrid, first sight (1 pass, no warm-up)', latency: firstSight });
  const termsPerQuery = summarize(texts.map((text) => analyzer.queryTerms(text).length));
  const step = Math.max(1, Math.ceil(texts.length / COUNT_SAMPLE));
  const matchCounts: number[] = [];
  for (const text of texts.filter((_, position) => position % step === 0)) {
    matchCounts.push((await lexical.search(text, { k: Number.MAX_SAFE_INTEGER })).length);
  }
  const lexicalMatchesPerQuery = summarize(matchCounts);
  return { queries: queries.length, termsPerQuery, lexicalMatchesPerQuery, modes, kinds, components };
}
