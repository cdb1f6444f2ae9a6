// The embedder interface, shaped like the AI SDK's EmbeddingModel (modelId, maxEmbeddingsPerCall, doEmbed).

/** e5-style models embed queries and passages differently ("query: " / "passage: "). */
export type EmbeddingInputType = 'query' | 'passage';

export interface EmbedOptions {
  values: string[];
  inputType: EmbeddingInputType;
  abortSignal?: AbortSignal;
}

export interface Embedder {
  /** Which implementation: "transformers", "openai-compatible" or "offline". */
  readonly provider: string;
  readonly modelId: string;
  /** Length of every vector this embedder returns. */
  readonly dimensions: number;
  /** At most this many values per doEmbed call. */
  readonly maxEmbeddingsPerCall: number;
  /** One L2-normalised vector per value, in order. */
  doEmbed(options: EmbedOptions): Promise<{ embeddings: number[][] }>;
}

/** Identity recorded in the index manifest; an index refuses an embedder with another id. */
export function embedderId(embedder: Pick<Embedder, 'provider' | 'modelId' | 'dimensions'>): string {
  return `${embedder.provider}:${embedder.modelId}:${embedder.dimensions}`;
}

/** Embeds any number of values, in calls of at most maxEmbeddingsPerCall, reporting progress. */
export async function embedAll(
  embedder: Embedder,
  values: string[],
  inputType: EmbeddingInputType,
  options: { onProgress?: (done: number, total: number) => void; abortSignal?: AbortSignal } = {},
): Promise<number[][]> {
  const embeddings: number[][] = [];
  const batch = Math.max(1, embedder.maxEmbeddingsPerCall);
  for (let start = 0; start < values.length; start += batch) {
    const slice = values.slice(start, start + batch);
    const result = await embedder.doEmbed({ values: slice, inputType, abortSignal: options.abortSignal });
    embeddings.push(...result.embeddings);
    options.onProgress?.(Math.min(start + batch, values.length), values.length);
  }
  return embeddings;
}
