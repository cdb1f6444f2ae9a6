// Remembers the vectors of recent queries (an LRU of lru-cache), so a question asked again, or embedded again by the
// answerer after the retriever, costs no model run; passages always go to the embedder.
import { LRUCache } from 'lru-cache';
import type { Embedder } from './types.ts';

export const DEFAULT_QUERY_CACHE_SIZE = 1000;

export function withQueryCache(embedder: Embedder, capacity = DEFAULT_QUERY_CACHE_SIZE): Embedder {
  const cache = new LRUCache<string, number[]>({ max: Math.max(1, capacity) });
  return {
    ...embedder,
    ...(embedder.countTokens ? { countTokens: embedder.countTokens.bind(embedder) } : {}),
    async doEmbed(options) {
      if (options.inputType !== 'query') return embedder.doEmbed(options);
      const missing = [...new Set(options.values.filter((value) => !cache.has(value)))];
      if (missing.length > 0) {
        const { embeddings } = await embedder.doEmbed({ ...options, values: missing });
        missing.forEach((value, position) => {
          const vector = embeddings[position];
          if (vector) cache.set(value, vector);
        });
      }
      // Read back after the call: a capacity smaller than one call's values may have evicted some already.
      const embeddings: number[][] = [];
      for (const value of options.values) {
        let vector = cache.get(value);
        if (!vector) {
          [vector] = (await embedder.doEmbed({ ...options, values: [value] })).embeddings;
        }
        embeddings.push(vector as number[]);
      }
      return { embeddings };
    },
  };
}
